import * as z from 'zod';
import { documentTitles } from '../documents/issued';
import type { DocumentKind } from '../documents/templates/index';
import type { CaseEventType, TaskCompletion } from '../domain/case';
import { roles } from '../domain/roles';
import { stageWorkflowKeys } from '../names';
import { actionNames } from '../pipeline/action-names';
import { outcomes, stages } from '../pipeline/stages';

/**
 * Field schemas that several item families share. Reading back checks the shape a family writes
 * (types, enums, required fields), not the input rules (lengths, patterns) it was validated
 * against when written: those may tighten with the law, and an item written under the old rule
 * must still read. Objects are loose: an attribute the schema does not name is kept, as written
 * (an event's hash covers all of its content).
 */
export const stage = z.enum(stages);
export const outcome = z.enum(outcomes);
export const actionName = z.enum(actionNames);
export const role = z.enum(roles);
export const stageWorkflow = z.enum(stageWorkflowKeys);
export const documentKind = z.enum(Object.keys(documentTitles) as DocumentKind[]);
export const stringMap = z.record(z.string(), z.string());

const eventTypes: { [Type in CaseEventType]: Type } = {
  caseOpened: 'caseOpened',
  taskOpened: 'taskOpened',
  actionPerformed: 'actionPerformed',
  taskStalled: 'taskStalled',
  workflowContinued: 'workflowContinued',
  workflowResumed: 'workflowResumed',
  workflowCallRepaired: 'workflowCallRepaired',
  deadlineMissed: 'deadlineMissed',
  decisionEffective: 'decisionEffective',
  releaseScheduled: 'releaseScheduled',
  supervisionBegun: 'supervisionBegun',
  caseClosed: 'caseClosed',
  documentCorrected: 'documentCorrected',
};
export const eventType = z.enum(eventTypes);

export const taskCompletion: z.ZodType<TaskCompletion> = z.discriminatedUnion('kind', [
  z.looseObject({ kind: z.literal('standing') }),
  z.looseObject({ kind: z.literal('taskToken'), taskToken: z.string() }),
  z.looseObject({
    kind: z.literal('startStage'),
    workflow: stageWorkflow,
    input: stringMap,
    timerId: z.string().optional(),
  }),
]);

/**
 * A value of any shape that the type requires but that may be undefined (an action's output, a
 * saved body): the client leaves undefined values out of the item, so absent reads back as absent.
 */
export const anyValue = z
  .unknown()
  .optional()
  .transform((value): unknown => value);
