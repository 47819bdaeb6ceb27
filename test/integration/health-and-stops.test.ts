import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../infra/local/dynamo';
import { ApiClient, users } from '../support/local-api';

/** A first start measured 7–33 s on this machine (restart.test.ts); this leaves room. */
const START_MS = 180_000;
const running = new Set<ChildProcess>();

/** Starts `npm start`'s entry point as its own process group and waits for READY. */
async function startSystem(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/main.ts'], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, POWERTOOLS_LOG_LEVEL: 'ERROR' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no READY: ${output}`)), START_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/^READY$/m.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
  });
  return child;
}

/** The DynamoDB Local JVM among node's children (tsx's esbuild service is another child). */
function jvmOf(child: ChildProcess): number | undefined {
  const pid = child.pid as number;
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  return children.map(Number).find((c) => readFileSync(`/proc/${c}/comm`, 'utf8').trim() === 'java');
}

const alive = (pid: number) => readdirSync('/proc').includes(String(pid));

const exitOf = (child: ChildProcess, withinMs: number): Promise<{ code: number | null; ms: number }> => {
  const started = performance.now();
  if (child.exitCode !== null) return Promise.resolve({ code: child.exitCode, ms: 0 });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`still running after ${withinMs} ms`)), withinMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, ms: performance.now() - started });
    });
  });
};

describe('honest health and clean stops of npm start', () => {
  const dataDirs: string[] = [];
  const newDataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'cai-nghien-stops-'));
    dataDirs.push(dir);
    return dir;
  };

  afterAll(async () => {
    for (const child of running) {
      try {
        process.kill(-(child.pid as number), 'SIGKILL');
      } catch {
        // gone already
      }
    }
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  });

  it('reports a killed DynamoDB Local in /health, starts it again, then stops on SIGTERM despite a keep-alive connection', {
    timeout: START_MS + 120_000,
  }, async () => {
    const port = await freePort();
    const api = new ApiClient(`http://127.0.0.1:${port}`);
    const child = await startSystem(newDataDir(), port);

    const healthy = await api.request('GET', '/health');
    expect(healthy.status).toBe(200);
    expect(healthy.body.checks).toEqual({ table: { ok: true }, engine: { ok: true } });

    const jvm = jvmOf(child) as number;
    expect(jvm).toBeDefined();
    process.kill(jvm, 'SIGKILL');
    let reported: { status: number; body: { failing?: string[] }; contentType: string | null } | undefined;
    const deadline = Date.now() + 90_000;
    for (;;) {
      const health = await api.request('GET', '/health');
      if (health.status === 503 && !reported) {
        reported = {
          status: health.status,
          body: health.body,
          contentType: health.headers.get('content-type'),
        };
      }
      if (health.status === 200 && reported) break;
      if (Date.now() > deadline) throw new Error(`no recovery: ${JSON.stringify(health.body)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(reported?.contentType).toMatch(/^application\/problem\+json/);
    expect(reported?.body.failing).toEqual(['table']);
    expect((await api.request('GET', '/cases', { as: users.police })).status).toBe(200);
    const restarted = jvmOf(child) as number;
    expect(restarted).not.toBe(jvm);

    // A keep-alive connection held open, idle, as a browser or a proxy holds one.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    await new Promise<void>((resolve, reject) => {
      httpRequest(`http://127.0.0.1:${port}/health`, { agent }, (res) => {
        res.resume();
        res.on('end', resolve);
      })
        .on('error', reject)
        .end();
    });
    child.kill('SIGTERM');
    const { code, ms } = await exitOf(child, 15_000);
    agent.destroy();
    expect(code).toBe(0);
    expect(ms).toBeLessThan(10_000);
    expect(alive(restarted)).toBe(false);
  });

  it('on Ctrl-C (SIGINT to the whole group) stops the server first, then DynamoDB Local, and exits 0', {
    timeout: START_MS + 60_000,
  }, async () => {
    const port = await freePort();
    const child = await startSystem(newDataDir(), port);
    const jvm = jvmOf(child) as number;
    process.kill(-(child.pid as number), 'SIGINT');
    // The JVM ignores the terminal's SIGINT: it is still there while node stops the server.
    await new Promise((r) => setTimeout(r, 200));
    const { code } = await exitOf(child, 15_000);
    expect(code).toBe(0);
    expect(alive(jvm)).toBe(false);
  });
});
