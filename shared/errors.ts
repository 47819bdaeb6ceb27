/**
 * Named errors with an HTTP meaning. One middleware (shared/http/problem.ts) maps them to
 * `application/problem+json`; nothing else builds an error response.
 */
export interface FieldProblem {
  /** Dotted path of the field, e.g. `person.dateOfBirth`. */
  field: string;
  /** The rule that failed, in words a person can act on. */
  rule: string;
}

export class ApprovalError extends Error {
  readonly status: number;
  readonly title: string;
  readonly details: Record<string, unknown>;
  /** Response headers the error calls for (Retry-After), set by the subclasses that need them. */
  headers: Record<string, string> = {};

  constructor(
    status: number,
    title: string,
    message: string,
    details: Record<string, unknown> = {},
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = new.target.name;
    this.status = status;
    this.title = title;
    this.details = details;
  }
}

export class ValidationFailedError extends ApprovalError {
  readonly problems: FieldProblem[];
  constructor(problems: FieldProblem[], status = 400) {
    const summary = problems.map((p) => `${p.field}: ${p.rule}`).join('; ');
    super(status, 'Validation failed', summary, { errors: problems });
    this.problems = problems;
  }
}

export class UnauthorizedError extends ApprovalError {
  constructor(message = 'A valid bearer token is required.') {
    super(401, 'Unauthorized', message);
  }
}

export class ForbiddenError extends ApprovalError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(403, 'Forbidden', message, details);
  }
}

export class NotFoundError extends ApprovalError {
  constructor(message: string) {
    super(404, 'Not found', message);
  }
}

/** The case moved on (stale version, task no longer pending): carries the current state. */
export class ConflictError extends ApprovalError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(409, 'Conflict', message, details);
  }
}

/** The same Idempotency-Key was reused for a different request. */
export class IdempotencyKeyReusedError extends ApprovalError {
  constructor() {
    super(
      422,
      'Idempotency key reused',
      'Idempotency-Key này đã được dùng cho một yêu cầu khác; hãy dùng khóa mới cho yêu cầu mới.',
      { errors: [{ field: 'Idempotency-Key', rule: 'không được dùng lại cho một yêu cầu khác' }] },
    );
  }
}

/**
 * Another request with the same Idempotency-Key is still running: its answer will be the answer,
 * so the client retries after a moment (as Stripe answers the same case).
 */
export class IdempotencyKeyInProgressError extends ApprovalError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      409,
      'Idempotency key in use',
      'Một yêu cầu khác với cùng Idempotency-Key đang được xử lý; hãy gửi lại sau ít giây để nhận kết quả của yêu cầu đó.',
      { errors: [{ field: 'Idempotency-Key', rule: 'đang được một yêu cầu khác sử dụng' }] },
    );
    this.headers = { 'retry-after': String(retryAfterSeconds) };
  }
}

/** A downstream service did not answer; the request may be retried with the same Idempotency-Key. */
export class DependencyFailedError extends ApprovalError {
  constructor(message: string, options?: ErrorOptions) {
    super(502, 'Bad gateway', message, {}, options);
  }
}

/**
 * A conditional write of the case store lost a race. No HTTP meaning by itself: the command that
 * wrote decides what it means (a 409 with the current case, a replay of the winner's answer, a
 * new number). Only the case transaction (shared/db/case-transaction.ts) and the tests' in-memory
 * store raise them. The names are spelled out because bundles are minified.
 */
export abstract class StoreRaceError extends Error {}

/** The case is no longer at the expected version (or a concurrent transaction held its items). */
export class VersionConflict extends StoreRaceError {
  override name = 'VersionConflict';
}

/** A change required a pending timer that has already fired. */
export class TimerAlreadyFired extends StoreRaceError {
  override name = 'TimerAlreadyFired';
}

/** Another document took the number this change was to give. */
export class CounterRace extends StoreRaceError {
  override name = 'CounterRace';
}

/** Another request with the same idempotency key won the race. */
export class IdempotencyRace extends StoreRaceError {
  override name = 'IdempotencyRace';
}

/**
 * An item read back from the table does not have the shape its family writes: damaged or foreign
 * data. Not an ApprovalError, so a client sees a plain 500 and operators see the item's key.
 */
export class StoredItemInvalidError extends Error {
  override name = 'StoredItemInvalidError';
  readonly partition: string;
  /**
   * Names the partition and the paths of the attributes that failed, never a value nor the sort
   * key (some sort keys hold a person's folded name).
   */
  constructor(family: string, partition: unknown, failedPaths: string[], options?: ErrorOptions) {
    super(
      `a stored ${family} item in ${String(partition)} does not parse at ${failedPaths.join(', ')}`,
      options,
    );
    this.partition = String(partition);
  }
}
