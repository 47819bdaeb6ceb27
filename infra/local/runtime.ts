import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { useClock } from '#shared/clients/runtime';
import { AdjustableClock } from '#shared/clock';
import { caseTable } from '#shared/db/table';
import { type StageWorkflow, stageWorkflowKeys, stageWorkflows, workflowFunctions } from '#shared/names';
import { loadWorkflowDefinition } from '../../workflows/definitions';
import { createApiServer } from './api-server';
import { createTable, type DynamoLocal, LOCAL_REGION, localCredentials, startDynamoLocal } from './dynamo';
import { drainOnStop } from './graceful-stop';
import { lambdaContext, localHandlers } from './handlers';
import { LocalIdentity } from './identity';
import { localRoutes } from './local-routes';
import { seedDemoCases } from './seed';
import { createJournalTable, createStepFunctionsHttpHandler, LocalStepFunctions } from './sfn';

export const LOCAL_ACCOUNT = '000000000000';
const CASE_TABLE = 'Cases';
const JOURNAL_TABLE = 'LocalStepFunctionsJournal';

export interface LocalRuntimeOptions {
  /** HTTP port of the API; 0 picks a free one. */
  port: number;
  /** Where data survives restarts; undefined keeps everything in memory (tests). */
  dataDir?: string;
  /** Seed demo cases on first start. */
  seed: boolean;
  /** How often timers and task timeouts are checked, in ms. */
  tickMs?: number;
  /** How long stop() lets requests in flight finish before cutting them off, in ms. @default 10000 */
  shutdownGraceMs?: number;
  /** DynamoDB Local died and could not be started again: the owner stops and exits non-zero. */
  onDynamoLost?: (reason: string) => void;
}

export interface LocalRuntime {
  url: string;
  clock: AdjustableClock;
  engine: LocalStepFunctions;
  dynamo: DynamoLocal;
  /** Signs the local tokens (tests sign in users of any role and unit with it). */
  identity: LocalIdentity;
  tableName: string;
  /** Moves the clock on and runs everything that became due. */
  advanceClock(ms: number): Promise<void>;
  /** Fires due timers and task timeouts now, then waits for the engine to settle. */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

export const localFunctionArn = (name: string): string =>
  `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT}:function:${name}`;
export const localStateMachineArn = (workflow: StageWorkflow): string =>
  `arn:aws:states:${LOCAL_REGION}:${LOCAL_ACCOUNT}:stateMachine:${stageWorkflows[workflow].name}`;

/** Every ARN the ASL files substitute, for the local runtime. */
export function localSubstitutions(): Record<string, string> {
  const substitutions: Record<string, string> = {};
  for (const fn of Object.values(workflowFunctions)) substitutions[fn.arnKey] = localFunctionArn(fn.name);
  for (const key of stageWorkflowKeys) substitutions[stageWorkflows[key].arnKey] = localStateMachineArn(key);
  return substitutions;
}

const listen = (server: Server, port: number): Promise<number> =>
  new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolveListen((server.address() as AddressInfo).port));
  });

/**
 * The whole system on one machine: DynamoDB Local, the durable local Step Functions engine
 * running the same ASL, the same handlers behind a local HTTP API, and a movable clock.
 */
