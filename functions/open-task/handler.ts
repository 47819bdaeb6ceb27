import middy from '@middy/core';
import { getApp } from '#shared/clients/app';
import { logger } from '#shared/clients/logger';

/**
 * Invoked by every `.waitForTaskToken` state: records that the case waits for a person. Errors are
 * thrown with their name so the workflow's Retry/Catch can match them.
 */
export const handler = middy(async (event: unknown) => {
  const result = await getApp().steps.openTask(event);
  logger.info('task opened', { taskId: result.taskId });
  return result;
});
