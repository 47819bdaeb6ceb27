import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LocalStepFunctions } from '#infra/local/sfn/engine';
import { StepFunctionsApiError } from '#infra/local/sfn/errors';

/**
 * The Step Functions API over HTTP, in the AWS JSON 1.0 protocol the SDK speaks: POST with
 * `X-Amz-Target: AWSStepFunctions.<Operation>`, JSON bodies with AWS field names, dates as
 * epoch seconds, errors as status 400 with `__type`. So handlers use the real `SFNClient`:
 *
 * ```ts
 * const server = http.createServer(createStepFunctionsHttpHandler(engine)).listen(8083);
 * const sfn = new SFNClient({ endpoint: 'http://127.0.0.1:8083', region, credentials });
 * ```
 */
type Body = Record<string, unknown>;
type Operation = (engine: LocalStepFunctions, body: Body) => Promise<unknown>;

const MAX_BODY_BYTES = 1024 * 1024;
const ERROR_PREFIX = 'com.amazonaws.swf.service.v2.model#';

const str = (body: Body, key: string): string => {
  const value = body[key];
  if (typeof value !== 'string') throw new StepFunctionsApiError('ValidationException', `${key} is required`);
  return value;
};
const optStr = (body: Body, key: string): string | undefined =>
  typeof body[key] === 'string' ? (body[key] as string) : undefined;
const optNum = (body: Body, key: string): number | undefined =>
  typeof body[key] === 'number' ? (body[key] as number) : undefined;

const operations: Record<string, Operation> = {
  StartExecution: (engine, b) =>
    engine.startExecution({
      stateMachineArn: str(b, 'stateMachineArn'),
      name: optStr(b, 'name'),
      input: optStr(b, 'input'),
    }),
  SendTaskSuccess: async (engine, b) => {
    await engine.sendTaskSuccess({ taskToken: str(b, 'taskToken'), output: str(b, 'output') });
    return {};
  },
  SendTaskFailure: async (engine, b) => {
    await engine.sendTaskFailure({
      taskToken: str(b, 'taskToken'),
      error: optStr(b, 'error'),
      cause: optStr(b, 'cause'),
    });
    return {};
  },
  SendTaskHeartbeat: async (engine, b) => {
    await engine.sendTaskHeartbeat({ taskToken: str(b, 'taskToken') });
    return {};
  },
  DescribeExecution: (engine, b) => engine.describeExecution({ executionArn: str(b, 'executionArn') }),
  GetExecutionHistory: (engine, b) =>
    engine.getExecutionHistory({
      executionArn: str(b, 'executionArn'),
      maxResults: optNum(b, 'maxResults'),
      nextToken: optStr(b, 'nextToken'),
      reverseOrder: b.reverseOrder === true,
    }),
  StopExecution: (engine, b) =>
    engine.stopExecution({
      executionArn: str(b, 'executionArn'),
      error: optStr(b, 'error'),
      cause: optStr(b, 'cause'),
    }),
  ListExecutions: (engine, b) =>
    engine.listExecutions({
      stateMachineArn: str(b, 'stateMachineArn'),
      statusFilter: optStr(b, 'statusFilter'),
      maxResults: optNum(b, 'maxResults'),
      nextToken: optStr(b, 'nextToken'),
    }),
  DescribeStateMachine: (engine, b) =>
    engine.describeStateMachine({ stateMachineArn: str(b, 'stateMachineArn') }),
  ListStateMachines: (engine) => engine.listStateMachines(),
};

export function createStepFunctionsHttpHandler(
  engine: LocalStepFunctions,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void handle(engine, req, res).catch((error: unknown) => {
      console.error('local-sfn: request failed', error);
      if (!res.headersSent) sendError(res, 500, 'InternalFailure', 'internal error of the local runtime');
    });
  };
}

async function handle(engine: LocalStepFunctions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const target = String(req.headers['x-amz-target'] ?? '');
  const operation = target.startsWith('AWSStepFunctions.') ? operations[target.slice(17)] : undefined;
  if (req.method !== 'POST' || !operation) {
    req.resume();
    return sendError(res, 400, 'UnknownOperationException', `Unknown operation: ${target || req.method}`);
  }
  let body: Body;
  try {
    body = await readBody(req);
  } catch (error) {
    return sendError(res, 400, 'SerializationException', error instanceof Error ? error.message : 'bad body');
  }
  try {
    send(res, 200, await operation(engine, body));
  } catch (error) {
    if (!(error instanceof StepFunctionsApiError)) throw error;
    sendError(res, 400, error.awsType, error.message);
  }
}

async function readBody(req: IncomingMessage): Promise<Body> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  const parsed: unknown = text.trim() === '' ? {} : JSON.parse(text);
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new Error('body must be a JSON object');
  return parsed as Body;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  // Dates travel as epoch seconds, as in the AWS JSON protocol.
  const text = JSON.stringify(body, function (this: Record<string, unknown>, key, value) {
    const raw = this[key];
    return raw instanceof Date ? raw.getTime() / 1000 : value;
  });
  res.writeHead(status, {
    'content-type': 'application/x-amz-json-1.0',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function sendError(res: ServerResponse, status: number, type: string, message: string): void {
  send(res, status, { __type: `${ERROR_PREFIX}${type}`, message });
}
