import { documentIssuer } from '#shared/clients/issuer';
import { workflowSteps } from '#shared/clients/steps';
import { documentPlansFor } from '#shared/documents/case-documents';
import { systemHandler } from '#shared/http/handler';

/** Invoked by the workflows for the steps no person performs: close, schedule, escalate. */
export const handler = systemHandler(async (event: unknown) =>
  // Beginning supervision and closing a completed case issue documents.
  workflowSteps({ issuer: documentIssuer(), plansFor: documentPlansFor }).runSystemStep(event),
);
