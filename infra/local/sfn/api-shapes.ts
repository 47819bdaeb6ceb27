import type { DescribeExecutionOutput } from '@aws-sdk/client-sfn';
import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import { InvalidTokenError } from '#infra/local/sfn/errors';
import type { ExecutionRecord } from '#infra/local/sfn/journal';

/** Small pieces of the API's contract: validation, paging and output shapes. */
const executionNameChars = /^[^\s<>{}[\]?*"#%\\^|~`$&,;:/]{1,80}$/;

/** AWS's rule for execution names: 1–80 characters, no whitespace, brackets, wildcards, specials or controls. */
export function isExecutionName(name: string): boolean {
  return (
    executionNameChars.test(name) &&
    ![...name].some((c) => c.charCodeAt(0) < 0x20 || (c >= '\x7f' && c <= '\x9f'))
  );
}

/** Definitions already validated in this process: validation costs ~200 ms per definition. */
const validatedDefinitions = new Set<string>();

export function compileDefinition(definition: StateMachineDefinition): StateMachine {
  const key = JSON.stringify(definition);
  const noValidate = validatedDefinitions.has(key);
  const interpreter = new StateMachine(definition, { validationOptions: { checkPaths: false, noValidate } });
  validatedDefinitions.add(key);
  return interpreter;
}

export function toDescribeExecutionOutput(e: ExecutionRecord): DescribeExecutionOutput {
  return {
    executionArn: e.executionArn,
    stateMachineArn: e.stateMachineArn,
    name: e.name,
    status: e.status,
    startDate: new Date(e.startDate),
    ...(e.stopDate === undefined ? {} : { stopDate: new Date(e.stopDate) }),
    input: e.input,
    inputDetails: { included: true },
    ...(e.output === undefined ? {} : { output: e.output, outputDetails: { included: true } }),
    ...(e.error === undefined ? {} : { error: e.error }),
    ...(e.cause === undefined ? {} : { cause: e.cause }),
    redriveCount: 0,
    redriveStatus: 'NOT_REDRIVABLE',
  };
}

export function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Offset paging with an opaque token, as the API's `maxResults`/`nextToken`. */
export function paginate<T>(
  items: readonly T[],
  maxResults = 0,
  nextToken?: string,
): { page: T[]; nextToken?: string } {
  const size = maxResults > 0 ? Math.min(maxResults, 1000) : 100;
  const start = nextToken ? Number(Buffer.from(nextToken, 'base64url').toString()) : 0;
  if (!Number.isSafeInteger(start) || start < 0) throw new InvalidTokenError();
  const end = start + size;
  const page = items.slice(start, end);
  return end < items.length ? { page, nextToken: Buffer.from(String(end)).toString('base64url') } : { page };
}
