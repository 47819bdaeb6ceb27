import type { Tracer } from '@aws-lambda-powertools/tracer';

/**
 * X-Ray tracing (Powertools Tracer): a segment for each invocation and a subsegment for each
 * DynamoDB, Step Functions and S3 call. The CDK turns active tracing on for every function.
 *
 * Loaded only in Lambda: the X-Ray SDK installs a process-wide async hook as soon as it is
 * imported (about 1.8 times the cost of each await in a micro-benchmark), which the local runtime,
 * where every handler runs in one process, and the tests should not pay for traces nobody reads.
 * Outside Lambda, and with POWERTOOLS_TRACE_ENABLED=false, `tracer` is undefined and the helpers
 * below change nothing. Its bundle cost is measured in docs/adr/0010-bundle-budgets.md.
 */
const inLambda =
  process.env.AWS_LAMBDA_FUNCTION_NAME !== undefined &&
  process.env.POWERTOOLS_TRACE_ENABLED?.toLowerCase() !== 'false';

export const tracer: Tracer | undefined = inLambda
  ? new (await import('@aws-lambda-powertools/tracer')).Tracer({
      serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'compulsory-treatment',
    })
  : undefined;

/** The client with an X-Ray subsegment around each call when tracing is on; the same client otherwise. */
export const traced = <Client>(client: Client): Client =>
  tracer ? tracer.captureAWSv3Client(client) : client;
