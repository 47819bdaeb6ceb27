import middy from '@middy/core';
import { logger } from '#shared/clients/logger';
import { workflowSteps } from '#shared/clients/steps';

/**
 * Runs every minute: starts the stage whose timer is due (release date, end of supervision) and
 * escalates the tasks whose deadline has passed.
 */
export const handler = middy(async () => {
  const steps = workflowSteps();
  const fired = await steps.fireDueTimers();
  const escalated = await steps.escalateOverdueTasks();
  if (fired + escalated > 0) logger.info('scheduler ran', { fired, escalated });
  return { fired, escalated };
});
