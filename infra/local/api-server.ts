import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { apiRoutes, type RouteTarget } from '../routes';
import { type LocalHandler, lambdaContext } from './handlers';
import type { LocalIdentity } from './identity';

/** A route the local runtime serves itself (sign-in, clock, landing page); never deployed. */
export type LocalRoute = (request: { body: unknown; query: URLSearchParams }) => Promise<{
  status: number;
  body: unknown;
  contentType?: string;
}>;

export interface ApiServerOptions {
  identity: LocalIdentity;
  handlers: Record<string, LocalHandler>;
  localRoutes: Record<string, LocalRoute>;
  /** The built web UI (web/dist), served at `/` beside the API when present. */
  staticDir?: string;
}

const staticTypes: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};

/** A file of the built UI: `/` is index.html; only flat asset names, never a path outside. */
function staticFile(dir: string | undefined, pathname: string): { type: string; body: Buffer } | undefined {
  if (!dir) return undefined;
  const name = pathname === '/' ? 'index.html' : /^\/([\w-]+\.(?:js|css|html))$/.exec(pathname)?.[1];
  const type = name && staticTypes[name.split('.').pop() ?? ''];
  if (!name || !type || !existsSync(`${dir}/${name}`)) return undefined;
  return { type, body: readFileSync(`${dir}/${name}`) };
}

const MAX_BODY_BYTES = 1024 * 1024;

interface CompiledRoute extends RouteTarget {
  pattern: RegExp;
  names: string[];
}

const compile = (route: RouteTarget): CompiledRoute => {
  const names: string[] = [];
  const source = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return {
    method: route.method,
    path: route.path,
    functionName: route.functionName,
    authenticated: route.authenticated,
    pattern: new RegExp(`^${source}$`),
    names,
  };
};

/**
 * The local stand-in for API Gateway's HTTP API: turns each request into a payload v2 event,
 * verifies the bearer token as the JWT authorizer would, and calls the same handler module.
 */
export function createApiServer(options: ApiServerOptions): Server {
  const routes = apiRoutes.map(compile);
  const server = createServer((req, res) => {
    handle(req, res, routes, options).catch((error: unknown) => {
      if (!res.headersSent) {
        send(
          res,
          problem(500, 'Internal Server Error', 'Đã có lỗi trong hệ thống; yêu cầu chưa được thực hiện.'),
        );
      } else res.destroy();
      console.error('local API error', error instanceof Error ? error.name : error);
    });
  });
  server.on('clientError', answerClientError);
  return server;
}

