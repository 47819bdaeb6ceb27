import type { CaseEvent, CaseRecord } from '#shared/domain/case';
import { addMonths, type IsoDate } from '#shared/domain/dates';
import { legalProfile } from '#shared/domain/legal-profile';
import { units } from '#shared/domain/units';
import type { IssuedRef } from './issued';
import {
  communePolice,
  districtPolice,
  type IssuerProfile,
  inSentence,
  issuerProfile,
  procuracyBeside,
} from './issuers';
import type { DocumentInput, DocumentKind } from './templates/index';
import { honorific } from './vietnamese-text';

/**
 * How each kind of document is planned from a case: which template, which body numbers and signs
 * it, and its template input. Each action module (shared/pipeline/actions/) says which of these it
 * issues; shared/documents/case-documents.ts adds those the system's own events issue.
 */

/** The register number a document receives when it is issued. */
export interface AssignedNumber {
  sequence: number;
  year: number;
}

/**
 * A document a case change issues: which template, which body numbers and signs it, on which
 * date, and its template input once the register gives the number.
 */
export interface DocumentPlan<K extends DocumentKind = DocumentKind> {
  kind: K;
  issuerUnitId: string;
  issuedOn: IsoDate;
  input(number: AssignedNumber): DocumentInput<K>;
  /** A correction: the hash of the document it replaces, and why. */
  replaces?: string;
  correctionReason?: string;
}

/** What a `documentCorrected` event records besides the corrected template input. */
export interface CorrectionDetail {
  replaces: string;
  kind: DocumentKind;
  issuerUnitId: string;
  replacedNumber: string;
  replacedDate: IsoDate;
  reason: string;
}

/** The corrected document: the original's input with the changes, a new number, and the reference. */
export function correctedDocument(event: CaseEvent, today: IsoDate): Plan {
  const detail = event.detail as unknown as CorrectionDetail;
  const corrected = event.input as Record<string, unknown> & { number: { symbol: string; year?: number } };
  return {
    kind: detail.kind,
    issuerUnitId: detail.issuerUnitId,
    issuedOn: today,
    replaces: detail.replaces,
    correctionReason: detail.reason,
    input: ({ sequence, year }) =>
      ({
        ...corrected,
        date: today,
        number: { ...corrected.number, sequence, ...(corrected.number.year !== undefined && { year }) },
        correction: {
          replaces: { number: detail.replacedNumber, date: detail.replacedDate },
          reason: detail.reason,
        },
      }) as DocumentInput<DocumentKind>,
  };
}

type Plan = DocumentPlan;

/** ND-30 numbers a body's documents per year; courts print the year in the number (ND-30 Art. 15). */
function numbering(symbol: string, withYear: boolean) {
  return ({ sequence, year }: AssignedNumber) => ({ sequence, symbol, ...(withYear && { year }) });
}

const personName = (record: CaseRecord): string => {
  const { person } = record.file;
  return `${honorific(person.gender)} ${person.fullName}`;
};
const family = (record: CaseRecord): string =>
  `Gia đình ${personName(record).replace(/^./u, (c) => c.toLowerCase())}`;

const refInput = (issued: IssuedRef) => ({ number: issued.number, date: issued.date, issuer: issued.issuer });

const unitName = (unitId: string): string => units.get(unitId)?.name ?? unitId;

function base(profile: IssuerProfile, date: IsoDate, recipients: string[]) {
  return {
    issuer: profile.header,
    place: profile.place,
    date,
    signer: { title: profile.head.title, name: profile.head.name },
    recipients: [...recipients, 'Lưu: VT'],
  };
}

/** The document the case's filing issues: the notification to the person and family (ND-116 Art. 42). */
export function fileCompilationNotice(record: CaseRecord, date: IsoDate): Plan {
  const commune = issuerProfile(record.routing.filing);
  return {
    kind: 'fileCompilationNotice',
    issuerUnitId: commune.unitId,
    issuedOn: date,
    input: (n) => ({
      ...base(commune, date, [
        personName(record),
        ...(record.file.guardian
          ? [`${record.file.guardian.fullName} (${record.file.guardian.relation})`]
          : []),
        family(record),
        communePolice(record.routing.filing),
      ]),
      number: numbering('TB-UBND', false)(n),
      file: record.file,
      minor: record.minor,
      // A minor's parent or guardian is notified and reads the file too (LAW73 Art. 34(2)).
      family: record.file.guardian
        ? [{ name: record.file.guardian.fullName, relation: record.file.guardian.relation }]
        : [],
      readingPlace: `Trụ sở ${commune.name}`,
      readingWorkingDays: legalProfile(record.legalProfile).limits.readAndSendFile.amount,
    }),
  } satisfies DocumentPlan<'fileCompilationNotice'>;
}

