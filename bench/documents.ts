/**
 * Document generation, warm: for each kind, the median and p95 time to build and render the PDF
 * from a case (the same plans the issuing store uses) and its size. The font is parsed once per
 * process, before the first sample (about 150 ms, not counted).
 */

import { documentPlansFor } from '#shared/documents/case-documents';
import type { DocumentPlan } from '#shared/documents/document-plans';
import { loadFonts } from '../shared/documents/fonts';
import { renderDocument } from '../shared/documents/render';
import { buildDocument, type DocumentKind } from '../shared/documents/templates/index';
import type { CaseEvent, CaseRecord } from '../shared/domain/case';

const SAMPLES = 40;

const ref = (number: string, date: string, issuer: string) => ({
  sha256: '0'.repeat(64),
  number,
  date,
  issuer,
});

/** A case at the end of its supervision, with every earlier document issued. */
export const sampleCase: CaseRecord = {
  caseId: 'bench-case',
  version: 30,
  stage: 'CLOSED',
  outcome: 'completed',
  legalProfile: '2022-01-01',
  minor: false,
  file: {
    person: {
      fullName: 'Lò Văn Thử',
      dateOfBirth: '1990-05-17',
      gender: 'male',
      citizenId: '012090009999',
      residence: { address: 'Tổ dân phố số 1, phường Đông Phong', communeId: 'p-dong-phong' },
    },
    grounds: ['a', 'b'],
    groundsDetail:
      'Không đăng ký cai nghiện tự nguyện sau khi được nhắc nhở; tái sử dụng trái phép chất ma túy.',
    addictionDetermination: {
      facility: 'Trung tâm Y tế thành phố Lai Châu',
      determinedOn: '2026-01-05',
      documentNumber: '12/XĐTTN',
    },
    documents: [
      {
        kind: 'violationRecord',
        title: 'Biên bản vi phạm hành chính',
        number: '03/BB-VPHC',
        issuedOn: '2025-12-20',
      },
      { kind: 'personalHistory', title: 'Bản tóm tắt lý lịch' },
      { kind: 'addictionDetermination', title: 'Phiếu kết quả xác định tình trạng nghiện ma túy' },
    ],
  },
  routing: {
    filing: 'p-dong-phong',
    review: 'ldtbxh-tp-lai-chau',
    court: 'tand-tp-lai-chau',
    centre: 'cscn-lai-chau',
    supervision: 'p-dong-phong',
  },
  openedAt: '2026-01-09T02:00:00.000Z',
  openedBy: 'police-dong-phong',
  updatedAt: '2029-08-01T02:00:00.000Z',
  supplementRounds: 0,
  judgeName: 'Nguyễn Thị Hạnh',
  decision: {
    outcome: 'apply',
    decidedOn: '2026-03-05',
    months: 18,
    secretary: 'Vàng Thị Dung',
    procurator: 'Đỗ Văn Khải',
    fileAssessment: 'Hồ sơ được lập đầy đủ, đúng trình tự, thủ tục theo Điều 41 Nghị định 116/2021/NĐ-CP.',
    groundsAssessment: 'Người bị đề nghị đã được nhắc nhở nhưng không đăng ký cai nghiện ma túy tự nguyện.',
  },
  admittedOn: '2026-03-25',
  reducedMonths: 2,
  releaseDueOn: '2027-07-20',
  releasedOn: '2027-07-20',
  supervisionEndsOn: '2029-07-20',
  issued: {
    courtProposal: ref(
      '15/LĐTBXH',
      '2026-02-02',
      'Phòng Lao động - Thương binh và Xã hội thành phố Lai Châu',
    ),
    courtDecision: ref('05/2026/QĐ-TA', '2026-03-05', 'Tòa án nhân dân thành phố Lai Châu'),
    releaseCertificate: ref('44/GCN-CSCN', '2027-07-20', 'Cơ sở cai nghiện ma túy tỉnh Lai Châu'),
    aftercareDecision: ref('31/QĐ-UBND', '2027-07-30', 'Ủy ban nhân dân phường Đông Phong'),
  },
};

const application = {
  applicationDate: '2026-03-09',
  evidence: 'Giấy xác nhận của Bệnh viện đa khoa tỉnh Lai Châu',
};

const event = (type: CaseEvent['type'], action?: CaseEvent['action'], input?: unknown): CaseEvent => ({
  caseId: sampleCase.caseId,
  seq: 2,
  type,
  at: '2026-03-12T02:00:00.000Z',
  actor: { kind: 'system' },
  ...(action && { action }),
  input,
});

/** One event per kind of document, as the steps that issue them record it. */
export const sampleEvents: CaseEvent[] = [
  event('caseOpened'),
  event('actionPerformed', 'review', { decision: 'forward' }),
  event('actionPerformed', 'decide', {}),
  event('actionPerformed', 'recordPostponement', {
    grounds: 'seriousIllness',
    until: '2026-06-30',
    ...application,
  }),
  event('actionPerformed', 'recordExemption', { grounds: 'pregnancy', ...application }),
  event('actionPerformed', 'recordReduction', {
    months: 2,
    meritorious: false,
    decidedOn: '2027-02-15',
    centreProposalNumber: '30/ĐN-CSCN',
    centreProposalDate: '2027-02-01',
  }),
  event('actionPerformed', 'admit', {
    admittedOn: '2026-03-25',
    time: '09:00',
    handedOverBy: { name: 'Phạm Văn Đức', position: 'Đội trưởng' },
    receivedBy: { name: 'Lê Thị Hằng', position: 'Phó Giám đốc' },
    health: 'bình thường, không có thương tích.',
  }),
  event('actionPerformed', 'release', { releasedOn: '2027-07-20' }),
  event('supervisionBegun'),
  event('caseClosed'),
];

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const p95 = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.95) - 1] ?? Number.NaN;

export interface DocumentFigures {
  kind: DocumentKind;
  medianMs: number;
  p95Ms: number;
  kilobytes: number;
}

export async function benchDocuments(): Promise<{ kinds: DocumentFigures[] }> {
  await loadFonts();
  const plans: DocumentPlan[] = sampleEvents.flatMap((e) => documentPlansFor(e, structuredClone(sampleCase)));
  const kinds: DocumentFigures[] = [];
  for (const plan of plans) {
    const input = plan.input({ sequence: 12, year: 2026 });
    await renderDocument(buildDocument(plan.kind, input)); // warm this kind's paths
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < SAMPLES; i += 1) {
      const t0 = performance.now();
      const pdf = await renderDocument(buildDocument(plan.kind, input));
      times.push(performance.now() - t0);
      bytes = pdf.byteLength;
    }
    kinds.push({
      kind: plan.kind,
      medianMs: Number(median(times).toFixed(1)),
      p95Ms: Number(p95(times).toFixed(1)),
      kilobytes: Number((bytes / 1024).toFixed(1)),
    });
  }
  return { kinds };
}
