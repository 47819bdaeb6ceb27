import { WorkflowReconciler } from '../domain/workflow-reconciler';
import { workflowEngine } from './engine';
import { clock } from './runtime';
import { caseStore } from './store';

/** The scheduled repair of cases a crash or a dead execution left behind. */
export const workflowReconciler = (): WorkflowReconciler =>
  new WorkflowReconciler({ store: caseStore(), engine: workflowEngine(), clock: clock() });