export function courtProposal(record: CaseRecord, date: IsoDate): Plan {
  const office = issuerProfile(record.routing.review);
  const court = unitName(record.routing.court);
  return {
    kind: 'courtProposal',
    issuerUnitId: office.unitId,
    issuedOn: date,
    input: (n) => ({
      ...base(office, date, [
        court,
        procuracyBeside(record.routing.court),
        issuerProfile(record.routing.filing).name,
      ]),
      number: numbering('LĐTBXH', false)(n),
      file: record.file,
      minor: record.minor,
      court,
      compiler: issuerProfile(record.routing.filing).name,
      centre: unitName(record.routing.centre),
      ...(record.childProtectionOpinion && { childProtectionOpinion: record.childProtectionOpinion }),
    }),
  } satisfies DocumentPlan<'courtProposal'>;
}

export function courtDecision(record: CaseRecord): Plan | undefined {
  const decision = record.decision;
  const proposalRef = record.issued?.courtProposal;
  if (!decision || !proposalRef || !decision.secretary || !decision.procurator) return undefined;
  const court = issuerProfile(record.routing.court);
  const judge = record.judgeName ?? court.head.name;
  const applies = decision.outcome === 'apply';
  const centre = unitName(record.routing.centre);
  return {
    kind: 'courtDecision',
    issuerUnitId: court.unitId,
    issuedOn: decision.decidedOn,
    input: (n) => ({
      ...base(court, decision.decidedOn, [
        personName(record),
        unitName(record.routing.review),
        procuracyBeside(record.routing.court),
        districtPolice(record.routing.filing),
        ...(applies ? [centre] : []),
        issuerProfile(record.routing.filing).name,
      ]),
      signer: { title: 'Thẩm phán', name: judge },
      number: numbering('QĐ-TA', true)(n),
      outcome: decision.outcome,
      court: court.name,
      judge,
      secretary: decision.secretary as string,
      procuracy: { body: procuracyBeside(record.routing.court), procurator: decision.procurator as string },
      proposer: { body: unitName(record.routing.review) },
      proposal: refInput(proposalRef),
      person: record.file.person,
      session: record.session
        ? { date: record.session.date, place: record.session.place, online: record.session.online }
        : { date: decision.decidedOn, place: decision.sessionPlace ?? `trụ sở ${court.name}`, online: false },
      grounds: record.file.grounds,
      minor: record.minor,
      fileAssessment: decision.fileAssessment ?? '',
      groundsAssessment: decision.groundsAssessment ?? '',
      ...(applies ? { months: decision.months, centre } : { notApplyReason: decision.reason }),
      appealWorkingDays: legalProfile(record.legalProfile).limits.appealWindow.amount,
    }),
  } satisfies DocumentPlan<'courtDecision'>;
}

interface Application {
  applicationDate: IsoDate;
  applicant?: string;
  evidence: string;
}

type ExecutionInput = Application & { grounds: string; until?: IsoDate };

const exemptionGround = {
  dangerousIllness: 'dangerousIllness',
  notAddictedAfterVoluntaryTreatment: 'voluntaryTreatment',
  pregnancy: 'pregnancy',
} as const;

