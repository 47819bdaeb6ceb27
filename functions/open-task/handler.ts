import { logger } from '#shared/clients/logger';
import { workflowSteps } from '#shared/clients/steps';
import { systemHandler } from '#shared/http/handler';

/**
 * Invoked by every `.waitForTaskToken` state: records that the case waits for a person. Errors are
 * thrown with their name so the workflow's Retry/Catch can match them.
 */
export const handler = systemHandler(async (event: unknown) => {
  const result = await workflowSteps().openTask(event);
  logger.info('task opened', { taskId: result.taskId });
  return result;
});
