import type * as z from 'zod';
import type { ActionDocumentKind } from '#shared/documents/document-plans';
import type { CaseRecord } from '#shared/domain/case';
import type { IsoDate } from '#shared/domain/dates';
import type { DeadlineKey } from '#shared/domain/legal-profile';
import type { Actor, Role } from '#shared/domain/roles';
import type { CaseRouting } from '#shared/domain/units';
import type { StageWorkflow } from '#shared/names';
import type { Stage } from '../stages';

/**
 * A task is due after a time limit of the case's legal profile, or on a date the case carries.
 * Only real deadlines escalate when missed; the end of supervision is a horizon, not a deadline.
 */
export type DeadlineRule =
  /** From the day the task opens, or from a date the case carries (the acceptance). */
  | { kind: 'limit'; limit: DeadlineKey; from?: 'acceptedOn' }
  | { kind: 'caseDate'; field: 'releaseDueOn' | 'supervisionEndsOn'; source: string };

/**
 * How performing the action moves the workflow on: complete the waiting task token, or (for a
 * long stage held by a timer rather than an open execution) start the named stage workflow.
 */
export type Completion =
  | { kind: 'taskToken' }
  | { kind: 'startStage'; workflow: StageWorkflow; input: Record<string, string> }
  | { kind: 'standing' };

/**
 * One step of the pipeline, all of it in one place (shared/pipeline/actions/<action>.ts): who
 * performs it, where it waits, by when, its input, what it changes on the case and which documents
 * it issues. The registry (./index.ts) collects them; permissions, task views, the API's schemas,
 * the UI's forms, the seed and the documents derive from it.
 */
export interface ActionDefinition<I extends z.ZodType = z.ZodType, C extends Completion = Completion> {
  /** Vietnamese label shown to officers: on the task, in the case history and in reports. */
  label: string;
  /** The role whose task this is. */
  role: Role;
  /** Roles besides the task's own that may perform it, in the task's unit (a judge for the court). */
  alsoPerformedBy?: readonly Role[];
  /** Which of the case's bodies must act. */
  unit: keyof CaseRouting;
  /** The stage the case is in while this action waits. */
  stage: Stage;
  /** When the task is due, from a time limit of the case's legal profile or a date the case carries. */
  deadline: DeadlineRule;
  /**
   * A date of the case that holds the wait back: the task is due counting from it and the case
   * shows `stage` meanwhile (an admission postponed by the court).
   */
  heldUntil?(record: CaseRecord, today: IsoDate): { until: IsoDate; stage: Stage } | undefined;
  /** False for actions offered beside the main one at a wait (death, absconding…): they never escalate. */
  escalates?: boolean;
  completes: C;
  /** The input, parsed at the API edge; every field and choice carries its Vietnamese label. */
  input: I;
  /** What a role may put in the input, beyond who may act (a procurator lodges protests only). */
  checkPerformer?(actor: Actor, input: z.output<I>): void;
  /**
   * What performing the action changes on the case (a copy, changed in place), and the legal rules
   * its input must meet beyond its shape (throws a 422 naming the field).
   */
  apply(next: CaseRecord, input: z.output<I>, today: IsoDate): void;
  /**
   * The documents the action issues, by kind, each when its input calls for it (always, by
   * default). shared/documents/document-plans.ts plans each kind from the case as it will be after
   * the change; they are issued in the same transaction.
   */
  documents?: readonly ActionDocument<z.output<I>>[];
  /** A valid input, as a demo user would fill it in: the local runtime's seed performs it. */
  example?(today: IsoDate): NoInfer<z.input<I>>;
}

/** A kind of document an action issues, and, when it is not always issued, on which input. */
export interface ActionDocument<Input> {
  kind: ActionDocumentKind;
  when?(input: Input): boolean;
}

/** Types the rule, the documents and the example with the action's own input. */
export const defineAction = <I extends z.ZodType, const C extends Completion>(
  definition: ActionDefinition<I, C>,
): ActionDefinition<I, C> => definition;

/** The court's steps: the clerk records them, the judge who decides may perform them too. */
export const byTheCourt = { role: 'court', alsoPerformedBy: ['judge'], unit: 'court' } as const;
