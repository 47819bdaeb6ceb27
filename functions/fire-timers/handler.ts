import { logger } from '#shared/clients/logger';
import { countDeadlinesMissed, countTimersFired } from '#shared/clients/metrics';
import { workflowSteps } from '#shared/clients/steps';
import { systemHandler } from '#shared/http/handler';

/**
 * Runs every minute: starts the stage whose timer is due (release date, end of supervision) and
 * escalates the tasks whose deadline has passed.
 */
export const handler = systemHandler(async () => {
  const steps = workflowSteps();
  const fired = await steps.fireDueTimers();
  const escalated = await steps.escalateOverdueTasks();
  if (fired + escalated > 0) logger.info('scheduler ran', { fired, escalated });
  countTimersFired(fired);
  countDeadlinesMissed(escalated);
  return { fired, escalated };
});
