import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime';
import { aMinorCaseFile, sessionOpening, sessionRecord } from '../support/factories';
import { type ApiClient, startTestRuntime, users } from '../support/local-api';
import { flatText } from '../support/pdf-text';

/** A person of 15: Law 73/2021/QH14 Arts. 33–34, 40 for minors from 12 to under 18. */
describe('a minor’s file through the local HTTP API', () => {
  let runtime: LocalRuntime;
  let api: ApiClient;

  beforeAll(async () => {
    ({ runtime, api } = await startTestRuntime());
  });

  afterAll(async () => {
    await runtime?.stop();
  });

  const today = () => api.today();
  const fifteen = async () => `${Number((await today()).slice(0, 4)) - 15}-01-15`;
  const download = async (sha256: string) => {
    const response = await fetch(`${api.baseUrl}/documents/${sha256}`, {
      headers: { authorization: `Bearer ${await api.token(users.auditor)}` },
    });
    return new Uint8Array(await response.arrayBuffer());
  };

  it('needs the parent or guardian, the office’s child-protection opinion, and a term of 6–12 months', async () => {
    const person = { citizenId: '012210000015', dateOfBirth: await fifteen() };
    const { guardian: _omitted, ...withoutGuardian } = aMinorCaseFile({ person });
    const refused = await api.request('POST', '/cases', { as: users.police, body: withoutGuardian });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([{ field: 'guardian', rule: expect.stringContaining('Điều 34') }]);

    const opened = await api.request('POST', '/cases', {
      as: users.police,
      body: aMinorCaseFile({ person }),
    });
    expect(opened.status).toBe(201);
    const caseId = opened.body.caseId as string;
    expect(opened.body.minor).toBe(true);
    // The mother is notified with the person (LAW73 Art. 34(2)).
    const notice = await flatText(await download(opened.body.issued.fileCompilationNotice.sha256));
    expect(notice).toContain('Lò Thị Mai (mẹ)');

    await api.act(caseId, 'submitFile', users.police, { opinionsRecorded: true, guardianNotified: true });
    const bare = await api.act(caseId, 'review', users.reviewer, { decision: 'forward' });
    expect(bare.status).toBe(422);
    expect(bare.body.errors[0].field).toBe('input.childProtectionOpinion');
    const opinion =
      'Bảo đảm quyền được học văn hóa, học nghề; gia đình phối hợp quản lý, thăm gặp hằng tháng.';
    const forwarded = await api.act(caseId, 'review', users.reviewer, {
      decision: 'forward',
      childProtectionOpinion: opinion,
    });
    expect(forwarded.status).toBe(200);
    const proposal = await flatText(await download(forwarded.body.issued.courtProposal.sha256));
    expect(proposal).toContain('bảo đảm quyền của trẻ em');
    expect(proposal).toContain(opinion);

    await api.act(caseId, 'acceptFile', users.court, {
      decision: 'accept',
      acceptedOn: await today(),
      judgeName: 'Nguyễn Thị Hạnh',
    });
    await api.act(caseId, 'openSession', users.court, {
      ...sessionOpening(await today()),
      guardianSummoned: true,
    });
    const tooLong = await api.act(caseId, 'decide', users.court, {
      outcome: 'apply',
      ...sessionRecord,
      guardianPresent: true,
      decidedOn: await today(),
      months: 18,
    });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.errors[0].field).toBe('input.months');
    const decided = await api.act(caseId, 'decide', users.court, {
      outcome: 'apply',
      ...sessionRecord,
      guardianPresent: true,
      decidedOn: await today(),
      months: 9,
    });
    expect(decided.status).toBe(200);
    const decision = await flatText(await download(decided.body.issued.courtDecision.sha256));
    expect(decision).toContain('09 (chín) tháng');
    // A minor's grounds are the points of LAW73 Art. 33(1), not the clauses of Art. 32.
    expect(decision).toContain('điểm a khoản 1 Điều 33 Luật Phòng, chống ma túy');
    expect(notice).toContain('điểm a khoản 1 Điều 33 Luật Phòng, chống ma túy');
  });
});
