import { vietnameseCalendar } from '../domain/calendar/vietnam-calendar';
import { type WorkflowStepDeps, WorkflowSteps } from '../domain/workflow-steps';
import { workflowEngine } from './engine';
import { clock } from './runtime';
import { caseStore } from './store';

/**
 * The steps the workflows run without a person. Opening tasks and firing timers issue nothing and
 * are wired without an issuer; the system steps that issue documents are given one.
 */
export const workflowSteps = ({
  issuer,
  plansFor,
}: Pick<WorkflowStepDeps, 'issuer' | 'plansFor'> = {}): WorkflowSteps =>
  new WorkflowSteps({
    store: caseStore(),
    engine: workflowEngine(),
    clock: clock(),
    calendar: vietnameseCalendar,
    issuer,
    plansFor,
  });
