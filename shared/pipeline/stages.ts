/**
 * The stages a case passes through while a task waits (DOMAIN.md "The pipeline as states"), and
 * the outcomes it may close with. Plain data, no schemas: the web UI imports these too.
 */
export const stages = [
  'DRAFT',
  'NOTIFIED',
  'UNDER_REVIEW',
  'SUPPLEMENTING',
  'AT_COURT',
  'ACCEPTED',
  'SESSION_SCHEDULED',
  'CLARIFYING',
  'APPEAL_WINDOW',
  'UNDER_APPEAL',
  'AWAITING_ADMISSION',
  'POSTPONED',
  'WANTED',
  'IN_TREATMENT',
  'UNDER_SUPERVISION',
  'CLOSED',
] as const;
export type Stage = (typeof stages)[number];

export const outcomes = [
  'rejectedAtReview',
  'notApplied',
  'terminated',
  'exempted',
  'deceased',
  'completed',
  'relapsed',
] as const;
export type Outcome = (typeof outcomes)[number];
