/**
 * `npm run bench`: latency of one action through the local HTTP API under 1 and 32 concurrent
 * clients, and its ratio to the raw DynamoDB Local round trips the action performs (the storage
 * floor). Each client behaves like a real one: it performs an action (timed), then reads the case
 * until the workflow has opened the next step (not timed), then moves to its next case.
 * Then the time from `npm start` to READY, empty, loaded and with 10,000 open cases (bench/start.ts).
 * Prints the figures and writes them to bench/out/latest.json. Never fails a build.
 *
 * `npm run bench -- bundles` prints only the Lambda bundle sizes (bench/bundles.ts).
 * `npm run bench -- start` runs only the start figures and writes bench/out/start.json;
 * BENCH_START_CASES and BENCH_START_RUNS change the case count (10000) and starts per folder (3);
 * BENCH_START_DIR keeps the folder of cases, and reuses it next time (opening them takes minutes).
 */
import '../infra/local/node-warnings';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { startLocalRuntime } from '../infra/local/runtime';
import { benchBundles } from './bundles';
import { benchDocuments } from './documents';
import { benchStart, startReport } from './start';
import { benchFirstScreen } from './ui';

const SINGLE_ACTIONS = 150;
const CONCURRENT_CLIENTS = 32;
const CONCURRENT_ACTIONS = 640;
const WARM_UP = 30;
const FLOOR_SAMPLES = 300;
const INDICATOR_READS = 100;

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};
const round = (n: number, digits = 2) => Number(n.toFixed(digits));

