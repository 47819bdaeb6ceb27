/**
 * The HTTP API's routes, as data: the CDK app and the local server both build their routing from
 * this list, so a route exists in both runtimes or in neither.
 */
export interface ApiRoute {
  method: 'GET' | 'POST' | 'PUT';
  /** API Gateway path syntax: `{name}` for a path parameter. */
  path: string;
  /** Folder under functions/ holding `handler.ts`. */
  functionName: string;
  /** False only for the public health check and the API description. */
  authenticated: boolean;
}

export const apiRoutes: readonly ApiRoute[] = [
  { method: 'GET', path: '/health', functionName: 'health', authenticated: false },
  { method: 'GET', path: '/openapi.json', functionName: 'get-openapi', authenticated: false },
  { method: 'POST', path: '/cases', functionName: 'create-case', authenticated: true },
  { method: 'GET', path: '/cases', functionName: 'list-cases', authenticated: true },
  { method: 'GET', path: '/me/tasks', functionName: 'list-my-tasks', authenticated: true },
  { method: 'GET', path: '/cases/{id}', functionName: 'get-case', authenticated: true },
  { method: 'GET', path: '/cases/{id}/history', functionName: 'get-case-history', authenticated: true },
  { method: 'GET', path: '/cases/{id}/reads', functionName: 'list-case-reads', authenticated: true },
  {
    method: 'GET',
    path: '/cases/{id}/history/verify',
    functionName: 'verify-case-history',
    authenticated: true,
  },
  {
    method: 'GET',
    path: '/cases/{id}/history/export',
    functionName: 'export-case-history',
    authenticated: true,
  },
  {
    method: 'POST',
    path: '/cases/{id}/actions/{action}',
    functionName: 'perform-action',
    authenticated: true,
  },
  {
    method: 'GET',
    path: '/cases/{id}/documents',
    functionName: 'list-case-documents',
    authenticated: true,
  },
  {
    method: 'POST',
    path: '/cases/{id}/documents/{sha256}/corrections',
    functionName: 'correct-document',
    authenticated: true,
  },
  { method: 'GET', path: '/documents/{sha256}', functionName: 'get-document', authenticated: true },
  { method: 'POST', path: '/documents/verify', functionName: 'verify-document', authenticated: true },
  {
    method: 'GET',
    path: '/persons/{citizenId}/cases',
    functionName: 'get-person-cases',
    authenticated: true,
  },
  {
    method: 'GET',
    path: '/units/{unitId}/indicators',
    functionName: 'get-unit-indicators',
    authenticated: true,
  },
  {
    method: 'PUT',
    path: '/units/{unitId}/targets/{year}',
    functionName: 'put-unit-targets',
    authenticated: true,
  },
  {
    method: 'GET',
    path: '/units/{unitId}/overdue-tasks',
    functionName: 'list-overdue-tasks',
    authenticated: true,
  },
];

/** Functions that no route calls: invoked by the workflows or on a schedule. */
export const backgroundFunctions = [
  'open-task',
  'system-step',
  'fire-timers',
  'reconcile-workflows',
] as const;
