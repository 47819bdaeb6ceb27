import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeStateMachineCommand, SFNClient } from '@aws-sdk/client-sfn';
import { config, perProcess } from './runtime';

/** The parts `/health` checks, in the order it names them. */
export type HealthPart = 'table' | 'engine';

export interface HealthReport {
  healthy: boolean;
  checks: Record<HealthPart, { ok: true } | { ok: false; error: string }>;
}

/** Past this, a part that has not answered counts as failed: a health check must answer quickly. */
const CHECK_TIMEOUT_MS = 2000;

/**
 * Asks each outside part whether it answers, with Describe calls only: the health route is open,
 * so it reads no case data and changes nothing (DescribeTable, DescribeStateMachine). One attempt
 * each, no SDK retries: a dead DynamoDB Local is reported at once, not after the back-off.
 */
const probes = perProcess(() => {
  const { AWS_REGION, DYNAMODB_ENDPOINT, STEPFUNCTIONS_ENDPOINT, TABLE_NAME, STATE_MACHINE_ARNS } = config();
  const dynamo = new DynamoDBClient({ region: AWS_REGION, endpoint: DYNAMODB_ENDPOINT, maxAttempts: 1 });
  const sfn = new SFNClient({ region: AWS_REGION, endpoint: STEPFUNCTIONS_ENDPOINT, maxAttempts: 1 });
  return {
    table: async () => {
      const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: TABLE_NAME }));
      if (Table?.TableStatus !== 'ACTIVE') throw new Error(`table status ${Table?.TableStatus ?? 'unknown'}`);
    },
    engine: async () => {
      await sfn.send(new DescribeStateMachineCommand({ stateMachineArn: STATE_MACHINE_ARNS.filing }));
    },
  } satisfies Record<HealthPart, () => Promise<void>>;
});

const withinTimeout = (check: () => Promise<void>): Promise<void> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)),
      CHECK_TIMEOUT_MS,
    );
    check()
      .then(resolve, reject)
      .finally(() => clearTimeout(timer));
  });

/** Checks the table and the engine at once; the report names each part that failed and why. */
export async function checkHealth(): Promise<HealthReport> {
  const parts = probes();
  const names = Object.keys(parts) as HealthPart[];
  const results = await Promise.allSettled(names.map((name) => withinTimeout(parts[name])));
  const checks = Object.fromEntries(
    names.map((name, i) => {
      const result = results[i] as PromiseSettledResult<void>;
      return [
        name,
        result.status === 'fulfilled'
          ? { ok: true }
          : { ok: false, error: result.reason instanceof Error ? result.reason.name : 'Error' },
      ];
    }),
  ) as HealthReport['checks'];
  return { healthy: results.every((r) => r.status === 'fulfilled'), checks };
}
