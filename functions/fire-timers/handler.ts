import middy from '@middy/core';
import { getApp } from '#shared/clients/app';
import { logger } from '#shared/clients/logger';

/** Runs every minute: starts the stage whose timer is due (release date, end of supervision). */
export const handler = middy(async () => {
  const fired = await getApp().steps.fireDueTimers();
  if (fired > 0) logger.info('timers fired', { fired });
  return { fired };
});
