/**
 * Errors of the local Step Functions runtime. `StepFunctionsApiError`s are what the AWS API
 * returns: `awsType` is the exception name that `@aws-sdk/client-sfn` turns into a named
 * exception class (the HTTP handler sends it as `__type`). The others are raised inside a
 * running state machine, where Retry and Catch match on `error.name`.
 */
export class StepFunctionsApiError extends Error {
  readonly awsType: string;

  constructor(awsType: string, message: string) {
    super(message);
    this.name = awsType;
    this.awsType = awsType;
  }
}

export class ExecutionAlreadyExistsError extends StepFunctionsApiError {
  constructor(executionArn: string) {
    super('ExecutionAlreadyExists', `Execution Already Exists: '${executionArn}'`);
  }
}

export class ExecutionDoesNotExistError extends StepFunctionsApiError {
  constructor(executionArn: string) {
    super('ExecutionDoesNotExist', `Execution Does Not Exist: '${executionArn}'`);
  }
}

export class StateMachineDoesNotExistError extends StepFunctionsApiError {
  constructor(stateMachineArn: string) {
    super('StateMachineDoesNotExist', `State Machine Does Not Exist: '${stateMachineArn}'`);
  }
}

export class InvalidTokenError extends StepFunctionsApiError {
  constructor() {
    super('InvalidToken', "Invalid Token: 'Invalid token'");
  }
}

/** What AWS answers when a token's task already completed, timed out or its execution closed. */
export class TaskTimedOutError extends StepFunctionsApiError {
  constructor() {
    super('TaskTimedOut', "Task Timed Out: 'Provided task does not exist anymore'");
  }
}

export class InvalidArnError extends StepFunctionsApiError {
  constructor(arn: string) {
    super('InvalidArn', `Invalid Arn: '${arn}'`);
  }
}

export class InvalidNameError extends StepFunctionsApiError {
  constructor(name: string) {
    super('InvalidName', `Invalid Name: '${name}'`);
  }
}

export class InvalidExecutionInputError extends StepFunctionsApiError {
  constructor() {
    super('InvalidExecutionInput', 'Invalid State Machine Execution Input: the input must be a JSON text');
  }
}

export class InvalidOutputError extends StepFunctionsApiError {
  constructor() {
    super('InvalidOutput', 'Invalid Output: the output must be a JSON text');
  }
}

export class ValidationError extends StepFunctionsApiError {
  constructor(message: string) {
    super('ValidationException', message);
  }
}

/** A task's failure as the state machine sees it: `name` is the error Retry/Catch match. */
export class TaskFailedError extends Error {
  constructor(error: string, cause: string) {
    super(cause);
    this.name = error;
  }
}

/**
 * Thrown into an interpreter run that this process abandoned (stop, StopExecution, execution
 * timeout). The interpreter reads `isRetryable`/`isCatchable`, so no Retry or Catch can turn
 * it into another state.
 */
export class RunAbandonedError extends Error {
  readonly isRetryable = false;
  readonly isCatchable = false;

  constructor(message = 'the local run was abandoned') {
    super(message);
    this.name = 'States.Runtime';
  }
}
