import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime';
import { aCaseFile } from '../support/factories';
import { type ApiClient, type ApiResponse, startTestRuntime, users } from '../support/local-api';

const CONCURRENT = 32;

/** Every answer is the first answer, or a 409 "in progress" that says when to ask again. */
function expectOneAnswer(responses: ApiResponse[], status: number): ApiResponse {
  const answered = responses.filter((r) => r.status === status);
  const waiting = responses.filter((r) => r.status !== status);
  expect(answered.length).toBeGreaterThanOrEqual(1);
  for (const response of answered) expect(response.body).toEqual(answered[0]?.body);
  for (const response of waiting) {
    expect(response.status).toBe(409);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(response.body).toMatchObject({ title: 'Idempotency key in use', status: 409 });
  }
  return answered[0] as ApiResponse;
}

describe('one answer per Idempotency-Key, under real concurrency on the local runtime', () => {
  let runtime: LocalRuntime;
  let api: ApiClient;

  beforeAll(async () => {
    ({ runtime, api } = await startTestRuntime());
  });

  afterAll(async () => {
    await runtime?.stop();
  });

  it(`opens one case for ${CONCURRENT} concurrent POST /cases with one key`, async () => {
    const file = aCaseFile({ person: { citizenId: '012090770001' } });
    const headers = { 'idempotency-key': 'open-same-key-0001' };
    const responses = await Promise.all(
      Array.from({ length: CONCURRENT }, () =>
        api.request('POST', '/cases', { as: users.police, body: file, headers }),
      ),
    );
    const first = expectOneAnswer(responses, 201);
    const cases = await api.request('GET', '/persons/012090770001/cases', { as: users.police });
    expect(cases.body.items.map((c: { caseId: string }) => c.caseId)).toEqual([first.body.caseId]);

    const retried = await api.request('POST', '/cases', { as: users.police, body: file, headers });
    expect(retried.status).toBe(201);
    expect(retried.body).toEqual(first.body);
  });

  it(`performs an action once for ${CONCURRENT} concurrent requests with one key, and never answers a stale 409`, async () => {
    const opened = await api.request('POST', '/cases', {
      as: users.police,
      body: aCaseFile({ person: { citizenId: '012090770002' } }),
    });
    const caseId = opened.body.caseId as string;
    const waiting = await api.waitFor(caseId, 'submitFile', users.police);
    const body = { expectedVersion: waiting.body.version, input: { opinionsRecorded: true } };
    const headers = { 'idempotency-key': 'act-same-key-0001' };
    const responses = await Promise.all(
      Array.from({ length: CONCURRENT }, () =>
        api.request('POST', `/cases/${caseId}/actions/submitFile`, { as: users.police, body, headers }),
      ),
    );
    const first = expectOneAnswer(responses, 200);
    expect(first.body.version).toBe(waiting.body.version + 1);

    const retried = await api.request('POST', `/cases/${caseId}/actions/submitFile`, {
      as: users.police,
      body,
      headers,
    });
    expect(retried.status).toBe(200);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(retried.body).toEqual(first.body);
    const history = await api.request('GET', `/cases/${caseId}/history`, { as: users.police });
    const performed = history.body.events.filter(
      (e: { type: string; action?: string }) => e.type === 'actionPerformed' && e.action === 'submitFile',
    );
    expect(performed).toHaveLength(1);
  });
});
