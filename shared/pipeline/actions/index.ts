import type { CaseRecord } from '#shared/domain/case';
import type { IsoDate } from '#shared/domain/dates';
import { type ActionName, actionNames, isActionName } from '../action-names';
import { acceptFile } from './accept-file';
import { admit } from './admit';
import { answerCourtRequest } from './answer-court-request';
import { closeAppealWindow } from './close-appeal-window';
import { completeFile } from './complete-file';
import { decide } from './decide';
import { decideAppeal } from './decide-appeal';
import type { ActionDefinition } from './define';
import { openSession } from './open-session';
import { recordAbsconding } from './record-absconding';
import { recordAbscondingInTreatment } from './record-absconding-in-treatment';
import { recordAppeal } from './record-appeal';
import { recordDeath } from './record-death';
import { recordDeathInCentre } from './record-death-in-centre';
import { recordDeathUnderSupervision } from './record-death-under-supervision';
import { recordEarlyEnd } from './record-early-end';
import { recordExemption } from './record-exemption';
import { recordFound } from './record-found';
import { recordPostponement } from './record-postponement';
import { recordReduction } from './record-reduction';
import { recordRelapse } from './record-relapse';
import { recordReturnToCentre } from './record-return-to-centre';
import { release } from './release';
import { requestDocuments } from './request-documents';
import { review } from './review';
import { submitFile } from './submit-file';
import { supplementFile } from './supplement-file';
import { terminateCase } from './terminate-case';

/**
 * Every action of the pipeline, by name, each defined once in its own module beside this one. The
 * stage declarations (workflows/stages/) wait for these names; the perform-action handler, the
 * permission checks, the task views, the OpenAPI schemas, the UI's forms, the seed and the
 * documents read them from here. Adding a step: README.md, "Adding a step".
 */
export const pipelineActions = {
  completeFile,
  submitFile,
  review,
  supplementFile,
  acceptFile,
  openSession,
  decide,
  requestDocuments,
  terminateCase,
  answerCourtRequest,
  closeAppealWindow,
  recordAppeal,
  decideAppeal,
  admit,
  recordPostponement,
  recordExemption,
  recordAbsconding,
  recordFound,
  recordDeath,
  release,
  recordAbscondingInTreatment,
  recordReturnToCentre,
  recordReduction,
  recordEarlyEnd,
  recordDeathInCentre,
  recordDeathUnderSupervision,
  recordRelapse,
} as const satisfies Record<ActionName, ActionDefinition>;

export { type ActionName, actionNames, isActionName };

/** An action's definition with its input unknown: what code that handles any action sees. */
export const actionDefinition = (action: ActionName): ActionDefinition => pipelineActions[action];

/** Whether missing this task's due date is escalated to the supervising unit. */
export const deadlineEscalates = (action: ActionName): boolean => {
  const definition = actionDefinition(action);
  if (definition.escalates === false) return false;
  return definition.deadline.kind === 'limit' || definition.deadline.field === 'releaseDueOn';
};

/** Roles that may perform an action: the task's own, then those its module adds (a judge, a procurator). */
export const performersOf = (action: ActionName, taskRole: ActionDefinition['role']) => [
  taskRole,
  ...(actionDefinition(action).alsoPerformedBy ?? []),
];

/** What performing an action changes on the case record: a new record, by the action's own rule. */
export function applyAction(
  record: CaseRecord,
  action: ActionName,
  input: unknown,
  today: IsoDate,
): CaseRecord {
  const next: CaseRecord = { ...record };
  actionDefinition(action).apply(next, input, today);
  return next;
}
