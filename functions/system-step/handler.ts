import middy from '@middy/core';
import { documentIssuer } from '#shared/clients/issuer';
import { workflowSteps } from '#shared/clients/steps';

/** Invoked by the workflows for the steps no person performs: close, schedule, escalate. */
export const handler = middy(async (event: unknown) =>
  // Beginning supervision and closing a completed case issue documents.
  workflowSteps({ issuer: documentIssuer() }).runSystemStep(event),
);
