/**
 * The HTTP API's routes are one table, shared/api/routes.ts: the CDK app, the local server and the
 * OpenAPI document all read it. Here only the functions that no route calls.
 */
export { type ApiRoute, apiRoutes, type RouteTarget } from '#shared/api/routes';

/** Functions that no route calls: invoked by the workflows or on a schedule. */
export const backgroundFunctions = [
  'open-task',
  'system-step',
  'fire-timers',
  'reconcile-workflows',
] as const;
