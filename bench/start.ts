/**
 * Time from `npm start` to READY: the real entry point spawned as a person runs it (its own
 * process group, web/dist already built), stopped with SIGTERM after READY. Three folders:
 * an empty one (the first start, which seeds the demo cases) and its restart (the demo cases
 * resumed); the same two with a busy loop on every core; and one holding 10,000 open cases, each
 * waiting at its first step with its workflow execution, which the engine resumes from its
 * journal on every start. Also the resident memory of node and DynamoDB Local at READY.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { caseCommands } from '#shared/clients/commands';
import { documentIssuer } from '#shared/clients/issuer';
import { caseStore } from '#shared/clients/store';
import { vietnamDate } from '#shared/domain/dates';
import type { Actor } from '#shared/domain/roles';
import { freePort } from '../infra/local/dynamo';
import { demoUsers } from '../infra/local/identity';
import { startLocalRuntime } from '../infra/local/runtime';
import { demoFile } from '../infra/local/seed';
import { buildWeb } from '../web/build';

const repoDir = join(import.meta.dirname, '..');
const READY_TIMEOUT_MS = 10 * 60_000;

export interface StartFigures {
  runs: number;
  minMs: number;
  medianMs: number;
  maxMs: number;
  /** Resident memory at READY (median), node and the DynamoDB Local JVM; undefined off Linux. */
  nodeRssMiB?: number;
  dynamoRssMiB?: number;
}

export interface StartResults {
  /** The first start on an empty folder: it seeds the five demo cases. */
  empty: StartFigures;
  /** The next start on that folder: the demo cases resumed, nothing seeded. */
  restart: StartFigures;
  /** The same two with a busy loop on every core (a loaded CI runner). */
  emptyLoaded: StartFigures & { busyLoops: number };
  restartLoaded: StartFigures & { busyLoops: number };
  withCases: StartFigures & { cases: number };
  /** Of the medians. */
  ratios: {
    withCasesToEmpty: number;
    withCasesToRestart: number;
    restartToEmpty: number;
    loadedToEmpty: number;
    restartLoadedToRestart: number;
  };
  /** How long opening the cases took, once, through the same commands the API runs. */
  populate: { cases: number; seconds: number; perSecond: number; reused: boolean };
  cores: number;
  /** os.loadavg() before the first start: figures from a busy machine read differently. */
  loadAverageBefore: number[];
}

const round = (n: number, digits = 0) => Number(n.toFixed(digits));
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
};

/** VmRSS of a process and of its direct children (the JVM), from /proc; undefined elsewhere. */
function residentMemory(pid: number): { nodeRssMiB?: number; dynamoRssMiB?: number } {
  const rss = (p: number) => {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  };
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/);
    return {
      nodeRssMiB: rss(pid),
      dynamoRssMiB: children.filter(Boolean).reduce((sum, child) => sum + rss(Number(child)), 0),
    };
  } catch {
    return {};
  }
}

/** SIGTERM to node, which stops its JVM; the whole group is SIGKILLed after, whatever happened. */
async function stop(child: ChildProcess): Promise<void> {
  const pid = child.pid as number;
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 30_000))]);
  }
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // the group is gone already
  }
}

/** One `npm start` on dataDir: ms from spawn to the READY line, and the memory then. */
async function startOnce(
  dataDir: string,
): Promise<{ ms: number; nodeRssMiB?: number; dynamoRssMiB?: number }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/main.ts'], {
    cwd: repoDir,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, POWERTOOLS_LOG_LEVEL: 'ERROR' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    let output = '';
    const ms = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no READY within 10 min: ${output}`)),
        READY_TIMEOUT_MS,
      );
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (/^READY$/m.test(output)) {
          clearTimeout(timer);
          resolve(performance.now() - started);
        }
      });
      child.stderr?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`npm start exited with ${code} before READY: ${output}`));
      });
    });
    return { ms, ...residentMemory(child.pid as number) };
  } finally {
    await stop(child);
  }
}

type StartSample = Awaited<ReturnType<typeof startOnce>>;

const figures = (samples: StartSample[]): StartFigures => {
  const ms = samples.map((s) => s.ms);
  const memory = (key: 'nodeRssMiB' | 'dynamoRssMiB') => {
    const values = samples.map((s) => s[key]).filter((v): v is number => v !== undefined);
    return values.length ? round(median(values)) : undefined;
  };
  return {
    runs: samples.length,
    minMs: round(Math.min(...ms)),
    medianMs: round(median(ms)),
    maxMs: round(Math.max(...ms)),
    nodeRssMiB: memory('nodeRssMiB'),
    dynamoRssMiB: memory('dynamoRssMiB'),
  };
};

const timed = async (label: string, dataDir: string): Promise<StartSample> => {
  const sample = await startOnce(dataDir);
  console.log(`  ${label}: READY after ${round(sample.ms)} ms`);
  return sample;
};

/** On each of `runs` new folders: the first start (which seeds the demo cases), then a restart. */
async function firstAndRestart(label: string, runs: number, folder: () => string) {
  const first: StartSample[] = [];
  const restart: StartSample[] = [];
  for (let i = 1; i <= runs; i += 1) {
    const dir = folder();
    first.push(await timed(`${label} #${i}, first start`, dir));
    restart.push(await timed(`${label} #${i}, restart`, dir));
  }
  return { first: figures(first), restart: figures(restart) };
}

