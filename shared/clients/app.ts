import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type Clock, systemClock } from '../clock';
import { type AppConfig, readConfig } from '../config';
import { DynamoCaseRepository } from '../db/case-repository';
import { type DocumentBlobStore, FileBlobStore, S3BlobStore } from '../documents/blob-store';
import { DocumentService } from '../documents/document-service';
import { PdfDocumentIssuer } from '../documents/pdf-issuer';
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
  /** Issued PDFs by SHA-256. */
  blobs: DocumentBlobStore;
  workflows: StepFunctionsWorkflowClient;
  commands: CaseCommands;
  steps: WorkflowSteps;
  documents: DocumentService;
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
  const blobs = documentBlobStore(config);
  // Commands and workflow steps issue the documents their changes call for.
  const issuer = new PdfDocumentIssuer({ counters: store, blobs });
  app = {
    store,
    blobs,
    workflows,
    clock,
    commands: new CaseCommands({ store, engine: workflows, clock, newId: randomUUID, issuer }),
    steps: new WorkflowSteps({ store, engine: workflows, clock, calendar, issuer }),
    documents: new DocumentService({ store, clock, issuer }),
  };
  return app;
}

function documentBlobStore(config: AppConfig): DocumentBlobStore {
  if (config.DOCUMENTS_BUCKET) {
    return new S3BlobStore(new S3Client({ region: config.AWS_REGION }), config.DOCUMENTS_BUCKET);
  }
  if (config.DOCUMENTS_DIR) return new FileBlobStore(config.DOCUMENTS_DIR);
  throw new Error('Invalid environment: DOCUMENTS_BUCKET or DOCUMENTS_DIR must be set');
}