export async function startLocalRuntime(options: LocalRuntimeOptions): Promise<LocalRuntime> {
  const dataDir = options.dataDir ? resolve(options.dataDir) : undefined;
  if (dataDir) mkdirSync(join(dataDir, 'dynamodb'), { recursive: true });
  const clockFile = dataDir && join(dataDir, 'clock.json');
  // Issued PDFs by hash; without a data directory, a temporary one removed on stop.
  const documentsDir = dataDir ? join(dataDir, 'documents') : mkdtempSync(join(tmpdir(), 'case-documents-'));
  const clock = new AdjustableClock(clockFile && existsSync(clockFile) ? readOffset(clockFile) : 0);

  const dynamo = await startDynamoLocal({
    dataDir: dataDir && join(dataDir, 'dynamodb'),
    onLost: options.onDynamoLost ?? ((reason) => console.error(reason)),
  });
  // A start that fails half-way stops what it had started (the JVM, the engine, the servers).
  const undo: (() => Promise<unknown>)[] = [() => dynamo.stop()];
  try {
    await createTable(dynamo.client, CASE_TABLE, caseTable);
    await createJournalTable(dynamo.client, JOURNAL_TABLE);

    const sfnServer = createServer();
    const sfnPort = await listen(sfnServer, 0);
    undo.push(() => new Promise((r) => sfnServer.close(r)));
    const stateMachineArns = Object.fromEntries(
      stageWorkflowKeys.map((key) => [key, localStateMachineArn(key)]),
    );
    Object.assign(process.env, {
      TABLE_NAME: CASE_TABLE,
      STATE_MACHINE_ARNS: JSON.stringify(stateMachineArns),
      AWS_REGION: LOCAL_REGION,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      STEPFUNCTIONS_ENDPOINT: `http://127.0.0.1:${sfnPort}`,
      DOCUMENTS_DIR: documentsDir,
      AWS_ACCESS_KEY_ID: localCredentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey,
    });
    useClock(clock);

    const functions = Object.fromEntries(
      Object.values(workflowFunctions).map((fn) => {
        const handler = localHandlers[fn.name];
        if (!handler) throw new Error(`no handler for ${fn.name}`);
        return [localFunctionArn(fn.name), (event: unknown) => handler(event, lambdaContext(fn.name))];
      }),
    );
    const substitutions = localSubstitutions();
    const engine = new LocalStepFunctions({
      dynamo: dynamo.client,
      journalTableName: JOURNAL_TABLE,
      clock,
      functions,
      stateMachines: stageWorkflowKeys.map((key) => ({
        name: stageWorkflows[key].name,
        arn: localStateMachineArn(key),
        definition: loadWorkflowDefinition(key, substitutions),
      })),
    });
    sfnServer.on('request', createStepFunctionsHttpHandler(engine));
    undo.push(() => engine.stop());
    await engine.start();

    let ticking: Promise<void> | undefined;
    const tick = async (): Promise<void> => {
      while (ticking) await ticking;
      ticking = (async () => {
        await engine.tick();
        // The same scheduled function AWS runs every minute.
        for (;;) {
          const ran = (await localHandlers['fire-timers']?.({}, lambdaContext('fire-timers'))) as {
            fired: number;
            escalated: number;
          };
          if (ran.fired + ran.escalated === 0) break;
          await engine.idle();
        }
        await engine.idle();
        // The same reconciler AWS runs every five minutes: owed workflow calls, waits left stranded.
        const reconciled = (await localHandlers['reconcile-workflows']?.(
          {},
          lambdaContext('reconcile-workflows'),
        )) as { repairedCalls: number; resumedWaits: number };
        if (reconciled.repairedCalls + reconciled.resumedWaits > 0) await engine.idle();
      })();
      try {
        await ticking;
      } finally {
        ticking = undefined;
      }
    };
    const advanceClock = async (ms: number): Promise<void> => {
      // Whatever is under way now finishes at the present time before time jumps.
      await engine.idle();
      clock.advance(ms);
      if (clockFile) writeFileSync(clockFile, JSON.stringify({ offsetMs: clock.offset }));
      await tick();
    };

    const identity = new LocalIdentity(dataDir && join(dataDir, 'local-jwt-secret'));
    const apiServer = createApiServer({
      identity,
      handlers: localHandlers,
      localRoutes: localRoutes({ identity, clock, advanceClock }),
      staticDir: resolve(import.meta.dirname, '../../web/dist'),
    });
    const draining = drainOnStop(apiServer);
    const port = await listen(apiServer, options.port);
    undo.push(() => draining.stop(0));
    const url = `http://127.0.0.1:${port}`;

    const seededMarker = dataDir && join(dataDir, 'seeded');
    if (options.seed && !(seededMarker && existsSync(seededMarker))) {
      await seedDemoCases({ engine, tick });
      if (seededMarker) writeFileSync(seededMarker, new Date().toISOString());
    }

    const interval = setInterval(() => {
      tick().catch((error: unknown) =>
        console.error('local tick failed', error instanceof Error ? error.name : error),
      );
    }, options.tickMs ?? 1000);

    return {
      url,
      clock,
      engine,
      dynamo,
      identity,
      tableName: CASE_TABLE,
      advanceClock,
      tick,
      stop: async () => {
        clearInterval(interval);
        // No new requests; those in flight finish (within the bound), then the engine and the
        // table they need stop, in that order.
        await draining.stop(options.shutdownGraceMs ?? 10_000);
        // Let a tick in flight finish before its storage goes away.
        await ticking?.catch(() => undefined);
        await engine.stop();
        sfnServer.closeAllConnections();
        await new Promise((r) => sfnServer.close(r));
        await dynamo.stop();
        if (!dataDir) rmSync(documentsDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    for (const step of undo.reverse()) await step().catch(() => undefined);
    if (!dataDir) rmSync(documentsDir, { recursive: true, force: true });
    throw error;
  }
}

function readOffset(file: string): number {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { offsetMs?: unknown };
  return typeof parsed.offsetMs === 'number' && parsed.offsetMs >= 0 ? parsed.offsetMs : 0;
}
