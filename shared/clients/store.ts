import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Clock } from '../clock';
import { DynamoCaseRepository } from '../db/case-repository';
import { clock, config, perProcess } from './runtime';
import { traced } from './tracer';

/** The case table, built once per process from the validated environment. */
export const caseStore = perProcess(() => {
  const { AWS_REGION, DYNAMODB_ENDPOINT, TABLE_NAME } = config();
  const dynamo = traced(new DynamoDBClient({ region: AWS_REGION, endpoint: DYNAMODB_ENDPOINT }));
  const document = DynamoDBDocumentClient.from(dynamo, { marshallOptions: { removeUndefinedValues: true } });
  return new DynamoCaseRepository(document, TABLE_NAME);
});

/** What reading a case needs (openCaseFor, recordRead): the store and the clock. */
export const caseReads = (): { store: DynamoCaseRepository; clock: Clock } => ({
  store: caseStore(),
  clock: clock(),
});
