import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime';
import { aCaseFile, centreProposal, handover, sessionOpening, sessionRecord } from '../support/factories';
import { type ApiClient, startTestRuntime, users } from '../support/local-api';
import { flatText } from '../support/pdf-text';

const DAY = 24 * 60 * 60 * 1000;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

interface Listed {
  sha256: string;
  kind: string;
  number: string;
  action?: string;
  systemStep?: string;
  eventSeq: number;
  issuerUnitId: string;
  replaces?: string;
  replacedBy?: string;
}

describe('documents issued along the way, through the local HTTP API', () => {
  let runtime: LocalRuntime;
  let api: ApiClient;
  let nextCitizen = 500;

  beforeAll(async () => {
    ({ runtime, api } = await startTestRuntime());
  });

  afterAll(async () => {
    await runtime?.stop();
  });

  const today = () => api.today();

  const openCase = async (commune = 'p-dong-phong', as: string = users.police) => {
    const citizenId = `012090${String(++nextCitizen).padStart(6, '0')}`;
    const file = aCaseFile({
      person: { citizenId, residence: { address: 'Tổ dân phố số 3', communeId: commune } },
    });
    return api.request('POST', '/cases', { as, body: file });
  };

  const download = async (hash: string, as: string) => {
    const response = await fetch(`${api.baseUrl}/documents/${hash}`, {
      headers: { authorization: `Bearer ${await api.token(as)}` },
    });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      bytes: new Uint8Array(await response.arrayBuffer()),
    };
  };

  const documentsOf = async (caseId: string, as: string = users.auditor): Promise<Listed[]> => {
    const response = await api.request('GET', `/cases/${caseId}/documents`, { as });
    expect(response.status).toBe(200);
    return response.body.items;
  };

  let wholeCase: string;

  it('issues each step its document, numbered by the issuing body and hashed into the event', async () => {
    const opened = await openCase();
    expect(opened.status).toBe(201);
    const caseId = opened.body.caseId as string;
    wholeCase = caseId;
    // The notification is issued with the file and answered with it.
    expect(opened.body.issued.fileCompilationNotice.number).toMatch(/^\d{2,}\/TB-UBND$/);

    await api.act(caseId, 'submitFile', users.police, { opinionsRecorded: true });
    await api.act(caseId, 'review', users.reviewer, { decision: 'forward' });
    await api.act(caseId, 'acceptFile', users.court, {
      decision: 'accept',
      acceptedOn: await today(),
      judgeName: 'Nguyễn Thị Hạnh',
    });
    await api.act(caseId, 'openSession', users.court, sessionOpening(await today()));
    const decided = await api.act(caseId, 'decide', users.court, {
      outcome: 'apply',
      ...sessionRecord,
      decidedOn: await today(),
      months: 12,
    });
    expect(decided.status).toBe(200);
    // The clerk sees the decision the step produced.
    const decision = decided.body.issued.courtDecision;
    expect(decision.number).toMatch(new RegExp(`^\\d{2,}/${(await today()).slice(0, 4)}/QĐ-TA$`));
    await api.act(caseId, 'closeAppealWindow', users.court, { effectiveOn: await today() });
    await api.act(caseId, 'admit', users.centre, { admittedOn: await today(), ...handover });
    await api.waitUntil(caseId, users.centre, (c) => c.stage === 'IN_TREATMENT');
    await runtime.advanceClock(190 * DAY);
    const reduced = await api.act(caseId, 'recordReduction', users.court, {
      months: 2,
      meritorious: false,
      decidedOn: await today(),
      ...centreProposal,
    });
    expect(reduced.status).toBe(200);
    await runtime.advanceClock(170 * DAY);
    await api.waitFor(caseId, 'release', users.centre);
    await api.act(caseId, 'release', users.centre, { releasedOn: await today() });
    await api.waitFor(caseId, 'recordRelapse', users.supervisor);
    await runtime.advanceClock(2 * 366 * DAY);
    await api.waitFor(caseId, 'CLOSED', users.police);

    const documents = await documentsOf(caseId);
    expect(documents.map((d) => `${d.kind}:${d.action ?? d.systemStep}:${d.issuerUnitId}`)).toEqual([
      'fileCompilationNotice:caseOpened:p-dong-phong',
      'courtProposal:review:ldtbxh-tp-lai-chau',
      'courtDecision:decide:tand-tp-lai-chau',
      'admissionRecord:admit:cscn-lai-chau',
      'reductionDecision:recordReduction:tand-tp-lai-chau',
      'releaseCertificate:release:cscn-lai-chau',
      'aftercareDecision:supervisionBegun:p-dong-phong',
      'aftercareCompletionCertificate:caseClosed:p-dong-phong',
    ]);

    // Each event that issued a document carries its hash, and the chain still verifies.
    const history = await api.request('GET', `/cases/${caseId}/history`, { as: users.auditor });
    for (const document of documents) {
      const event = history.body.events.find((e: { seq: number }) => e.seq === document.eventSeq);
      expect(event.documents).toEqual([
        { sha256: document.sha256, kind: document.kind, number: document.number },
      ]);
    }
    const verified = await api.request('GET', `/cases/${caseId}/history/verify`, { as: users.auditor });
    expect(verified.body.valid).toBe(true);

    // The PDFs are the bytes the hashes name, and read back as what the case says.
    for (const document of documents) {
      const pdf = await download(document.sha256, users.auditor);
      expect(pdf.status).toBe(200);
      expect(pdf.type).toBe('application/pdf');
      expect(sha256(pdf.bytes)).toBe(document.sha256);
      const text = await flatText(pdf.bytes);
      expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(text).toContain('Lò Văn Thử');
      expect(text).toContain(`Số: ${document.number}`);
    }
    const decisionText = await flatText((await download(decision.sha256, users.court)).bytes);
    for (const expected of [
      'TÒA ÁN NHÂN DÂN THÀNH PHỐ LAI CHÂU',
      'Nguyễn Thị Hạnh',
      'Vàng Thị Dung',
      'Đỗ Văn Khải',
      'Viện kiểm sát nhân dân thành phố Lai Châu',
      `Văn bản đề nghị số ${documents[1]?.number}`,
      'Cơ sở cai nghiện ma túy tỉnh Lai Châu',
      '12 (mười hai) tháng',
    ]) {
      expect(decisionText).toContain(expected);
    }
  });

  it('issues the court decisions on executing the measure: postponement, then exemption', async () => {
    const caseId = (await openCase()).body.caseId as string;
    await api.act(caseId, 'submitFile', users.police, { opinionsRecorded: true });
    await api.act(caseId, 'review', users.reviewer, { decision: 'forward' });
    await api.act(caseId, 'acceptFile', users.court, {
      decision: 'accept',
      acceptedOn: await today(),
      judgeName: 'Nguyễn Thị Hạnh',
    });
    await api.act(caseId, 'openSession', users.court, sessionOpening(await today()));
    await api.act(caseId, 'decide', users.court, {
      outcome: 'apply',
      ...sessionRecord,
      decidedOn: await today(),
      months: 12,
    });
    await api.act(caseId, 'closeAppealWindow', users.court, { effectiveOn: await today() });
    const until = new Date(Date.parse(`${await today()}T00:00:00Z`) + 60 * DAY).toISOString().slice(0, 10);
    const postponed = await api.act(caseId, 'recordPostponement', users.court, {
      grounds: 'seriousIllness',
      until,
      applicationDate: await today(),
      evidence: 'Giấy xác nhận của Bệnh viện đa khoa tỉnh Lai Châu',
    });
    expect(postponed.status).toBe(200);
    const postponement = postponed.body.issued.postponementDecision;
    const decision = postponed.body.issued.courtDecision;
    const postponementText = await flatText((await download(postponement.sha256, users.court)).bytes);
    const [year, month, day] = until.split('-').map(Number) as [number, number, number];
    for (const expected of [
      'Hoãn chấp hành',
      `Quyết định số ${decision.number}`,
      'đang ốm nặng',
      'Giấy xác nhận của Bệnh viện đa khoa tỉnh Lai Châu',
      `ngày ${String(day).padStart(2, '0')} tháng ${month < 3 ? String(month).padStart(2, '0') : month} năm ${year}`,
    ]) {
      expect(postponementText).toContain(expected);
    }

    const exempted = await api.act(caseId, 'recordExemption', users.court, {
      grounds: 'notAddictedAfterVoluntaryTreatment',
      applicationDate: await today(),
      applicant: 'bà Lò Thị Mai (mẹ)',
      evidence: 'Giấy xác nhận hoàn thành cai nghiện tự nguyện',
    });
    expect(exempted.status).toBe(200);
    const exemptionText = await flatText(
      (await download(exempted.body.issued.exemptionDecision.sha256, users.court)).bytes,
    );
    for (const expected of [
      'Miễn chấp hành',
      'bà Lò Thị Mai (mẹ)',
      'tự nguyện cai nghiện',
      'điểm b khoản 3 Điều 57',
    ]) {
      expect(exemptionText).toContain(expected);
    }
    expect((await documentsOf(caseId)).map((d) => d.kind)).toEqual([
      'fileCompilationNotice',
      'courtProposal',
      'courtDecision',
      'postponementDecision',
      'exemptionDecision',
    ]);
  });

  it('gives the PDF only to those who may see its case, and records each download', async () => {
    const [notice] = await documentsOf(wholeCase);
    const hash = notice?.sha256 as string;
    expect((await download(hash, users.otherPolice)).status).toBe(403);
    expect((await download(hash, users.police)).status).toBe(200);
    const reads = await api.request('GET', `/cases/${wholeCase}/reads?limit=500`, { as: users.auditor });
    expect(
      reads.body.items.some(
        (r: { what: string; actor: { userId: string } }) =>
          r.what === 'document' && r.actor.userId === users.police,
      ),
    ).toBe(true);
    const unknown = await download('0'.repeat(64), users.police);
    expect(unknown.status).toBe(404);
    const bad = await api.request('GET', '/documents/not-a-hash', { as: users.police });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('sha256');
  });

  it('verifies a PDF or its hash: which case, step and event issued it, or not ours', async () => {
    const documents = await documentsOf(wholeCase);
    const decision = documents.find((d) => d.kind === 'courtDecision') as Listed;
    const pdf = (await download(decision.sha256, users.court)).bytes;
    const byFile = await fetch(`${api.baseUrl}/documents/verify`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await api.token(users.otherPolice)}`,
        'content-type': 'application/pdf',
      },
      body: pdf,
    });
    // Police of another commune may not read the case: genuine, and nothing of its case.
    expect(byFile.status).toBe(200);
    expect(await byFile.json()).toEqual({ ours: true, sha256: decision.sha256 });
    const strangerByHash = await api.request('POST', '/documents/verify', {
      as: users.otherPolice,
      body: { sha256: decision.sha256 },
    });
    expect(strangerByHash.body).toEqual({ ours: true, sha256: decision.sha256 });
    // Those who may read the case learn which case, step and event issued it.
    const byHash = await api.request('POST', '/documents/verify', {
      as: users.auditor,
      body: { sha256: decision.sha256 },
    });
    expect(byHash.body).toMatchObject({
      ours: true,
      sha256: decision.sha256,
      caseId: wholeCase,
      step: 'decide',
      eventSeq: decision.eventSeq,
      number: decision.number,
      kind: 'courtDecision',
    });

    // One byte changed: not ours.
    const tampered = pdf.slice();
    const at = tampered.length - 10;
    tampered[at] = (tampered[at] ?? 0) ^ 1;
    const forged = await fetch(`${api.baseUrl}/documents/verify`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await api.token(users.auditor)}`,
        'content-type': 'application/pdf',
      },
      body: tampered,
    });
    expect(await forged.json()).toEqual({ ours: false, sha256: sha256(tampered) });
    const random = await api.request('POST', '/documents/verify', {
      as: users.auditor,
      body: { sha256: randomBytes(32).toString('hex') },
    });
    expect(random.body.ours).toBe(false);
    const invalid = await api.request('POST', '/documents/verify', {
      as: users.auditor,
      body: { sha256: 'abc' },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors[0].field).toBe('sha256');
  });

  it('corrects a document with a new one that names it; the old one stays', async () => {
    const opened = await openCase();
    const caseId = opened.body.caseId as string;
    const original = opened.body.issued.fileCompilationNotice;
    // The filing workflow has opened its first task: the case holds still.
    const current = await api.waitFor(caseId, 'submitFile', users.police);
    const correct = (as: string, body: unknown) =>
      api.request('POST', `/cases/${caseId}/documents/${original.sha256}/corrections`, { as, body });
    const request = {
      expectedVersion: current.body.version,
      reason: 'Ghi sai địa chỉ nơi cư trú của người bị đề nghị.',
      changes: { file: { person: { residence: { address: 'Tổ dân phố số 5, phường Đông Phong' } } } },
    };

    // Only the issuing body corrects, through the role that issued it (the commune's supervisor
    // does not answer for the notice); the system's fields cannot be changed; the version must hold.
    expect((await correct(users.reviewer, request)).status).toBe(403);
    const otherRole = await correct(users.supervisor, request);
    expect(otherRole.status).toBe(403);
    expect(otherRole.headers.get('content-type')).toContain('application/problem+json');
    // A correction that changes nothing, or repeats what the document says, issues nothing.
    for (const changes of [{}, { file: { person: { fullName: aCaseFile().person.fullName } } }]) {
      const empty = await correct(users.police, { ...request, changes });
      expect(empty.status).toBe(422);
      expect(empty.headers.get('content-type')).toContain('application/problem+json');
      expect(empty.body.errors).toEqual([
        { field: 'changes', rule: expect.stringContaining('không có thay đổi') },
      ]);
    }
    expect((await documentsOf(caseId, users.police)).map((d) => d.sha256)).toEqual([original.sha256]);
    const unchanged = await api.request('GET', `/cases/${caseId}`, { as: users.police });
    expect(unchanged.body.version).toBe(current.body.version);
    const fixed = await correct(users.police, { ...request, changes: { number: { sequence: 1 } } });
    expect(fixed.status).toBe(400);
    expect(fixed.body.errors[0].field).toBe('changes.number');
    const invalid = await correct(users.police, {
      ...request,
      changes: { file: { person: { citizenId: '12' } } },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors[0].field).toBe('changes.file.person.citizenId');
    expect((await correct(users.police, { ...request, expectedVersion: 999 })).status).toBe(409);

    const corrected = await correct(users.police, request);
    expect(corrected.status).toBe(201);
    expect(corrected.body).toMatchObject({ kind: 'fileCompilationNotice', replaces: original.sha256 });
    expect(corrected.body.number).not.toBe(original.number);

    const documents = await documentsOf(caseId, users.police);
    expect(documents.map((d) => [d.sha256, d.replaces, d.replacedBy])).toEqual([
      [original.sha256, undefined, corrected.body.sha256],
      [corrected.body.sha256, original.sha256, undefined],
    ]);
    const text = await flatText((await download(corrected.body.sha256, users.police)).bytes);
    expect(text).toContain('Tổ dân phố số 5, phường Đông Phong');
    expect(text).toContain(`đính chính và thay thế văn bản số ${original.number}`);
    expect((await download(original.sha256, users.police)).status).toBe(200);
    const verdict = await api.request('POST', '/documents/verify', {
      as: users.police,
      body: { sha256: original.sha256 },
    });
    expect(verdict.body).toMatchObject({ ours: true, replacedBy: corrected.body.sha256 });
    // A replaced document is not corrected twice.
    const again = await correct(users.police, { ...request, expectedVersion: current.body.version + 1 });
    expect(again.status).toBe(409);
  });

  it('numbers 50 documents issued at once by one body without a gap or a duplicate', async () => {
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => openCase('p-tan-phong', users.otherPolice)),
    );
    expect(responses.map((r) => r.status)).toEqual(responses.map(() => 201));
    const sequences = responses
      .map((r) => Number.parseInt(r.body.issued.fileCompilationNotice.number, 10))
      .sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const hashes = new Set(responses.map((r) => r.body.issued.fileCompilationNotice.sha256));
    expect(hashes.size).toBe(50);
  });
});
