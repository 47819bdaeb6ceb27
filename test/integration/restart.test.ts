import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../infra/local/dynamo';
import { aCaseFile, sessionOpening, sessionRecord } from '../support/factories';
import { ApiClient, users } from '../support/local-api';

/** Starts `npm start`'s entry point as its own process group, as a person would run it. */
async function startSystem(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/main.ts'], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, POWERTOOLS_LOG_LEVEL: 'ERROR' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no READY within 60 s: ${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('READY')) {
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

/** SIGKILL the whole process group: node and its DynamoDB Local JVM die at once, nothing flushes. */
async function kill(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once('exit', r));
  process.kill(-(child.pid as number), 'SIGKILL');
  await exited;
}

describe('a killed local process', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cai-nghien-restart-'));
  let child: ChildProcess | undefined;

  afterAll(async () => {
    if (child && child.exitCode === null) await kill(child);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses nothing: cases waiting at several steps all finish after a restart', async () => {
    const port = await freePort();
    const api = new ApiClient(`http://127.0.0.1:${port}`);
    child = await startSystem(dataDir, port);

    const open = async (n: number) => {
      const file = aCaseFile({ person: { citizenId: `012090${String(900 + n).padStart(6, '0')}` } });
      const created = await api.request('POST', '/cases', { as: users.police, body: file });
      expect(created.status).toBe(201);
      return created.body.caseId as string;
    };
    const atSubmission = await open(1);
    const atReview = await open(2);
    const atCourt = await open(3);
    await api.act(atReview, 'submitFile', users.police, { opinionsRecorded: true });
    await api.act(atCourt, 'submitFile', users.police, { opinionsRecorded: true });
    await api.act(atCourt, 'review', users.reviewer, { decision: 'forward' });
    await api.waitFor(atSubmission, 'submitFile', users.police);
    await api.waitFor(atReview, 'review', users.reviewer);
    await api.waitFor(atCourt, 'acceptFile', users.court);
    const seeded = await api.request('GET', '/cases?unit=p-dong-phong&limit=100', { as: users.police });
    const before = await Promise.all(
      [atSubmission, atReview, atCourt].map(
        async (id) => (await api.request('GET', `/cases/${id}`, { as: users.police })).body,
      ),
    );

    await kill(child);
    child = await startSystem(dataDir, port);

    const after = await Promise.all(
      before.map(async (c) => (await api.request('GET', `/cases/${c.caseId}`, { as: users.police })).body),
    );
    expect(
      after.map((c) => [c.stage, c.version, c.pendingTasks.map((t: { action: string }) => t.action)]),
    ).toEqual(
      before.map((c) => [c.stage, c.version, c.pendingTasks.map((t: { action: string }) => t.action)]),
    );
    const reseeded = await api.request('GET', '/cases?unit=p-dong-phong&limit=100', { as: users.police });
    expect(reseeded.body.items.length).toBe(seeded.body.items.length);

    // Every case moves on from where it waited, on the same tokens the engine held before the kill.
    await api.act(atSubmission, 'submitFile', users.police, { opinionsRecorded: true });
    for (const id of [atSubmission, atReview]) {
      await api.act(id, 'review', users.reviewer, {
        decision: 'ineligible',
        reason: 'Không đủ điều kiện áp dụng.',
      });
    }
    // Dates of today: a court step dated in the past opens its next task already overdue, and the
    // escalation that records it would race the next step's expected version.
    const today = await api.today();
    await api.act(atCourt, 'acceptFile', users.court, {
      decision: 'accept',
      acceptedOn: today,
      judgeName: 'Nguyễn Thị Hạnh',
    });
    await api.act(atCourt, 'openSession', users.court, sessionOpening(today));
    await api.act(atCourt, 'decide', users.court, {
      outcome: 'notApply',
      ...sessionRecord,
      reason: 'Không đủ căn cứ áp dụng biện pháp.',
      decidedOn: today,
    });
    await api.act(atCourt, 'closeAppealWindow', users.court, { effectiveOn: today });
    for (const id of [atSubmission, atReview, atCourt]) {
      const closed = await api.waitFor(id, 'CLOSED', users.police);
      expect(closed.body.pendingTasks).toEqual([]);
      const history = await api.request('GET', `/cases/${id}/history`, { as: users.auditor });
      const seqs = history.body.events.map((e: { seq: number }) => e.seq);
      expect(seqs).toEqual(seqs.map((_: number, i: number) => i + 1));
      expect(history.body.executions[0].status).toBe('SUCCEEDED');
    }
  });
});
