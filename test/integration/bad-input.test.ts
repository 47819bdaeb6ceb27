import { request as httpRequest } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime';
import { apiRoutes } from '../../infra/routes';
import { aCaseFile, sessionOpening, sessionRecord } from '../support/factories';
import { type ApiClient, startTestRuntime, users } from '../support/local-api';

/** Enough runs to reach every route with each kind of bad input several times, in seconds. */
const FUZZ_RUNS = 300;

interface RawResponse {
  status: number;
  contentType: string;
  body: string;
}

/** Sends exactly these bytes of path and headers (fetch would tidy a malformed path up). */
function rawRequest(
  baseUrl: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<RawResponse> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, method, path, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const expectProblem = (response: RawResponse, status: number, field: string) => {
  expect(response.status).toBe(status);
  expect(response.contentType).toMatch(/^application\/problem\+json/);
  const problem = JSON.parse(response.body);
  expect(problem.status).toBe(status);
  expect(problem.errors.map((e: { field: string }) => e.field)).toContain(field);
};

const deeplyNested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('no input yields a 5xx: every route, malformed input, on the local runtime', () => {
  let runtime: LocalRuntime;
  let api: ApiClient;
  let token: string;

  beforeAll(async () => {
    ({ runtime, api } = await startTestRuntime());
    token = await api.token(users.police);
  });

  afterAll(async () => {
    await runtime?.stop();
  });

  const send = (method: string, path: string, body?: string, headers: Record<string, string> = {}) =>
    rawRequest(
      runtime.url,
      method,
      path,
      { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
      body,
    );

  it('answers malformed percent-encoding in a path parameter with a 400 naming the parameter', async () => {
    expectProblem(await send('GET', '/cases/%zz'), 400, 'id');
    expectProblem(await send('GET', '/documents/%E0%A4%A'), 400, 'sha256');
    expectProblem(await send('POST', '/cases/abc/actions/%ff', '{}'), 400, 'action');
  });

  it('answers a path parameter with control characters or past 200 characters with a 400 naming it', async () => {
    expectProblem(await send('GET', '/cases/a%00b'), 400, 'id');
    expectProblem(await send('GET', `/persons/${'9'.repeat(2000)}/cases`), 400, 'citizenId');
  });

  it('answers JSON nested thousands deep with a 400 naming the body', async () => {
    expectProblem(await send('POST', '/cases', deeplyNested(5000)), 400, '(body)');
    expectProblem(
      await send(
        'POST',
        '/cases/abc/actions/submitFile',
        `{"expectedVersion":1,"input":${deeplyNested(5000)}}`,
      ),
      400,
      '(body)',
    );
  });

  it('answers a 20 KB header with a 431 problem naming the headers', async () => {
    expectProblem(
      await send('GET', '/cases', undefined, { 'x-padding': 'a'.repeat(20_000) }),
      431,
      '(headers)',
    );
  });

  it('issues the court decision with a reason of 4,000 characters, as decide allows', async () => {
    const opened = await api.request('POST', '/cases', {
      as: users.police,
      body: aCaseFile({ person: { citizenId: '012090880001' } }),
    });
    const id = opened.body.caseId as string;
    await api.act(id, 'submitFile', users.police, { opinionsRecorded: true });
    await api.act(id, 'review', users.reviewer, { decision: 'forward' });
    const today = await api.today();
    await api.act(id, 'acceptFile', users.court, {
      decision: 'accept',
      acceptedOn: today,
      judgeName: 'Nguyễn Thị Hạnh',
    });
    await api.act(id, 'openSession', users.court, sessionOpening(today));
    const reason = 'Người bị đề nghị đã tự nguyện cai nghiện và có kết quả tốt. '.repeat(70).slice(0, 4000);
    const decided = await api.act(id, 'decide', users.court, {
      outcome: 'notApply',
      ...sessionRecord,
      decidedOn: today,
      reason,
    });
    expect(decided.status).toBe(200);
  });

  it(`drives every route with ${FUZZ_RUNS} generated malformed requests: no 5xx, no case moved`, async () => {
    const opened = await api.request('POST', '/cases', {
      as: users.police,
      body: aCaseFile({ person: { citizenId: '012090880002' } }),
    });
    const caseId = opened.body.caseId as string;
    const before = await api.waitFor(caseId, 'submitFile', users.police);
    const listed = await api.request('GET', '/cases?limit=100', { as: users.police });

    // Path parameters: the real case, plausible ids, and malformed or hostile text, raw or encoded.
    const segment = fc.oneof(
      fc.constant(caseId),
      fc.constantFrom('submitFile', 'decide', 'review', '2026', 'p-dong-phong', 'a'.repeat(64)),
      fc.constantFrom('%zz', '%', '%E0%A4%A', '%ff%fe', '%00', '%C0%AF', '..', '%2F', '%ED%A0%80'),
      fc.string({ maxLength: 40 }).map(encodeURIComponent),
      fc.string({ unit: 'binary', maxLength: 40 }).map(encodeURIComponent),
      fc.nat({ max: 3000 }).map((n) => 'x'.repeat(n)),
    );
    const body = fc.oneof(
      fc.constant(undefined),
      fc.json({ maxDepth: 4 }),
      fc.string({ maxLength: 200 }),
      fc.integer({ min: 40, max: 8000 }).map(deeplyNested),
      fc.integer({ min: 40, max: 8000 }).map((n) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`),
      fc
        .record({
          expectedVersion: fc.oneof(fc.constant(before.body.version - 1), fc.integer(), fc.string()),
          input: fc.oneof(fc.object({ maxDepth: 3 }), fc.string({ maxLength: 5000 }), fc.constant(null)),
        })
        .map((v) => JSON.stringify(v)),
    );
    const headers = fc.record(
      {
        'idempotency-key': fc.oneof(fc.string({ maxLength: 200 }), fc.constantFrom('short', 'fuzz-key-0001')),
        'content-type': fc.constantFrom(
          'application/json',
          'text/plain',
          'application/pdf',
          'multipart/form-data',
          '',
        ),
        authorization: fc.constantFrom('Bearer nonsense', 'Basic abc', `Bearer ${token}x`),
        'x-padding': fc.nat({ max: 24_000 }).map((n) => 'p'.repeat(n)),
      },
      { requiredKeys: [] },
    );
    const request = fc.record({
      route: fc.constantFrom(...apiRoutes),
      segments: fc.array(segment, { minLength: 2, maxLength: 2 }),
      query: fc.oneof(
        fc.constant(''),
        fc.constantFrom('?cursor=%zz', '?limit=-1', '?stage=%ff', '?cursor=e30', '?limit=1e9'),
      ),
      body,
      headers,
    });

    const seen = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(request, async ({ route, segments, query, body, headers }) => {
        let i = 0;
        const path = route.path.replace(/\{\w+\}/g, () => segments[i++] ?? 'x') + query;
        // Header values must be bytes a client can send: anything else goes percent-encoded.
        const sent: Record<string, string> = {};
        for (const [name, value] of Object.entries(headers)) {
          if (value !== undefined)
            sent[name] = /[^\t\x20-\x7e]/.test(value) ? encodeURIComponent(value) : value;
        }
        const response = await send(route.method, path, body as string | undefined, sent);
        seen.set(response.status, (seen.get(response.status) ?? 0) + 1);
        expect(response.status, `${route.method} ${path.slice(0, 120)}`).toBeLessThan(500);
        if (response.status >= 400 && route.path !== '/openapi.json') {
          expect(response.contentType).toMatch(/^application\/problem\+json/);
        }
      }),
      { numRuns: FUZZ_RUNS },
    );
    expect([...seen.keys()].some((status) => status === 400)).toBe(true);

    const after = await api.request('GET', `/cases/${caseId}`, { as: users.police });
    expect(after.body.version).toBe(before.body.version);
    const listedAfter = await api.request('GET', '/cases?limit=100', { as: users.police });
    expect(
      listedAfter.body.items.map((c: { caseId: string; version: number }) => [c.caseId, c.version]),
    ).toEqual(listed.body.items.map((c: { caseId: string; version: number }) => [c.caseId, c.version]));
  });
});
