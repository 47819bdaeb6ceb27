import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Log everything the handlers log, from the first import on.
vi.hoisted(() => {
  process.env.POWERTOOLS_LOG_LEVEL = 'DEBUG';
});

import { type LocalRuntime, startLocalRuntime } from '../../infra/local/runtime';
import { demoPeople } from '../../infra/local/seed';
import { aCaseFile } from '../support/factories';
import { ApiClient, users } from '../support/local-api';

describe('structured logs', () => {
  let runtime: LocalRuntime;
  let api: ApiClient;
  const captured: string[] = [];

  beforeAll(async () => {
    const capture = (chunk: unknown) => {
      captured.push(String(chunk));
      return true;
    };
    vi.spyOn(process.stdout, 'write').mockImplementation(capture);
    vi.spyOn(process.stderr, 'write').mockImplementation(capture);
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) =>
        captured.push(args.map(String).join(' ')),
      );
    }
    runtime = await startLocalRuntime({ port: 0, seed: true, tickMs: 200 });
    api = new ApiClient(runtime.url);
  });

  afterAll(async () => {
    await runtime?.stop();
    vi.restoreAllMocks();
  });

  it('carry case ids and actions through a whole run, never a name, citizen id, address or health data', async () => {
    const file = aCaseFile({ person: { fullName: 'Hà Thị Nhật Ký', citizenId: '012095123456' } });
    const caseId = (await api.request('POST', '/cases', { as: users.police, body: file })).body
      .caseId as string;
    await api.waitFor(caseId, 'submitFile', users.police);
    expect((await api.request('GET', '/me/tasks', { as: users.police })).status).toBe(200);
    await api.act(caseId, 'submitFile', users.police, { opinionsRecorded: true });
    await api.act(caseId, 'review', users.reviewer, {
      decision: 'returnForSupplement',
      reason: 'Thiếu tài liệu.',
    });
    await api.act(caseId, 'supplementFile', users.police, {
      documents: [{ kind: 'other', title: 'Bổ sung' }],
    });
    await api.act(caseId, 'review', users.reviewer, {
      decision: 'ineligible',
      reason: 'Không đủ điều kiện.',
    });
    await api.waitFor(caseId, 'CLOSED', users.police);
    await runtime.engine.idle();

    const logs = captured.join('\n');
    expect(logs).toContain(caseId);
    expect(logs).toContain('"action":"review"');
    const identifying = [
      file.person,
      ...demoPeople.map((p) => ({ ...p, residence: { address: p.address } })),
    ].flatMap((p) => [p.fullName, p.citizenId, p.residence.address]);
    identifying.push(file.addictionDetermination.documentNumber, file.groundsDetail);
    for (const value of identifying) expect(logs, value).not.toContain(value);
  });
});
