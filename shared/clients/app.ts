import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type Clock, systemClock } from '../clock';
import { readConfig } from '../config';
import { DynamoCaseRepository } from '../db/case-repository';
import { vietnameseCalendar } from '../domain/calendar/vietnam-calendar';
import { CaseCommands } from '../domain/case-commands';
import { WorkflowSteps } from '../domain/workflow-steps';
import { StepFunctionsWorkflowClient } from './workflow-client';

/**
 * The composition root every handler shares: AWS clients built once per process from the
 * validated environment, and the domain services wired to them.
 */
export interface App {
  store: DynamoCaseRepository;
  workflows: StepFunctionsWorkflowClient;
  commands: CaseCommands;
  steps: WorkflowSteps;
  clock: Clock;
}

let clock: Clock = systemClock;
let app: App | undefined;

/** The local runtime runs handlers in-process and moves time with its own clock. */
export function useClock(next: Clock): void {
  clock = next;
  app = undefined;
}

export function getApp(): App {
  if (app) return app;
  const config = readConfig();
  const dynamo = new DynamoDBClient({ region: config.AWS_REGION, endpoint: config.DYNAMODB_ENDPOINT });
  const document = DynamoDBDocumentClient.from(dynamo, { marshallOptions: { removeUndefinedValues: true } });
  const sfn = new SFNClient({ region: config.AWS_REGION, endpoint: config.STEPFUNCTIONS_ENDPOINT });
  const store = new DynamoCaseRepository(document, config.TABLE_NAME);
  const workflows = new StepFunctionsWorkflowClient(sfn, config.STATE_MACHINE_ARNS);
  const calendar = vietnameseCalendar;
  app = {
    store,
    workflows,
    clock,
    commands: new CaseCommands({ store, engine: workflows, clock, newId: randomUUID }),
    steps: new WorkflowSteps({ store, engine: workflows, clock, calendar }),
  };
  return app;
}
