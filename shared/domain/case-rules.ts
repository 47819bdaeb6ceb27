import type * as z from 'zod';
import { ValidationFailedError } from '../errors';
import type {
  acceptFileInput,
  admitInput,
  answerCourtRequestInput,
  closeAppealWindowInput,
  completeFileInput,
  decideAppealInput,
  decideInput,
  openSessionInput,
  recordAbscondingInput,
  recordAppealInput,
  recordDeathInput,
  recordEarlyEndInput,
  recordExemptionInput,
  recordFoundInput,
  recordPostponementInput,
  recordReductionInput,
  recordRelapseInput,
  releaseInput,
  requestDocumentsInput,
  reviewInput,
  submitFileInput,
  supplementFileInput,
  terminateCaseInput,
} from './action-inputs';
import type { CaseRecord } from './case';
import type { CaseFile } from './case-file';
import type { IsoDate } from './dates';
import { legalProfile } from './legal-profile';
import type { ActionName } from './pipeline';
import { ruleViolation } from './validation';

/**
 * What performing an action changes on the case record, and the legal rules its input must meet
 * beyond its shape. Pure: returns a new record, never touches storage.
 */
export function applyAction(
  record: CaseRecord,
  action: ActionName,
  input: unknown,
  today: IsoDate,
): CaseRecord {
  const next: CaseRecord = { ...record };
  const rules = actionRules[action] as (next: CaseRecord, input: unknown, today: IsoDate) => void;
  rules(next, input, today);
  return next;
}

type Rule<I extends z.ZodType> = (next: CaseRecord, input: z.infer<I>, today: IsoDate) => void;