const actorOf = (userId: string): Actor => {
  const user = demoUsers.find((u) => u.userId === userId);
  if (!user) throw new Error(`unknown demo user ${userId}`);
  return { userId: user.userId, name: user.name, role: user.role, unitId: user.unitId };
};

const FAMILY = ['Lò', 'Quàng', 'Tòng', 'Vàng', 'Giàng', 'Lường', 'Nguyễn', 'Hoàng'];
const GIVEN = ['Văn Tùng', 'Thị Mai', 'Văn Hùng', 'A Sử', 'Thị Pà', 'Văn Sơn', 'Thị Lan', 'Văn Minh'];
const COMMUNES = [
  { communeId: 'p-dong-phong', police: 'police-dong-phong', address: 'phường Đông Phong' },
  { communeId: 'p-tan-phong', police: 'police-tan-phong', address: 'phường Tân Phong' },
];

/**
 * A data folder as `npm start` leaves it (demo cases seeded), plus `count` cases opened by the
 * commune police through CaseCommands, as POST /cases does: each starts its workflow, which runs
 * to the first step (the police's submitFile) and waits there.
 */
async function populate(dataDir: string, count: number): Promise<{ seconds: number }> {
  const started = performance.now();
  const runtime = await startLocalRuntime({ port: 0, dataDir, seed: true, tickMs: 3_600_000 });
  // Stopped whatever happens: a runtime left running keeps its DynamoDB Local JVM alive.
  try {
    const commands = caseCommands({ issuer: documentIssuer() });
    const today = vietnamDate(runtime.clock.now());
    let next = 0;
    let done = 0;
    const caseIds: string[] = [];
    const worker = async () => {
      while (next < count) {
        const i = next++;
        const female = i % 2 === 1;
        const year = 1980 + (i % 25);
        const commune = COMMUNES[i % COMMUNES.length] as (typeof COMMUNES)[number];
        const file = demoFile(
          {
            fullName: `${FAMILY[i % FAMILY.length]} ${GIVEN[(i >> 3) % GIVEN.length]}`,
            dateOfBirth: `${year}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
            gender: female ? 'female' : 'male',
            // Lai Châu (012), sex and century, year, a serial clear of the demo people's.
            citizenId: `012${female ? 1 : 0}${String(year).slice(2)}${String(500_000 + i)}`,
            address: `Tổ dân phố số ${1 + (i % 20)}, ${commune.address}`,
            communeId: commune.communeId,
            police: commune.police,
          },
          today,
        );
        const opened = await commands.openCase(actorOf(commune.police), file);
        if (opened.status !== 201)
          throw new Error(`opening case ${i} failed: ${JSON.stringify(opened.body)}`);
        caseIds.push(opened.body.caseId);
        done += 1;
        if (done % 1000 === 0 || done === count) {
          const seconds = (performance.now() - started) / 1000;
          console.log(`  opened ${done}/${count} cases (${round(seconds, 1)} s)`);
        }
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    await runtime.engine.idle();
    // Every case's workflow is parked at the police's first step.
    const store = caseStore();
    for (let i = 0; i < caseIds.length; i += 100) {
      const batch = caseIds.slice(i, i + 100);
      const found = await store.getCasesWithTasks(batch);
      if (found.length !== batch.length) throw new Error('a case opened is missing');
      for (const { record, tasks } of found) {
        if (!tasks.some((t) => t.action === 'submitFile')) {
          throw new Error(`case ${record.caseId} is not waiting at submitFile: ${JSON.stringify(tasks)}`);
        }
      }
    }
  } finally {
    await runtime.stop();
  }
  return { seconds: (performance.now() - started) / 1000 };
}

interface PopulatedMarker {
  cases: number;
  seconds: number;
}

/** A busy loop per core, in child processes, until the returned function is called. */
function busyLoops(n: number): () => void {
  const loops = Array.from({ length: n }, () =>
    spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }),
  );
  return () => {
    for (const loop of loops) loop.kill('SIGKILL');
  };
}

/**
 * `keepDir`: a folder for the cases that is kept, and reused by the next run when it holds the
 * same number of cases (opening 10,000 takes minutes); by default a temporary one, removed after.
 */
export async function benchStart(
  options: { runs?: number; cases?: number; keepDir?: string } = {},
): Promise<StartResults> {
  const runs = options.runs ?? 3;
  const cases = options.cases ?? 10_000;
  const cores = availableParallelism();
  // Every start below finds web/dist up to date, as any start after the first does.
  await buildWeb({ quiet: true });
  const folders: string[] = [];
  const freshFolder = () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-start-'));
    folders.push(dir);
    return dir;
  };
  try {
    const loadAverageBefore = loadavg().map((n) => round(n, 2));
    console.log(`Start to READY (load average ${loadAverageBefore.join(' ')}, ${cores} cores)…`);
    const quiet = await firstAndRestart('empty folder', runs, freshFolder);
    const release = busyLoops(cores);
    let loaded: Awaited<ReturnType<typeof firstAndRestart>>;
    try {
      loaded = await firstAndRestart(`empty folder, ${cores} busy loops`, runs, freshFolder);
    } finally {
      release();
    }

    const withCasesDir = options.keepDir ? resolve(options.keepDir) : freshFolder();
    const marker = join(withCasesDir, 'bench-cases.json');
    const kept = existsSync(marker)
      ? (JSON.parse(readFileSync(marker, 'utf8')) as PopulatedMarker)
      : undefined;
    const populating = kept?.cases !== cases;
    let populated = { seconds: kept?.seconds ?? Number.NaN };
    if (!populating) console.log(`Reusing the ${cases} cases in ${withCasesDir}`);
    else {
      if (existsSync(withCasesDir) && readdirSync(withCasesDir).length > 0) {
        throw new Error(`${withCasesDir} holds other data: give an empty or new folder`);
      }
      console.log(`Opening ${cases} cases in ${withCasesDir}…`);
      populated = await populate(withCasesDir, cases);
      writeFileSync(marker, JSON.stringify({ cases, ...populated }));
    }
    const withCasesSamples: StartSample[] = [];
    for (let i = 1; i <= runs; i += 1)
      withCasesSamples.push(await timed(`${cases} cases #${i}`, withCasesDir));
    const withCases = figures(withCasesSamples);
    const ratio = (a: StartFigures, b: StartFigures) => round(a.medianMs / b.medianMs, 2);
    return {
      empty: quiet.first,
      restart: quiet.restart,
      emptyLoaded: { ...loaded.first, busyLoops: cores },
      restartLoaded: { ...loaded.restart, busyLoops: cores },
      withCases: { ...withCases, cases },
      ratios: {
        withCasesToEmpty: ratio(withCases, quiet.first),
        withCasesToRestart: ratio(withCases, quiet.restart),
        restartToEmpty: ratio(quiet.restart, quiet.first),
        loadedToEmpty: ratio(loaded.first, quiet.first),
        restartLoadedToRestart: ratio(loaded.restart, quiet.restart),
      },
      populate: {
        cases,
        seconds: round(populated.seconds, 1),
        perSecond: round(cases / populated.seconds),
        reused: !populating,
      },
      cores,
      loadAverageBefore,
    };
  } finally {
    for (const dir of folders) if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  }
}

export const startReport = (r: StartResults): string => {
  const line = (label: string, f: StartFigures) =>
    `  ${label.padEnd(32)} min ${String(f.minMs).padStart(6)} ms   median ${String(f.medianMs).padStart(6)} ms   max ${String(f.maxMs).padStart(6)} ms   RSS node ${f.nodeRssMiB ?? '?'} + DynamoDB Local ${f.dynamoRssMiB ?? '?'} MiB`;
  const loops = `${r.emptyLoaded.busyLoops} busy loops`;
  return `Start to READY (npm start's entry point, web/dist up to date, ${r.empty.runs} starts each; load average before ${r.loadAverageBefore.join(' ')}, ${r.cores} cores)
${line('empty folder (seeds demo cases)', r.empty)}
${line('restart (demo cases)', r.restart)}
${line(`empty folder, ${loops}`, r.emptyLoaded)}
${line(`restart, ${loops}`, r.restartLoaded)}
${line(`${r.withCases.cases} open cases`, r.withCases)}
  ${r.withCases.cases} cases / empty ${r.ratios.withCasesToEmpty}   ${r.withCases.cases} cases / restart ${r.ratios.withCasesToRestart}   restart / empty ${r.ratios.restartToEmpty}
  loaded / quiet: empty ${r.ratios.loadedToEmpty}, restart ${r.ratios.restartLoadedToRestart}
  opening the ${r.populate.cases} cases ${r.populate.reused ? 'was done by an earlier run' : 'once'}: ${r.populate.seconds} s (${r.populate.perSecond}/s)`;
};
