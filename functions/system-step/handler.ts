import middy from '@middy/core';
import { getApp } from '#shared/clients/app';

/** Invoked by the workflows for the steps no person performs: close, schedule, escalate. */
export const handler = middy(async (event: unknown) => getApp().steps.runSystemStep(event));
