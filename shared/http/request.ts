import type { APIGatewayProxyEventV2, APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import * as z from 'zod';
import { type Actor, roles } from '../domain/roles';
import { UnauthorizedError, ValidationFailedError } from '../errors';

/**
 * Reads who is acting from the claims the JWT authorizer verified (Cognito in AWS, the local
 * runtime's signer locally). Handlers never read identity from anywhere else.
 */
const groupsClaim = z.union([z.array(z.string()), z.string()]).transform((value) => {
  if (Array.isArray(value)) return value;
  // API Gateway flattens array claims to "[a b]" strings.
  return value
    .replace(/^\[|\]$/g, '')
    .split(/[\s,]+/)
    .filter(Boolean);
});

const claimsSchema = z.object({
  sub: z.string().min(1),
  name: z.string().optional(),
  'cognito:groups': groupsClaim,
  'custom:unit': z.string().min(1),
});

export function actorOf(event: APIGatewayProxyEventV2): Actor {
  const claims = (event as APIGatewayProxyEventV2WithJWTAuthorizer).requestContext?.authorizer?.jwt?.claims;
  const parsed = claimsSchema.safeParse(claims);
  if (!parsed.success) throw new UnauthorizedError();
  const role = parsed.data['cognito:groups'].find((g): g is Actor['role'] =>
    (roles as readonly string[]).includes(g),
  );
  if (!role) throw new UnauthorizedError('Tài khoản chưa được gán vai trò.');
  return {
    userId: parsed.data.sub,
    name: parsed.data.name ?? parsed.data.sub,
    role,
    unitId: parsed.data['custom:unit'],
  };
}

/** How deep a JSON body may nest: no input of the API goes past a handful of levels. */
export const MAX_JSON_DEPTH = 32;

/**
 * Parses a JSON body; a body that is not JSON, or nests deeper than any input of the API,
 * names itself as the problem (deep nesting would otherwise overflow the stack further on).
 */
export function jsonBody(event: APIGatewayProxyEventV2): unknown {
  if (!event.body) return undefined;
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ValidationFailedError([{ field: '(body)', rule: 'phải là JSON hợp lệ' }]);
  }
  if (depthOf(parsed) > MAX_JSON_DEPTH) {
    throw new ValidationFailedError([
      { field: '(body)', rule: `không được lồng nhau quá ${MAX_JSON_DEPTH} cấp` },
    ]);
  }
  return parsed;
}

/** The nesting depth of a parsed JSON value, walked without recursion. */
function depthOf(value: unknown): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 0]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [item, depth] = next;
    if (item === null || typeof item !== 'object') continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > MAX_JSON_DEPTH) return deepest;
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return deepest;
}

export const header = (event: APIGatewayProxyEventV2, name: string): string | undefined =>
  event.headers?.[name.toLowerCase()];

/** Longer than any id, action name or hash the API uses, and well inside DynamoDB's key limit. */
const MAX_PATH_PARAMETER = 200;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused.
const unsafeInPath = /[\u0000-\u001f\u007f]|\p{Cs}/u;

export function pathParameter(event: APIGatewayProxyEventV2, name: string): string {
  const value = event.pathParameters?.[name];
  if (!value) throw new ValidationFailedError([{ field: name, rule: 'bắt buộc trong đường dẫn' }]);
  if (value.length > MAX_PATH_PARAMETER || unsafeInPath.test(value)) {
    throw new ValidationFailedError([
      {
        field: name,
        rule: `tối đa ${MAX_PATH_PARAMETER} ký tự, không chứa ký tự điều khiển hay ký tự Unicode hỏng`,
      },
    ]);
  }
  return value;
}

export const idempotencyKeyOf = (event: APIGatewayProxyEventV2): string | undefined => {
  const key = header(event, 'idempotency-key');
  if (key !== undefined && !/^[\w.:-]{8,128}$/.test(key)) {
    throw new ValidationFailedError([
      {
        field: 'Idempotency-Key',
        rule: 'gồm 8–128 ký tự chữ, số, dấu chấm, gạch ngang, gạch dưới hoặc hai chấm',
      },
    ]);
  }
  return key;
};
