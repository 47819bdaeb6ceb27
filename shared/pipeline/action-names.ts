/**
 * The names of the pipeline's actions, without their definitions: what stored items, queries and
 * routes check a name against, without loading every action's schema and rule. The registry
 * (actions/index.ts) must define exactly these; the compiler holds the two lists together.
 */
export const actionNames = [
  'completeFile',
  'submitFile',
  'review',
  'supplementFile',
  'acceptFile',
  'openSession',
  'decide',
  'requestDocuments',
  'terminateCase',
  'answerCourtRequest',
  'closeAppealWindow',
  'recordAppeal',
  'decideAppeal',
  'admit',
  'recordPostponement',
  'recordExemption',
  'recordAbsconding',
  'recordFound',
  'recordDeath',
  'release',
  'recordAbscondingInTreatment',
  'recordReturnToCentre',
  'recordReduction',
  'recordEarlyEnd',
  'recordDeathInCentre',
  'recordDeathUnderSupervision',
  'recordRelapse',
] as const;

export type ActionName = (typeof actionNames)[number];

export const isActionName = (name: string): name is ActionName =>
  (actionNames as readonly string[]).includes(name);