const actionRules: { [A in ActionName]: Rule<z.ZodType> } = {
  completeFile: ((next, input) => {
    next.file = {
      ...next.file,
      addictionDetermination: input.addictionDetermination,
      documents: input.documents,
      groundsDetail: input.groundsDetail ?? next.file.groundsDetail,
    };
    next.draft = undefined;
  }) as Rule<typeof completeFileInput>,
  submitFile: ((next, input) => {
    // A minor's parents, guardian or legal representative are notified and may read the file too.
    if (next.minor && input.guardianNotified !== true) {
      throw ruleViolation(
        'input.guardianNotified',
        'phải thông báo việc lập hồ sơ cho cha, mẹ, người giám hộ hoặc người đại diện hợp pháp của người dưới 18 tuổi (Luật PCMT 2021, Điều 34 khoản 2)',
      );
    }
  }) as Rule<typeof submitFileInput>,
  review: ((next, { decision, childProtectionOpinion }) => {
    if (decision === 'returnForSupplement') next.supplementRounds += 1;
    if (decision === 'forward' && next.minor) {
      if (!childProtectionOpinion) {
        throw ruleViolation(
          'input.childProtectionOpinion',
          'bắt buộc khi chuyển hồ sơ của người chưa thành niên cho Tòa án (Luật PCMT 2021, Điều 34 khoản 4)',
        );
      }
      next.childProtectionOpinion = childProtectionOpinion;
    }
  }) as Rule<typeof reviewInput>,
  supplementFile: ((next, { documents }) => {
    next.file = { ...next.file, documents: [...next.file.documents, ...documents] };
  }) as Rule<typeof supplementFileInput>,
  acceptFile: ((next, input, today) => {
    notInFuture('input.acceptedOn', input.acceptedOn, today);
    if (input.decision === 'accept') {
      next.acceptedOn = input.acceptedOn;
      next.judgeName = input.judgeName;
    } else {
      next.courtReturns = (next.courtReturns ?? 0) + 1;
    }
  }) as Rule<typeof acceptFileInput>,
  openSession: ((next, input, today) => {
    notInFuture('input.decidedOn', input.decidedOn, today);
    if (next.acceptedOn && input.decidedOn < next.acceptedOn) {
      throw ruleViolation('input.decidedOn', 'không được trước ngày thụ lý hồ sơ');
    }
    // A minor's parent or guardian takes part in the session (Pháp lệnh 01/2022/UBTVQH15).
    if (next.minor && input.guardianSummoned !== true) {
      throw ruleViolation(
        'input.guardianSummoned',
        'phải triệu tập cha, mẹ hoặc người giám hộ của người dưới 18 tuổi tham gia phiên họp',
      );
    }
    next.session = {
      decidedOn: input.decidedOn,
      date: input.sessionDate,
      place: input.sessionPlace,
      online: input.online,
      guardianSummoned: input.guardianSummoned,
    };
  }) as Rule<typeof openSessionInput>,
  decide: ((next, decision, today) => {
    notInFuture('input.decidedOn', decision.decidedOn, today);
    // The workflow offers the decision only once the session is opened (Await Session Scheduling);
    // the rule holds on its own too, e.g. after an annulment cleared the session.
    if (!next.session) {
      throw ruleViolation(
        'input',
        'Tòa án ra quyết định tại phiên họp: cần quyết định mở phiên họp trước (Pháp lệnh 03/2022/UBTVQH15)',
      );
    }
    if (decision.decidedOn < next.session.date) {
      throw ruleViolation('input.decidedOn', `không được trước ngày mở phiên họp (${next.session.date})`);
    }
    if (next.minor && decision.guardianPresent === undefined) {
      throw ruleViolation(
        'input.guardianPresent',
        'bắt buộc ghi rõ cha, mẹ hoặc người giám hộ có mặt tại phiên họp hay không (người dưới 18 tuổi)',
      );
    }
    if (decision.outcome === 'apply') checkTerm(next, decision.months, 'input.months');
    next.decision = decision;
  }) as Rule<typeof decideInput>,
  requestDocuments: ((next, { requested }) => {
    next.courtRequest = requested;
  }) as Rule<typeof requestDocumentsInput>,
  terminateCase: ((next, input, today) => {
    notInFuture('input.decidedOn', input.decidedOn, today);
    next.termination = {
      reason: input.reason,
      decisionNumber: input.decisionNumber,
      decidedOn: input.decidedOn,
    };
  }) as Rule<typeof terminateCaseInput>,
  answerCourtRequest: ((next, { documents }) => {
    next.file = { ...next.file, documents: [...next.file.documents, ...documents] };
    next.courtRequest = undefined;
  }) as Rule<typeof answerCourtRequestInput>,
  closeAppealWindow: ((next, { effectiveOn }, today) => {
    notInFuture('input.effectiveOn', effectiveOn, today);
    if (next.decision && effectiveOn < next.decision.decidedOn) {
      throw ruleViolation('input.effectiveOn', 'không được trước ngày ra quyết định');
    }
    next.decisionEffectiveOn = effectiveOn;
  }) as Rule<typeof closeAppealWindowInput>,
  recordAppeal: ((next, input, today) => {
    notInFuture('input.lodgedOn', input.lodgedOn, today);
    next.appeals = [
      ...(next.appeals ?? []),
      { kind: input.kind, lodgedBy: input.lodgedBy, lodgedOn: input.lodgedOn },
    ];
  }) as Rule<typeof recordAppealInput>,
  decideAppeal: ((next, input, today) => {
    notInFuture('input.decidedOn', input.decidedOn, today);
    const appeals = [...(next.appeals ?? [])];
    const last = appeals.pop();
    if (last)
      appeals.push({
        ...last,
        outcome: input.outcome,
        decisionNumber: input.decisionNumber,
        decidedOn: input.decidedOn,
      });
    next.appeals = appeals;
    if (input.outcome === 'annulled') {
      // The first decision falls; the court examines the file again, at a new session.
      next.decision = undefined;
      next.session = undefined;
      return;
    }
    if (input.outcome === 'changed' && input.changedTo && next.decision) {
      if (input.changedTo.outcome === 'apply')
        checkTerm(next, input.changedTo.months, 'input.changedTo.months');
      next.decision = { ...next.decision, outcome: input.changedTo.outcome, months: input.changedTo.months };
    }
    // The appeal decision is final and takes effect when made.
    next.decisionEffectiveOn = input.decidedOn;
  }) as Rule<typeof decideAppealInput>,
  admit: ((next, { admittedOn, deductedDays }, today) => {
    notInFuture('input.admittedOn', admittedOn, today);
    if (next.decision && admittedOn < next.decision.decidedOn) {
      throw ruleViolation('input.admittedOn', 'không được trước ngày Tòa án ra quyết định');
    }
    next.admittedOn = admittedOn;
    if (deductedDays !== undefined) next.deductedDays = deductedDays;
  }) as Rule<typeof admitInput>,
  recordPostponement: ((next, input, today) => {
    if (input.until <= today) throw ruleViolation('input.until', 'phải sau ngày hôm nay');
    next.postponement = { grounds: input.grounds, until: input.until };
  }) as Rule<typeof recordPostponementInput>,
  recordExemption: ((next, input) => {
    next.exemption = { grounds: input.grounds };
  }) as Rule<typeof recordExemptionInput>,
  recordAbsconding: ((next, { abscondedOn }, today) => {
    notInFuture('input.abscondedOn', abscondedOn, today);
    next.abscondedOn = abscondedOn;
  }) as Rule<typeof recordAbscondingInput>,
  recordFound: ((next, { foundOn }, today) => {
    notInFuture('input.foundOn', foundOn, today);
    if (next.abscondedOn && foundOn < next.abscondedOn) {
      throw ruleViolation('input.foundOn', 'không được trước ngày bỏ trốn');
    }
    next.abscondedOn = undefined;
  }) as Rule<typeof recordFoundInput>,
  recordDeath: ((next, { diedOn }, today) => {
    notInFuture('input.diedOn', diedOn, today);
    next.diedOn = diedOn;
  }) as Rule<typeof recordDeathInput>,
  release: ((next, { releasedOn }, today) => {
    notInFuture('input.releasedOn', releasedOn, today);
    if (next.admittedOn && releasedOn < next.admittedOn) {
      throw ruleViolation('input.releasedOn', 'không được trước ngày tiếp nhận vào cơ sở');
    }
    next.releasedOn = releasedOn;
  }) as Rule<typeof releaseInput>,
  recordAbscondingInTreatment: ((next, { abscondedOn }, today) => {
    notInFuture('input.abscondedOn', abscondedOn, today);
    next.abscondedOn = abscondedOn;
  }) as Rule<typeof recordAbscondingInput>,
  recordReturnToCentre: ((next, { foundOn }, today) => {
    notInFuture('input.foundOn', foundOn, today);
    const from = next.abscondedOn ?? foundOn;
    if (foundOn < from) throw ruleViolation('input.foundOn', 'không được trước ngày bỏ trốn');
    next.absences = [...(next.absences ?? []), { from, returnedOn: foundOn }];
    next.abscondedOn = undefined;
  }) as Rule<typeof recordFoundInput>,
  recordReduction: ((next, input, today) => {
    notInFuture('input.decidedOn', input.decidedOn, today);
    const term = next.decision?.months ?? 0;
    const reduced = (next.reducedMonths ?? 0) + input.months;
    if (reduced >= term)
      throw ruleViolation('input.months', 'tổng số tháng giảm phải ít hơn thời hạn áp dụng');
    next.reducedMonths = reduced;
  }) as Rule<typeof recordReductionInput>,
  recordEarlyEnd: ((next, input, today) => {
    notInFuture('input.decidedOn', input.decidedOn, today);
    next.earlyEnd = {
      grounds: input.grounds,
      decisionNumber: input.decisionNumber,
      decidedOn: input.decidedOn,
    };
  }) as Rule<typeof recordEarlyEndInput>,
  recordDeathInCentre: ((next, { diedOn }, today) => {
    notInFuture('input.diedOn', diedOn, today);
    next.diedOn = diedOn;
  }) as Rule<typeof recordDeathInput>,
  recordDeathUnderSupervision: ((next, { diedOn }, today) => {
    notInFuture('input.diedOn', diedOn, today);
    next.diedOn = diedOn;
  }) as Rule<typeof recordDeathInput>,
  recordRelapse: ((_next, { detectedOn }, today) => {
    notInFuture('input.detectedOn', detectedOn, today);
  }) as Rule<typeof recordRelapseInput>,
};

