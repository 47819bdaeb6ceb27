/**
 * The local Step Functions runtime: the project's ASL run in-process, journaled in DynamoDB
 * Local, spoken to through the real `@aws-sdk/client-sfn` via `createStepFunctionsHttpHandler`.
 */
export type { TaskKind } from '#infra/local/sfn/definition';
export {
  type LocalStateMachine,
  LocalStepFunctions,
  type LocalStepFunctionsOptions,
} from '#infra/local/sfn/engine';
export * from '#infra/local/sfn/errors';
export { createStepFunctionsHttpHandler } from '#infra/local/sfn/http';
export { createJournalTable, type ExecutionStatus } from '#infra/local/sfn/journal';
export type { LocalFunction } from '#infra/local/sfn/run';
