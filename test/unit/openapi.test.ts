import { describe, expect, it } from 'vitest';
import { openApiDocument } from '#shared/api/openapi';
import { apiRoutes } from '#shared/api/routes';
import { documentValidator } from '../support/openapi';

interface Operation {
  parameters?: { name: string; in: string; schema: unknown }[];
  requestBody?: { content: Record<string, { schema?: unknown }> };
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

const document = openApiDocument() as {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
};
const operationOf = (route: (typeof apiRoutes)[number]) =>
  document.paths[route.path]?.[route.method.toLowerCase()];
const routeNames = apiRoutes.map((route) => `${route.method} ${route.path}`);

describe('the OpenAPI document', () => {
  it('describes exactly the routes of the route table', () => {
    const described = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(described.sort()).toEqual([...routeNames].sort());
  });

  it.each(apiRoutes.map((route) => [`${route.method} ${route.path}`, route] as const))(
    'gives %s its answer and each of its problems as a schema',
    (_, route) => {
      const operation = operationOf(route);
      const statuses = [String(route.response.status), ...route.problems.map(String)];
      expect(Object.keys(operation?.responses ?? {}).sort()).toEqual(statuses.sort());
      for (const status of statuses) {
        const content = operation?.responses[status]?.content ?? {};
        expect(Object.keys(content).length, `${status} has a media type`).toBeGreaterThan(0);
        for (const [type, { schema }] of Object.entries(content)) {
          expect(schema, `${status} ${type} has a schema`).toBeDefined();
          if (status !== String(route.response.status)) expect(type).toBe('application/problem+json');
        }
      }
    },
  );

  it.each(apiRoutes.map((route) => [`${route.method} ${route.path}`, route] as const))(
    'names each path parameter of %s',
    (_, route) => {
      const inPath = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      const described = (operationOf(route)?.parameters ?? [])
        .filter((p) => p.in === 'path')
        .map((p) => p.name);
      expect(described.sort()).toEqual(inPath.sort());
    },
  );

  it('holds only schemas a JSON Schema validator compiles, with every reference resolved', () => {
    const ajv = documentValidator(document);
    const schemas: string[] = [];
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const at = `#/paths/${path.replaceAll('/', '~1')}/${method}`;
        for (const [status, response] of Object.entries(operation.responses)) {
          for (const type of Object.keys(response.content ?? {})) {
            schemas.push(`${at}/responses/${status}/content/${type.replaceAll('/', '~1')}/schema`);
          }
        }
        for (const type of Object.keys(operation.requestBody?.content ?? {})) {
          schemas.push(`${at}/requestBody/content/${type.replaceAll('/', '~1')}/schema`);
        }
      }
    }
    for (const name of Object.keys(document.components.schemas)) schemas.push(`#/components/schemas/${name}`);
    for (const schema of schemas) expect(ajv.getSchema(`openapi${schema}`), schema).toBeTypeOf('function');
  });
});