/**
 * A request Node's parser refused before any handler saw it (headers over 16 KB, a malformed
 * request line): answered in problem+json as API Gateway would answer, never with an empty body.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (!socket.writable || error.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? 431 : 400;
  const body = JSON.stringify({
    type: 'about:blank',
    title: tooLarge ? 'Request Header Fields Too Large' : 'Bad Request',
    status,
    detail: tooLarge
      ? 'Phần tiêu đề (headers) của yêu cầu vượt quá 16 KB.'
      : 'Yêu cầu HTTP không đúng định dạng.',
    errors: [
      {
        field: tooLarge ? '(headers)' : '(request)',
        rule: tooLarge ? 'tối đa 16 KB' : 'phải là HTTP/1.1 hợp lệ',
      },
    ],
  });
  socket.end(
    `HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
      'content-type: application/problem+json; charset=utf-8\r\n' +
      `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  routes: CompiledRoute[],
  options: ApiServerOptions,
) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const method = req.method ?? 'GET';
  const raw = await readBody(req);
  if (raw === undefined) {
    return send(res, problem(413, 'Payload Too Large', 'Nội dung yêu cầu vượt quá 1 MB.'));
  }

  const asset = method === 'GET' ? staticFile(options.staticDir, url.pathname) : undefined;
  if (asset) {
    res.writeHead(200, { 'content-type': asset.type, 'cache-control': 'no-cache' });
    return res.end(asset.body);
  }

  const local = options.localRoutes[`${method} ${url.pathname}`];
  if (local) {
    let body: unknown;
    try {
      body = raw.length > 0 ? JSON.parse(raw.toString('utf8')) : undefined;
    } catch {
      return send(res, problem(400, 'Validation failed', '(body): phải là JSON hợp lệ'));
    }
    const result = await local({ body, query: url.searchParams });
    const isText = typeof result.body === 'string';
    return send(res, {
      statusCode: result.status,
      headers: { 'content-type': result.contentType ?? 'application/json; charset=utf-8' },
      body: isText ? (result.body as string) : JSON.stringify(result.body),
    });
  }

  const samePath = routes.filter((r) => r.pattern.test(url.pathname));
  const route = samePath.find((r) => r.method === method);
  if (!route) {
    return send(
      res,
      samePath.length > 0
        ? problem(405, 'Method Not Allowed', `${method} không được hỗ trợ tại ${url.pathname}.`)
        : problem(404, 'Not found', `Không có đường dẫn ${url.pathname}.`),
    );
  }

  let claims: Record<string, unknown> | undefined;
  if (route.authenticated) {
    const token = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    claims = token ? await options.identity.verify(token) : undefined;
    if (!claims) return send(res, problem(401, 'Unauthorized', 'Cần mã truy cập (Bearer token) hợp lệ.'));
  }

  const match = route.pattern.exec(url.pathname) as RegExpExecArray;
  const pathParameters: Record<string, string> = {};
  for (const [i, name] of route.names.entries()) {
    const decoded = decodePathSegment(match[i + 1] ?? '');
    if (decoded === undefined) {
      const rule = 'mã hóa phần trăm (%) trong đường dẫn không hợp lệ';
      return send(res, problem(400, 'Validation failed', `${name}: ${rule}`, [{ field: name, rule }]));
    }
    pathParameters[name] = decoded;
  }
  const event = toEvent(req, url, route, pathParameters, raw, claims);
  const handler = options.handlers[route.functionName];
  if (!handler) throw new Error(`no local handler for ${route.functionName}`);
  const result = (await handler(
    event,
    lambdaContext(route.functionName),
  )) as APIGatewayProxyStructuredResultV2;
  send(res, result);
}

function toEvent(
  req: IncomingMessage,
  url: URL,
  route: CompiledRoute,
  pathParameters: Record<string, string>,
  raw: Buffer,
  claims: Record<string, unknown> | undefined,
): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const query = url.searchParams.size > 0 ? Object.fromEntries(url.searchParams) : undefined;
  const now = new Date();
  const routeKey = `${route.method} ${route.path}`;
  const type = headers['content-type'] ?? '';
  const binary = type !== '' && !/^(text\/|application\/([\w.+-]*json|x-www-form-urlencoded))/i.test(type);
  const event = {
    version: '2.0',
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    queryStringParameters: query,
    pathParameters: route.names.length > 0 ? pathParameters : undefined,
    // As API Gateway does: text and JSON bodies as they are, anything else (a PDF) base64-encoded.
    body: raw.length > 0 ? raw.toString(binary ? 'base64' : 'utf8') : undefined,
    isBase64Encoded: binary,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'local',
      http: {
        method: route.method,
        path: url.pathname,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
      ...(claims && { authorizer: { jwt: { claims, scopes: [] } } }),
    },
  };
  return event as APIGatewayProxyEventV2;
}

function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** A path segment percent-decoded; undefined when its encoding is malformed (`%zz`, bad UTF-8). */
function decodePathSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

const problem = (
  status: number,
  title: string,
  detail: string,
  errors?: { field: string; rule: string }[],
): APIGatewayProxyStructuredResultV2 => ({
  statusCode: status,
  headers: { 'content-type': 'application/problem+json; charset=utf-8' },
  body: JSON.stringify({ type: 'about:blank', title, status, detail, ...(errors && { errors }) }),
});

function send(res: ServerResponse, result: APIGatewayProxyStructuredResultV2): void {
  res.writeHead(result.statusCode ?? 200, result.headers as Record<string, string>);
  res.end(result.isBase64Encoded && result.body ? Buffer.from(result.body, 'base64') : (result.body ?? ''));
}
