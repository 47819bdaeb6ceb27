import { logger } from '#shared/clients/logger';
import { workflowReconciler } from '#shared/clients/reconciler';
import { systemHandler } from '#shared/http/handler';

/**
 * Runs every few minutes (EventBridge; every tick locally): makes the workflow calls that committed
 * changes still owe after a crash, and resumes waits whose execution ended under them.
 */
export const handler = systemHandler(async () => {
  const result = await workflowReconciler().run();
  if (result.repairedCalls + result.resumedWaits > 0) logger.warn('workflows reconciled', { ...result });
  return result;
});
