import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime';
import { aCaseFile } from '../support/factories';
import { type ApiClient, startTestRuntime, users } from '../support/local-api';
import { flatText } from '../support/pdf-text';

describe('a tamper-evident case history', () => {
  let runtime: LocalRuntime;
  let api: ApiClient;
  let db: DynamoDBDocumentClient;
  let caseId: string;

  const eventKey = (seq: number) => ({ PK: `CASE#${caseId}`, SK: `EVENT#${String(seq).padStart(8, '0')}` });
  const readEvent = async (seq: number) =>
    (await db.send(new GetCommand({ TableName: runtime.tableName, Key: eventKey(seq) }))).Item as Record<
      string,
      unknown
    >;
  const writeEvent = (item: Record<string, unknown>) =>
    db.send(new PutCommand({ TableName: runtime.tableName, Item: item }));
  const verify = async () =>
    (await api.request('GET', `/cases/${caseId}/history/verify`, { as: users.auditor })).body;

  beforeAll(async () => {
    ({ runtime, api } = await startTestRuntime());
    db = DynamoDBDocumentClient.from(runtime.dynamo.client);
    const created = await api.request('POST', '/cases', { as: users.police, body: aCaseFile() });
    caseId = created.body.caseId;
    await api.act(caseId, 'submitFile', users.police, { opinionsRecorded: true });
    await api.act(caseId, 'review', users.reviewer, { decision: 'forward' });
    await api.waitFor(caseId, 'acceptFile', users.court);
  });

  afterAll(async () => {
    await runtime?.stop();
  });

  it('verifies an untouched history, each event linked to the one before', async () => {
    const verdict = await verify();
    expect(verdict).toMatchObject({ valid: true, breaks: [] });
    expect(verdict.events).toBeGreaterThanOrEqual(6);
    const history = await api.request('GET', `/cases/${caseId}/history`, { as: users.auditor });
    const [first, second] = history.body.events;
    expect(first.prevHash).toBe('GENESIS');
    expect(second.prevHash).toBe(first.hash);
  });

  it("merges the case's events with the engine's states into one timeline, without task tokens", async () => {
    const history = await api.request('GET', `/cases/${caseId}/history`, { as: users.court });
    const timeline = history.body.timeline as { at: string; source: string; type: string; step?: string }[];
    expect(timeline.map((e) => e.at)).toEqual([...timeline.map((e) => e.at)].sort());
    expect(timeline.filter((e) => e.source === 'case')).toHaveLength(history.body.events.length);
    const engine = timeline.filter((e) => e.source === 'engine');
    expect(engine.map((e) => e.type)).toContain('ExecutionStarted');
    expect(engine.some((e) => e.type === 'TaskStateEntered' && e.step === 'Await File Submission')).toBe(
      true,
    );
    // The engine's entry into the review step comes after the police sent the file.
    const sent = timeline.findIndex((e) => e.step === 'submitFile');
    const review = timeline.findIndex((e) => e.type === 'TaskStateEntered' && e.step === 'Await Review');
    expect(sent).toBeGreaterThanOrEqual(0);
    expect(review).toBeGreaterThan(sent);
    expect(JSON.stringify(history.body)).not.toMatch(/taskToken|"token"/i);
  });

  it('lets auditors export the history as CSV and as a PDF with the verification, recording the export', async () => {
    const csv = await fetch(`${api.baseUrl}/cases/${caseId}/history/export?format=csv`, {
      headers: { authorization: `Bearer ${await api.token(users.auditor)}` },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain(`Mã hồ sơ,${caseId}`);
    expect(text).toContain('Toàn vẹn: chuỗi băm của');
    expect(text).toContain('Thời điểm (giờ Việt Nam),Nguồn,Sự kiện,Bước');
    expect(text).toContain('Lập hồ sơ');
    expect(text).toContain(users.police);
    const history = await api.request('GET', `/cases/${caseId}/history`, { as: users.auditor });
    const rows = text.trimEnd().split('\r\n');
    expect(rows.length).toBe(4 + 2 + history.body.timeline.length);

    const pdf = await fetch(`${api.baseUrl}/cases/${caseId}/history/export?format=pdf`, {
      headers: { authorization: `Bearer ${await api.token(users.auditor)}` },
    });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const pdfText = await flatText(new Uint8Array(await pdf.arrayBuffer()));
    for (const expected of [
      'Lịch sử xử lý hồ sơ',
      caseId,
      'Lò Văn Thử',
      'Toàn vẹn',
      'Lập hồ sơ',
      'DIỄN BIẾN',
    ]) {
      expect(pdfText).toContain(expected);
    }

    const denied = await api.request('GET', `/cases/${caseId}/history/export?format=csv`, {
      as: users.police,
    });
    expect(denied.status).toBe(403);
    const bad = await api.request('GET', `/cases/${caseId}/history/export?format=xml`, { as: users.auditor });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('format');
    const reads = await api.request('GET', `/cases/${caseId}/reads?limit=100`, { as: users.auditor });
    expect(reads.body.items.filter((r: { what: string }) => r.what === 'export')).toHaveLength(2);
  });

  it('reports an event edited in storage, and nothing once it is restored', async () => {
    const original = await readEvent(3);
    await writeEvent({ ...original, input: { opinionsRecorded: false } });
    expect((await verify()).breaks).toEqual([{ seq: 3, reason: 'contentChanged' }]);
    // The export says so too.
    const exported = await fetch(`${api.baseUrl}/cases/${caseId}/history/export?format=csv`, {
      headers: { authorization: `Bearer ${await api.token(users.auditor)}` },
    });
    expect(await exported.text()).toContain('KHÔNG toàn vẹn: sự kiện 3 (contentChanged)');
    await writeEvent(original);
    expect((await verify()).valid).toBe(true);
  });

  it('reports an event deleted from storage', async () => {
    const original = await readEvent(2);
    await db.send(new DeleteCommand({ TableName: runtime.tableName, Key: eventKey(2) }));
    const verdict = await verify();
    expect(verdict.valid).toBe(false);
    expect(verdict.breaks).toContainEqual({ seq: 2, reason: 'missing' });
    await writeEvent(original);
    expect((await verify()).valid).toBe(true);
  });

  it('reports events reordered in storage', async () => {
    const [two, three] = [await readEvent(2), await readEvent(3)];
    await writeEvent({ ...three, ...eventKey(2) });
    await writeEvent({ ...two, ...eventKey(3) });
    const verdict = await verify();
    expect(verdict.valid).toBe(false);
    expect(verdict.breaks).toContainEqual({ seq: 2, reason: 'outOfOrder' });
    await writeEvent(two);
    await writeEvent(three);
    expect((await verify()).valid).toBe(true);
  });

  it('reports the latest event removed', async () => {
    const verdict = await verify();
    const last = await readEvent(verdict.events);
    await db.send(new DeleteCommand({ TableName: runtime.tableName, Key: eventKey(verdict.events) }));
    expect((await verify()).breaks).toEqual([{ seq: verdict.events - 1, reason: 'truncated' }]);
    await writeEvent(last);
  });

  it('records who read the case, for auditors only', async () => {
    await api.request('GET', `/cases/${caseId}`, { as: users.reviewer });
    await api.request('GET', `/cases/${caseId}/history`, { as: users.auditor });
    const reads = await api.request('GET', `/cases/${caseId}/reads?limit=100`, { as: users.auditor });
    expect(reads.status).toBe(200);
    const seen = reads.body.items.map(
      (r: { actor: { userId: string }; what: string }) => `${r.actor.userId}:${r.what}`,
    );
    expect(seen).toContain(`${users.reviewer}:case`);
    expect(seen).toContain(`${users.auditor}:history`);
    expect(seen).toContain(`${users.auditor}:verification`);
    expect(reads.body.items[0].at >= reads.body.items.at(-1).at).toBe(true);
    const denied = await api.request('GET', `/cases/${caseId}/reads`, { as: users.police });
    expect(denied.status).toBe(403);
    expect(denied.body.requiredRole).toBe('auditor');
  });
});