const outDir = join(import.meta.dirname, 'out');
const writeOut = (name: string, results: unknown) => {
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, name), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nWritten to bench/out/${name}`);
};
const startOptions = {
  keepDir: process.env.BENCH_START_DIR,
  cases: Number(process.env.BENCH_START_CASES ?? 10_000),
  runs: Number(process.env.BENCH_START_RUNS ?? 3),
};
if (process.argv[2] === 'bundles') {
  console.log(await benchBundles());
  process.exit(0);
}
if (process.argv[2] === 'start') {
  const start = await benchStart(startOptions);
  console.log(`\n${startReport(start)}`);
  console.log(await benchBundles());
  writeOut('start.json', { start, node: process.version, measuredAt: new Date().toISOString() });
  process.exit(0);
}

const runtime = await startLocalRuntime({ port: 0, seed: false, tickMs: 1000 });
const base = runtime.url;

async function call(method: string, path: string, token?: string, body?: unknown) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(token && { authorization: `Bearer ${token}` }),
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // biome-ignore lint/suspicious/noExplicitAny: bench reads a few known fields.
  return { status: response.status, body: (await response.json()) as any };
}

const token = (await call('POST', '/local/sign-in', undefined, { userId: 'police-dong-phong' })).body
  .token as string;

/** Cases waiting for the police to send the file: each bench action moves one of them on. */
let citizen = 0;

async function prepareCases(count: number): Promise<{ caseId: string; version: number }[]> {
  const cases: { caseId: string; version: number }[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next += 1;
      const n = citizen++;
      const created = await call('POST', '/cases', token, {
        person: {
          fullName: 'Người Thử Nghiệm',
          dateOfBirth: '1990-01-01',
          gender: 'male',
          citizenId: `0120900${String(n).padStart(5, '0')}`,
          residence: { address: 'Tổ dân phố số 1, phường Đông Phong', communeId: 'p-dong-phong' },
        },
        grounds: ['a'],
        groundsDetail: 'Không đăng ký cai nghiện tự nguyện.',
        addictionDetermination: {
          facility: 'Trung tâm Y tế',
          determinedOn: '2026-01-01',
          documentNumber: '1/XĐ',
        },
        documents: [{ kind: 'violationRecord', title: 'Biên bản vi phạm hành chính' }],
      });
      if (created.status !== 201) throw new Error(`create failed: ${JSON.stringify(created.body)}`);
      cases.push({ caseId: created.body.caseId, version: 0 });
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  await runtime.engine.idle();
  for (const c of cases) {
    for (;;) {
      const current = await call('GET', `/cases/${c.caseId}`, token);
      if (current.body.pendingTasks?.length > 0) {
        c.version = current.body.version;
        break;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
  }
  return cases;
}

async function measure(cases: { caseId: string; version: number }[], clients: number): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const c = cases[next++] as { caseId: string; version: number };
      const started = performance.now();
      const result = await call('POST', `/cases/${c.caseId}/actions/submitFile`, token, {
        expectedVersion: c.version,
        input: { opinionsRecorded: true },
      });
      latencies.push(performance.now() - started);
      if (result.status !== 200) throw new Error(`action failed: ${JSON.stringify(result.body)}`);
      // Like a real client, read the case until the workflow has moved on before the next action.
      while (!(await call('GET', `/cases/${c.caseId}`, token)).body.pendingTasks?.length) {
        await new Promise((r) => setTimeout(r, 2));
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, worker));
  await runtime.engine.idle();
  return latencies;
}

/** The same storage work one action does, straight against DynamoDB Local, nothing else. */
async function storageFloor(): Promise<{ perAction: number; roundTrips: number; countersMs: number }> {
  const doc = DynamoDBDocumentClient.from(runtime.dynamo.client, {
    marshallOptions: { removeUndefinedValues: true },
  });
  const sample = (await call('GET', `/cases?unit=p-dong-phong&limit=1`, token)).body.items[0];
  const query: number[] = [];
  const transact: number[] = [];
  const bare: number[] = [];
  const journal: number[] = [];
  const readHead = () =>
    doc.send(
      new QueryCommand({
        TableName: runtime.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :h)',
        ExpressionAttributeValues: { ':pk': `CASE#${sample.caseId}`, ':h': '#' },
        ConsistentRead: true,
      }),
    );
  // The indicator counters a stage change moves: month flows and stage gauges of 3 units.
  const counterUpdates = (id: string) =>
    ['commune', 'district', 'province'].flatMap((unit) =>
      [`M#2026-11#${id.length % 4}`, `NOW#${id.length % 4}`].map((SK) => ({
        Update: {
          TableName: runtime.tableName,
          Key: { PK: `FLOOR-IND#${unit}`, SK },
          UpdateExpression: 'SET entity = :e ADD #a :one, #b :one',
          ExpressionAttributeNames: { '#a': 'filesCompiled', '#b': 'stepCount_submitFile' },
          ExpressionAttributeValues: { ':e': 'counter', ':one': 1 },
        },
      })),
    );
  for (let i = 0; i < FLOOR_SAMPLES; i += 1) {
    const id = `floor-${i}`;
    let t = performance.now();
    // CaseCommands reads the case and hands it to the repository with the change.
    await readHead();
    query.push(performance.now() - t);
    t = performance.now();
    await doc.send(
      new TransactWriteCommand({
        TransactItems: [
          ...counterUpdates(id),
          { Put: { TableName: runtime.tableName, Item: { ...sample, PK: `FLOOR#${id}`, SK: '#CASE' } } },
          {
            Put: {
              TableName: runtime.tableName,
              Item: { PK: `FLOOR#${id}`, SK: 'EVENT#1', input: { opinionsRecorded: true } },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          { Delete: { TableName: runtime.tableName, Key: { PK: `FLOOR#${id}`, SK: '#TASK#x' } } },
          { Delete: { TableName: runtime.tableName, Key: { PK: `FLOOR#${id}`, SK: '#TASK#x.recordDeath' } } },
          {
            Put: {
              TableName: runtime.tableName,
              Item: { PK: `FLOOR#${id}`, SK: 'DONE#x', output: { action: 'submitFile' } },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
        ],
      }),
    );
    transact.push(performance.now() - t);
    t = performance.now();
    // The same transaction without the counters, to price them.
    await doc.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: runtime.tableName, Item: { ...sample, PK: `BARE#${id}`, SK: '#CASE' } } },
          {
            Put: {
              TableName: runtime.tableName,
              Item: { PK: `BARE#${id}`, SK: 'EVENT#1', input: { opinionsRecorded: true } },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          { Delete: { TableName: runtime.tableName, Key: { PK: `BARE#${id}`, SK: '#TASK#x' } } },
          { Delete: { TableName: runtime.tableName, Key: { PK: `BARE#${id}`, SK: '#TASK#x.recordDeath' } } },
          {
            Put: {
              TableName: runtime.tableName,
              Item: { PK: `BARE#${id}`, SK: 'DONE#x', output: { action: 'submitFile' } },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
        ],
      }),
    );
    bare.push(performance.now() - t);
    t = performance.now();
    await runtime.dynamo.client.send(
      new PutItemCommand({
        TableName: 'LocalStepFunctionsJournal',
        Item: { PK: { S: `FLOOR#${id}` }, SK: { S: 'STEP#1' }, output: { S: '{"action":"submitFile"}' } },
      }),
    );
    journal.push(performance.now() - t);
  }
  const perAction = percentile(query, 50) + percentile(transact, 50) + percentile(journal, 50);
  return { perAction, roundTrips: 4, countersMs: percentile(transact, 50) - percentile(bare, 50) };
}

/** GET /units/{unitId}/indicators: two Queries of the counters and one GetItem of the targets. */
async function indicatorReads(): Promise<number[]> {
  const year = new Date().toISOString().slice(0, 4);
  const latencies: number[] = [];
  for (let i = 0; i < INDICATOR_READS; i += 1) {
    const started = performance.now();
    const result = await call('GET', `/units/p-dong-phong/indicators?period=${year}`, token);
    latencies.push(performance.now() - started);
    if (result.status !== 200) throw new Error(`indicators failed: ${JSON.stringify(result.body)}`);
  }
  return latencies;
}

console.log('Preparing cases…');
const warm = await prepareCases(WARM_UP);
await measure(warm, 1);
const single = await prepareCases(SINGLE_ACTIONS);
const concurrent = await prepareCases(CONCURRENT_ACTIONS);
// The floor is measured in the same warm state as the single-client run, right before it.
const floor = await storageFloor();
const at1 = await measure(single, 1);
const at32 = await measure(concurrent, CONCURRENT_CLIENTS);
const indicators = await indicatorReads();
// The reviewer's inbox now holds every case the runs above sent on: a full first screen.
const firstScreen = await benchFirstScreen(base, 'reviewer-tp-lai-chau');
await runtime.stop();
const documents = await benchDocuments();
const start = await benchStart(startOptions);

const results = {
  action: 'POST /cases/{id}/actions/submitFile',
  at1: { samples: at1.length, p50Ms: round(percentile(at1, 50)), p99Ms: round(percentile(at1, 99)) },
  at32: { samples: at32.length, p50Ms: round(percentile(at32, 50)), p99Ms: round(percentile(at32, 99)) },
  throughputAt32PerSecond: 0,
  storageFloor: { roundTripsPerAction: floor.roundTrips, p50Ms: round(floor.perAction) },
  ratioToStorageFloor: round(percentile(at1, 50) / floor.perAction),
  p99OverP50At32: round(percentile(at32, 99) / percentile(at32, 50)),
  documents: { ...documents, targets: { medianMs: 30, kilobytes: 40 } },
  firstScreen: firstScreen ?? 'Chromium not installed',
  targets: { ratioToStorageFloor: 2, p99OverP50At32: 3 },
  indicatorsRead: {
    request: 'GET /units/{unitId}/indicators?period=<year>',
    samples: indicators.length,
    p50Ms: round(percentile(indicators, 50)),
    p99Ms: round(percentile(indicators, 99)),
  },
  counterWriteCost: {
    itemsPerStageChange: 6,
    extraReadsPerChange: 0,
    transactionP50MsAdded: round(floor.countersMs),
  },
  start,
  node: process.version,
  measuredAt: new Date().toISOString(),
};
results.throughputAt32PerSecond = round((CONCURRENT_CLIENTS * 1000) / percentile(at32, 50), 0);

console.log(`
Action latency through the local HTTP API (${results.action})
  1 client:   p50 ${results.at1.p50Ms} ms   p99 ${results.at1.p99Ms} ms   (${results.at1.samples} actions)
  32 clients: p50 ${results.at32.p50Ms} ms   p99 ${results.at32.p99Ms} ms   (${results.at32.samples} actions)
Storage floor: ${floor.roundTrips} DynamoDB Local round trips = ${results.storageFloor.p50Ms} ms (p50 sum)
  ratioToStorageFloor  ${results.ratioToStorageFloor}  (target ≤ ${results.targets.ratioToStorageFloor})
  p99OverP50At32       ${results.p99OverP50At32}  (target ≤ ${results.targets.p99OverP50At32})
Indicators read (${results.indicatorsRead.request}): p50 ${results.indicatorsRead.p50Ms} ms   p99 ${results.indicatorsRead.p99Ms} ms
Indicator counters: +${results.counterWriteCost.itemsPerStageChange} Update items in a stage change's transaction (+${results.counterWriteCost.transactionP50MsAdded} ms p50) and ${results.counterWriteCost.extraReadsPerChange} extra reads (the command hands the case it read to the store)

Documents, warm (font parsed once per process; targets: median ≤ 30 ms, size ≤ 40 KB)
${documents.kinds
  .map(
    (d) =>
      `  ${d.kind.padEnd(31)} median ${String(d.medianMs).padStart(5)} ms   p95 ${String(d.p95Ms).padStart(5)} ms   ${String(d.kilobytes).padStart(5)} KB`,
  )
  .join('\n')}

Web UI first screen (a reviewer's inbox, cold browser context, Chromium; target p50 ≤ 1000 ms)
${
  firstScreen
    ? `  p50 ${firstScreen.p50Ms} ms   p95 ${firstScreen.p95Ms} ms   (${firstScreen.samples} loads)   GET /me/tasks alone p50 ${firstScreen.inboxApiP50Ms} ms (${firstScreen.inboxItems} tasks)\n  transferred ${firstScreen.transferredKiB} KiB   app.js ${firstScreen.appJsGzipKiB} KiB gzip`
    : '  skipped: Chromium not installed'
}

${startReport(start)}`);
console.log(await benchBundles());

writeOut('latest.json', results);
process.exit(0);