/** A court decision on executing the measure (postponement, exemption), ND-116 Art. 57. */
export function executionDecision(
  kind: 'postponementDecision' | 'exemptionDecision',
  record: CaseRecord,
  input: ExecutionInput,
  date: IsoDate,
): Plan | undefined {
  const decisionRef = record.issued?.courtDecision;
  if (!decisionRef) return undefined;
  const court = issuerProfile(record.routing.court);
  const judge = record.judgeName ?? court.head.name;
  const applicant = input.applicant ?? personName(record).replace(/^./u, (c) => c.toLowerCase());
  const common = (n: AssignedNumber) => ({
    ...base(court, date, [
      personName(record),
      communePolice(record.routing.filing),
      unitName(record.routing.centre),
    ]),
    signer: { title: 'Thẩm phán', name: judge },
    number: numbering('QĐ-TA', true)(n),
    court: court.name,
    person: record.file.person,
    decision: refInput(decisionRef),
    application: { date: input.applicationDate, applicant },
    evidence: input.evidence,
  });
  if (kind === 'postponementDecision') {
    return {
      kind,
      issuerUnitId: court.unitId,
      issuedOn: date,
      input: (n) => ({
        ...common(n),
        ground: input.grounds as 'seriousIllness' | 'familyHardship',
        until: input.until,
      }),
    } satisfies DocumentPlan<'postponementDecision'>;
  }
  return {
    kind,
    issuerUnitId: court.unitId,
    issuedOn: date,
    input: (n) => ({
      ...common(n),
      ground: exemptionGround[input.grounds as keyof typeof exemptionGround],
    }),
  } satisfies DocumentPlan<'exemptionDecision'>;
}

export function reductionDecision(
  record: CaseRecord,
  input: {
    months: number;
    meritorious: boolean;
    decidedOn: IsoDate;
    centreProposalNumber: string;
    centreProposalDate: IsoDate;
  },
): Plan | undefined {
  const decisionRef = record.issued?.courtDecision;
  if (!decisionRef || !record.admittedOn || !record.releaseDueOn) return undefined;
  const court = issuerProfile(record.routing.court);
  const centre = unitName(record.routing.centre);
  return {
    kind: 'reductionDecision',
    issuerUnitId: court.unitId,
    issuedOn: input.decidedOn,
    input: (n) => ({
      ...base(court, input.decidedOn, [centre, personName(record)]),
      signer: { title: 'Thẩm phán', name: record.judgeName ?? court.head.name },
      number: numbering('QĐ-TA', true)(n),
      court: court.name,
      person: record.file.person,
      decision: refInput(decisionRef),
      centre,
      centreProposal: { number: input.centreProposalNumber, date: input.centreProposalDate, issuer: centre },
      servedMonths: Math.max(1, monthsBetween(record.admittedOn as IsoDate, input.decidedOn)),
      months: input.months,
      meritorious: input.meritorious,
      newReleaseOn: record.releaseDueOn as IsoDate,
    }),
  } satisfies DocumentPlan<'reductionDecision'>;
}

/** Whole months from one date to another. */
function monthsBetween(from: IsoDate, to: IsoDate): number {
  let months = 0;
  while (addMonths(from, months + 1) <= to) months += 1;
  return months;
}