/** The term within its legal range: adults 12–24 months, minors 6–12 (per the case's profile). */
function checkTerm(record: CaseRecord, months: number | undefined, field: string): void {
  const { term } = legalProfile(record.legalProfile);
  const range = record.minor ? term.minor : term.adult;
  if (months === undefined || months < range.min || months > range.max) {
    throw ruleViolation(field, `phải từ ${range.min} đến ${range.max} tháng (${range.source})`);
  }
}

function notInFuture(field: string, date: IsoDate, today: IsoDate): void {
  if (date > today) throw ruleViolation(field, 'không được sau ngày hôm nay');
}

/**
 * What a file for a person aged 12 to under 18 must hold beyond an adult's: the parent, guardian
 * or legal representative, the person's own written account and that representative's written
 * opinion (LAW73 Art. 34(1)(c); ND-116 Art. 51(1)(d), (đ), Forms 31 and 38). Missing parts are one
 * 422 naming each field, like the other rules that depend on the person's age.
 */
export function checkMinorFile(file: CaseFile): void {
  const problems: { field: string; rule: string }[] = [];
  if (!file.guardian) {
    problems.push({
      field: 'guardian',
      rule: 'bắt buộc với người từ đủ 12 đến dưới 18 tuổi: cha, mẹ, người giám hộ hoặc người đại diện hợp pháp (Luật PCMT 2021, Điều 34)',
    });
  }
  const kinds = new Set(file.documents.map((d) => d.kind));
  if (!kinds.has('selfStatement')) {
    problems.push({
      field: 'documents',
      rule: 'thiếu bản tường trình của người nghiện hoặc người đại diện hợp pháp (selfStatement; Nghị định 116/2021/NĐ-CP, Điều 51 khoản 1 điểm d, Mẫu số 31)',
    });
  }
  if (!kinds.has('guardianOpinion')) {
    problems.push({
      field: 'documents',
      rule: 'thiếu ý kiến bằng văn bản của cha, mẹ, người giám hộ hoặc người đại diện hợp pháp (guardianOpinion; Nghị định 116/2021/NĐ-CP, Điều 51 khoản 1 điểm đ, Mẫu số 38)',
    });
  }
  if (problems.length > 0) throw new ValidationFailedError(problems, 422);
}
