import type { SystemStepInput } from '#shared/domain/workflow-steps';
import type { StageWorkflow } from '#shared/names';
import type { ActionName } from '#shared/pipeline/actions/index';
import type { Outcome } from '#shared/pipeline/stages';

/**
 * The words of a stage declaration (workflows/stages/*.ts). A declaration says only what the
 * stage does: which action each wait is for, what else may be done there, where each outcome
 * leads. workflows/generate.ts turns it into ASL and writes, once for every state, the rest:
 * the retries, the safety timeout with its escalation, the comments and the state names.
 */

/** A step the system-step function runs on its own (closing and escalating have their own builders). */
export type SystemStep = Exclude<SystemStepInput['step'], 'closeCase' | 'escalateStalledTask'>;

/** Where a transition leads: the wait for an action (by the action's name), or a declared step. */
export type Target = ActionName | Step;

export type Branch =
  /** The person performed this action (the main one or one allowed beside it). */
  | { readonly on: 'action'; readonly action: ActionName; readonly next: Target }
  /** The action's input carries this value in this field (`$.result.input.<field>`). */
  | { readonly on: 'input'; readonly field: string; readonly equals: string; readonly next: Target };

export interface Wait {
  readonly kind: 'wait';
  /** The action the wait opens a task for; it is due and escalates as its action module says. */
  readonly action: ActionName;
  /** Actions a person may perform instead at this wait (death, absconding…), in the order offered. */
  readonly alsoAllowed: readonly ActionName[];
  /** The state is `Await <title>`. */
  readonly title: string;
  /** `Escalate Stalled <short>` and `<short> Outcome`; the title when not given. */
  readonly short?: string;
  /** The name of the outcome state when `<short> Outcome` does not read well. */
  readonly outcomeName?: string;
  /** Tested in order once the task is completed; none means the wait goes straight to `next`. */
  readonly branches: readonly Branch[];
  /** Where the workflow goes when no branch matched (or at once, when there are no branches). */
  readonly next: Target;
  /** The safety timeout, after which the stalled task is escalated and opened again. */
  readonly timeoutSeconds?: number;
}

export interface SystemTask {
  readonly kind: 'system';
  readonly step: SystemStep;
  readonly comment?: string;
  /** Keep these fields of the function's result at `path`; by default the result is dropped. */
  readonly result?: { readonly path: string; readonly select: readonly string[] };
  readonly next: Target;
}

export interface CloseCase {
  readonly kind: 'close';
  readonly outcome: Outcome;
  /** The state is `Close As <title>`; by default the outcome in words. */
  readonly title?: string;
  readonly next: Target;
}

export interface StartStage {
  readonly kind: 'start';
  readonly workflow: StageWorkflow;
  readonly comment?: string;
  readonly next: Target;
}

export interface Choice {
  readonly kind: 'choice';
  readonly name: string;
  /** A path of the state's input, compared with each key of `when`. */
  readonly variable: string;
  readonly when: Readonly<Record<string, Target>>;
  readonly otherwise: Target;
}

export interface Succeed {
  readonly kind: 'succeed';
  readonly name: string;
}

export interface Fail {
  readonly kind: 'fail';
  readonly name: string;
  readonly error: string;
  readonly cause: string;
}

export type Step = Wait | SystemTask | CloseCase | StartStage | Choice | Succeed | Fail;

export interface StageDeclaration {
  readonly workflow: StageWorkflow;
  readonly comment: string;
  /** The whole execution's limit; every stage stays under a year. */
  readonly timeoutSeconds: number;
  /**
   * Every step, in the order the ASL lists them (and the README draws them); the first one starts.
   * A wait listed here may be reached by its action's name; any other step by the object itself.
   */
  readonly steps: readonly Step[];
  /**
   * Actions of the registry (shared/pipeline/actions/) that no state of this workflow waits for: performed while no
   * execution waits (standing tasks of a term, a draft completed before the stage starts), each
   * with the reason. The consistency test holds every table action to a wait, a place beside one,
   * or an entry here.
   */
  readonly outside?: Readonly<Partial<Record<ActionName, string>>>;
}

export const DAY = 24 * 60 * 60;

export function awaitAction(
  action: ActionName,
  options: Omit<Wait, 'kind' | 'action' | 'alsoAllowed' | 'branches'> & {
    alsoAllowed?: readonly ActionName[];
    branches?: readonly Branch[];
  },
): Wait {
  return { kind: 'wait', action, alsoAllowed: [], branches: [], ...options };
}

export const onAction = (action: ActionName, next: Target): Branch => ({ on: 'action', action, next });

export const onInput = (field: string, equals: string, next: Target): Branch => ({
  on: 'input',
  field,
  equals,
  next,
});

export const systemStep = (step: SystemStep, options: Omit<SystemTask, 'kind' | 'step'>): SystemTask => ({
  kind: 'system',
  step,
  ...options,
});

/** A case closes and the workflow ends in `Case Closed`, unless something follows the closing. */
export const closeCase = (outcome: Outcome, options: { title?: string; next?: Target } = {}): CloseCase => ({
  kind: 'close',
  outcome,
  next: caseClosed,
  ...options,
});

export const startStage = (
  workflow: StageWorkflow,
  options: Omit<StartStage, 'kind' | 'workflow'>,
): StartStage => ({
  kind: 'start',
  workflow,
  ...options,
});

export const choice = (name: string, options: Omit<Choice, 'kind' | 'name'>): Choice => ({
  kind: 'choice',
  name,
  ...options,
});

export const succeed = (name: string): Succeed => ({ kind: 'succeed', name });

export const fail = (name: string, error: string, cause: string): Fail => ({
  kind: 'fail',
  name,
  error,
  cause,
});

/** Where every closing leads. */
export const caseClosed = succeed('Case Closed');

/** Where an outcome no branch knows leads: the execution fails by name instead of guessing. */
export const unknownDecision = fail(
  'Unknown Decision',
  'UnknownDecision',
  "The action's input named a branch this workflow does not know.",
);

export const defineStage = (declaration: StageDeclaration): StageDeclaration => declaration;