const plusOneHour = (time: string): string => {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return `${String(Math.min(h + 1, 23)).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
};

interface AdmitInput {
  admittedOn: IsoDate;
  time: string;
  handedOverBy: { name: string; position: string };
  receivedBy: { name: string; position: string };
  health: string;
  belongings?: string;
}

export function admissionRecord(record: CaseRecord, input: AdmitInput): Plan | undefined {
  const decisionRef = record.issued?.courtDecision;
  if (!decisionRef) return undefined;
  const centre = issuerProfile(record.routing.centre);
  const police = districtPolice(record.routing.filing);
  return {
    kind: 'admissionRecord',
    issuerUnitId: centre.unitId,
    issuedOn: input.admittedOn,
    input: (n) => ({
      issuer: centre.header,
      place: centre.place,
      date: input.admittedOn,
      number: numbering('BB-CSCN', false)(n),
      time: input.time,
      endTime: plusOneHour(input.time),
      location: centre.name,
      handingOver: { body: police, representatives: [input.handedOverBy] },
      receiving: { body: centre.name, representatives: [input.receivedBy] },
      person: record.file.person,
      decision: refInput(decisionRef),
      health: input.health,
      documents: [
        `Quyết định số ${decisionRef.number} của ${decisionRef.issuer}`,
        'Hồ sơ đề nghị áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc',
      ],
      belongings: input.belongings ?? 'không có.',
      handingOverSigner: { name: input.handedOverBy.name },
      receivingSigner: { name: input.receivedBy.name },
      recipients: [police, centre.name, 'Lưu: HS'],
    }),
  } satisfies DocumentPlan<'admissionRecord'>;
}

export function releaseCertificate(record: CaseRecord): Plan | undefined {
  const decisionRef = record.issued?.courtDecision;
  const months = record.decision?.months;
  if (!decisionRef || !record.admittedOn || !record.releasedOn || !months) return undefined;
  const centre = issuerProfile(record.routing.centre);
  const releasedOn = record.releasedOn;
  return {
    kind: 'releaseCertificate',
    issuerUnitId: centre.unitId,
    issuedOn: releasedOn,
    input: (n) => ({
      ...base(centre, releasedOn, [
        unitName(record.routing.court),
        unitName(record.routing.review),
        issuerProfile(record.routing.supervision).name,
        family(record),
      ]),
      number: numbering('GCN-CSCN', false)(n),
      centre: centre.name,
      person: record.file.person,
      decision: refInput(decisionRef),
      months,
      admittedOn: record.admittedOn as IsoDate,
      releasedOn,
      ...(record.reducedMonths && { reducedMonths: record.reducedMonths }),
    }),
  } satisfies DocumentPlan<'releaseCertificate'>;
}

function communeOf(record: CaseRecord): string {
  const commune = units.get(record.routing.supervision);
  const district = commune?.parentId ? units.get(commune.parentId) : undefined;
  return [commune, district].flatMap((u) => (u ? [inSentence(u.name)] : [])).join(', ');
}

export function aftercareDecision(record: CaseRecord, date: IsoDate): Plan | undefined {
  const releaseRef = record.issued?.releaseCertificate;
  if (!releaseRef || !record.releasedOn || !record.supervisionEndsOn) return undefined;
  const commune = issuerProfile(record.routing.supervision);
  const police = communePolice(record.routing.supervision);
  return {
    kind: 'aftercareDecision',
    issuerUnitId: commune.unitId,
    issuedOn: date,
    input: (n) => ({
      ...base(commune, date, [personName(record), `Trưởng ${police}`]),
      number: numbering('QĐ-UBND', false)(n),
      decider: `Chủ tịch ${commune.name}`,
      commune: communeOf(record),
      person: record.file.person,
      releaseCertificate: refInput(releaseRef),
      years: record.minor ? 1 : 2,
      from: record.releasedOn as IsoDate,
      to: record.supervisionEndsOn as IsoDate,
      executingBody: police,
    }),
  } satisfies DocumentPlan<'aftercareDecision'>;
}

export function aftercareCompletionCertificate(record: CaseRecord, date: IsoDate): Plan | undefined {
  const decisionRef = record.issued?.aftercareDecision;
  if (!decisionRef || !record.releasedOn || !record.supervisionEndsOn) return undefined;
  const commune = issuerProfile(record.routing.supervision);
  return {
    kind: 'aftercareCompletionCertificate',
    issuerUnitId: commune.unitId,
    issuedOn: date,
    input: (n) => ({
      ...base(commune, date, [personName(record), communePolice(record.routing.supervision)]),
      number: numbering('GCN-UBND', false)(n),
      decider: `Chủ tịch ${commune.name}`,
      commune: communeOf(record),
      person: record.file.person,
      decision: refInput(decisionRef),
      from: record.releasedOn as IsoDate,
      to: record.supervisionEndsOn as IsoDate,
    }),
  } satisfies DocumentPlan<'aftercareCompletionCertificate'>;
}

/**
 * How each kind of document an action issues is planned: from the case as it will be after the
 * change, the action's input (parsed with its schema before the change was made) and the day.
 */
export const actionDocumentPlanners = {
  fileCompilationNotice: (next, _input, today) => fileCompilationNotice(next, today),
  courtProposal: (next, _input, today) => courtProposal(next, today),
  courtDecision: (next) => courtDecision(next),
  postponementDecision: (next, input, today) =>
    executionDecision('postponementDecision', next, input as ExecutionInput, today),
  exemptionDecision: (next, input, today) =>
    executionDecision('exemptionDecision', next, input as ExecutionInput, today),
  reductionDecision: (next, input) =>
    reductionDecision(next, input as Parameters<typeof reductionDecision>[1]),
  admissionRecord: (next, input) => admissionRecord(next, input as AdmitInput),
  releaseCertificate: (next) => releaseCertificate(next),
} satisfies Partial<
  Record<DocumentKind, (next: CaseRecord, input: unknown, today: IsoDate) => Plan | undefined>
>;

export type ActionDocumentKind = keyof typeof actionDocumentPlanners;
