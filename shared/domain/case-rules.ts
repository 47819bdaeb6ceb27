import type { z } from 'zod';
import type { CaseRecord } from './case';
import type { IsoDate } from './dates';
import { legalProfile } from './legal-profile';
import type {
  ActionName,
  admitInput,
  decideInput,
  recordRelapseInput,
  releaseInput,
  reviewInput,
  supplementFileInput,
} from './pipeline';
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
  switch (action) {
    case 'submitFile':
      return next;
    case 'review': {
      const { decision } = input as z.infer<typeof reviewInput>;
      if (decision === 'returnForSupplement') next.supplementRounds = record.supplementRounds + 1;
      return next;
    }
    case 'supplementFile': {
      const { documents } = input as z.infer<typeof supplementFileInput>;
      next.file = { ...record.file, documents: [...record.file.documents, ...documents] };
      return next;
    }
    case 'decide': {
      const decision = input as z.infer<typeof decideInput>;
      notInFuture('input.decidedOn', decision.decidedOn, today);
      if (decision.outcome === 'apply') {
        const { term } = legalProfile(record.legalProfile);
        const range = record.minor ? term.minor : term.adult;
        const months = decision.months ?? 0;
        if (months < range.min || months > range.max) {
          throw ruleViolation(
            'input.months',
            `phải từ ${range.min} đến ${range.max} tháng (${range.source})`,
          );
        }
      }
      next.decision = decision;
      return next;
    }
    case 'admit': {
      const { admittedOn, deductedDays } = input as z.infer<typeof admitInput>;
      notInFuture('input.admittedOn', admittedOn, today);
      if (record.decision && admittedOn < record.decision.decidedOn) {
        throw ruleViolation('input.admittedOn', 'không được trước ngày Tòa án ra quyết định');
      }
      next.admittedOn = admittedOn;
      if (deductedDays !== undefined) next.deductedDays = deductedDays;
      return next;
    }
    case 'release': {
      const { releasedOn } = input as z.infer<typeof releaseInput>;
      notInFuture('input.releasedOn', releasedOn, today);
      if (record.admittedOn && releasedOn < record.admittedOn) {
        throw ruleViolation('input.releasedOn', 'không được trước ngày tiếp nhận vào cơ sở');
      }
      next.releasedOn = releasedOn;
      return next;
    }
    case 'recordRelapse': {
      const { detectedOn } = input as z.infer<typeof recordRelapseInput>;
      notInFuture('input.detectedOn', detectedOn, today);
      return next;
    }
  }
}

function notInFuture(field: string, date: IsoDate, today: IsoDate): void {
  if (date > today) throw ruleViolation(field, 'không được sau ngày hôm nay');
}
