import * as z from 'zod';
import { actionRequestSchema } from '../domain/case-commands';
import { caseFileSchema } from '../domain/case-file';
import { actionInputSchema, actionNames, stages } from './pipeline-schemas';
import { caseViewSchema, problemSchema } from './responses';
import { type ApiRoute, apiRoutes } from './routes';

/**
 * The OpenAPI document, generated from the route table (routes.ts) and the zod schemas the
 * handlers parse with: nothing in it is written by hand. Requests are described as the client
 * sends them (`io: 'input'`), answers as the server writes them (`io: 'output'`).
 */
type JsonSchema = Record<string, unknown>;

const convert = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
};

/** Schemas published once under components.schemas and referenced where a route uses them whole. */
const named = new Map<z.ZodType, string>([
  [caseFileSchema, 'CaseFile'],
  [actionRequestSchema, 'ActionRequest'],
  [caseViewSchema, 'Case'],
  [problemSchema, 'Problem'],
]);

const schemaOf = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const name = named.get(schema);
  return name ? { $ref: `#/components/schemas/${name}` } : convert(schema, io);
};

const contentOf = (content: ApiRoute['body'] & object, io: 'input' | 'output') =>
  Object.fromEntries(
    Object.entries(content).map(([type, schema]) => [type, { schema: schemaOf(schema, io) }]),
  );

function parametersOf(route: ApiRoute) {
  const from = (where: 'path' | 'query' | 'header', schema: z.ZodObject | undefined) => {
    if (!schema) return [];
    const json = convert(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
    return Object.entries(json.properties ?? {}).map(([name, property]) => {
      const { description, ...rest } = property;
      return {
        name,
        in: where,
        required: where === 'path' || (json.required?.includes(name) ?? false),
        ...(description !== undefined && { description }),
        schema: rest,
      };
    });
  };
  return [
    ...from('path', route.pathParameters),
    ...from('query', route.query),
    ...from('header', route.headers),
  ];
}

const problemResponse = {
  description: 'application/problem+json (RFC 9457) naming the field and the rule',
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
};

function operationOf(route: ApiRoute) {
  const parameters = parametersOf(route);
  return {
    summary: route.summary,
    ...(route.description && { description: route.description }),
    operationId: route.functionName,
    ...(route.authenticated && { security: [{ bearer: [] }] }),
    ...(parameters.length > 0 && { parameters }),
    ...(route.body && { requestBody: { required: true, content: contentOf(route.body, 'input') } }),
    responses: {
      [route.response.status]: {
        description: route.response.description,
        content: contentOf(route.response.content, 'output'),
      },
      ...Object.fromEntries(route.problems.map((status) => [status, problemResponse])),
    },
  };
}

let cached: Record<string, unknown> | undefined;

export function openApiDocument(routes: readonly ApiRoute[] = apiRoutes): Record<string, unknown> {
  if (cached && routes === apiRoutes) return cached;
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operationOf(route) };
  }
  const document = {
    openapi: '3.1.0',
    info: {
      title: 'Hồ sơ đưa vào cơ sở cai nghiện bắt buộc — API',
      version: '0.1.0',
      description: 'Workflow API for the compulsory drug-treatment file pipeline.',
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: {
        CaseFile: convert(caseFileSchema, 'input'),
        ActionRequest: convert(actionRequestSchema, 'input'),
        Case: convert(caseViewSchema, 'output'),
        Problem: convert(problemSchema, 'output'),
        Stage: { type: 'string', enum: stages },
        ...Object.fromEntries(
          actionNames.map((name) => [`${name}Input`, convert(actionInputSchema(name), 'input')]),
        ),
      },
    },
    paths,
  };
  if (routes === apiRoutes) cached = document;
  return document;
}
