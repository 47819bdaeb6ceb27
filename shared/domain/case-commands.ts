import { createHash } from 'node:crypto';
import * as z from 'zod';
import { documentPlansFor } from '#shared/documents/case-documents';
import { checkMinorFile } from '#shared/domain/case-file';
import { type ActionName, applyAction, isActionName, pipelineActions } from '#shared/pipeline/actions/index';
import { assertMayPerform, assertMayPerformWith } from '#shared/pipeline/permissions';
import type { Clock } from '../clock';
import {
  ConflictError,
  IdempotencyKeyInProgressError,
  IdempotencyKeyReusedError,
  NotFoundError,
} from '../errors';
import {
  type CaseEvent,
  type CaseRecord,
  type FollowUpCall,
  followUpIdFor,
  type IdempotencyRecord,
  type IdempotencyReservation,
  type WorkflowFollowUp,
} from './case';
import { caseFileSchema } from './case-file';
import { type CaseView, toCaseView } from './case-views';
import { ageOn, vietnamDate } from './dates';
import { commitIssuing, type DocumentIssuer, withIssued } from './document-issuer';
import { profileInForceOn } from './legal-profile';
import { assertMayOpenCase } from './policy';
import {
  type CaseChange,
  type CaseStore,
  type FollowUpStore,
  IdempotencyRace,
  TimerAlreadyFired,
  VersionConflict,
  type WorkflowEngine,
} from './ports';
import type { Actor } from './roles';
import { treatmentEffects } from './treatment-events';
import { routeCase } from './units';
import { parseOrThrow, ruleViolation } from './validation';
import { deliverFollowUp, FOLLOW_UP_GRACE_MS } from './workflow-follow-ups';

export interface CommandResult {
  status: number;
  body: CaseView;
  /** True when an Idempotency-Key retry returned the first result. */
  replayed: boolean;
}

export interface CaseCommandDeps {
  store: CaseStore & FollowUpStore;
  engine: WorkflowEngine;
  clock: Clock;
  newId: () => string;
  /** Numbers and renders the documents the changes call for (opening a file issues its notice). */
  issuer?: DocumentIssuer;
}

export const actionRequestSchema = z
  .object({
    expectedVersion: z.number().int().positive().describe('The case version the person acted on'),
    input: z.unknown().describe("The action's input; its JSON Schema is published in the pending task"),
  })
  .strict();

/**
 * How long a reservation holds its key: longer than any API function may run (30 s at most), so
 * only a request that died loses it; then a retry takes it over and runs.
 */
const RESERVATION_SECONDS = 60;
/** What a request told "in progress" waits before asking again: most actions answer within it. */
const RETRY_AFTER_SECONDS = 1;

const hashRequest = (value: unknown): string =>
  createHash('sha256').update(JSON.stringify(value)).digest('hex');

/** Commands people perform on cases through the API: open a file, perform a pending action. */
export class CaseCommands {
  constructor(private readonly deps: CaseCommandDeps) {}

  /** Commune police compile a file (lập hồ sơ); the filing stage workflow starts on it. */
  async openCase(actor: Actor, body: unknown, idempotencyKey?: string): Promise<CommandResult> {
    const scopedKey = idempotencyKey && `${actor.userId}#${idempotencyKey}`;
    const requestHash = hashRequest({ route: 'openCase', body });
    return this.underKey(scopedKey, requestHash, (reservationId) =>
      this.openCaseOnce(actor, body, scopedKey, requestHash, reservationId),
    );
  }

  private async openCaseOnce(
    actor: Actor,
    body: unknown,
    scopedKey: string | undefined,
    requestHash: string,
    reservationId: string | undefined,
  ): Promise<CommandResult> {
    if (actor.role !== 'police') assertMayOpenCase(actor, actor.unitId);
    const file = parseOrThrow(caseFileSchema, body);
    const now = this.deps.clock.now();
    const today = vietnamDate(now);
    const communeId = file.person.residence.communeId;
    const routing = routeCase(communeId);
    if (!routing)
      throw ruleViolation('person.residence.communeId', 'không phải đơn vị cấp xã có trong danh mục');
    assertMayOpenCase(actor, communeId);
    if (file.person.dateOfBirth > today)
      throw ruleViolation('person.dateOfBirth', 'không được sau ngày hôm nay');
    if (file.addictionDetermination.determinedOn > today)
      throw ruleViolation('addictionDetermination.determinedOn', 'không được sau ngày hôm nay');
    const age = ageOn(file.person.dateOfBirth, today);
    if (age < 12) {
      throw ruleViolation(
        'person.dateOfBirth',
        'người dưới 12 tuổi không thuộc đối tượng (Luật PCMT 2021, Điều 33)',
      );
    }
    const minor = age < 18;
    if (minor && file.grounds.includes('d')) {
      throw ruleViolation(
        'grounds',
        'căn cứ tái nghiện (d: khoản 4 Điều 32) không áp dụng cho người dưới 18 tuổi (khoản 1 Điều 33 Luật PCMT 2021)',
      );
    }
    // A minor's file names the parent or guardian and holds their opinion and the minor's account.
    if (minor) checkMinorFile(file);

    // One open file per person: an earlier case must have closed (a relapse closes it first).
    const earlier = await this.deps.store.listCasesOfPerson(file.person.citizenId, { limit: 20 });
    const open = earlier.items.find((c) => c.stage !== 'CLOSED');
    if (open) {
      throw new ConflictError('Người này đang có hồ sơ chưa kết thúc; không lập hồ sơ thứ hai.', {
        errors: [{ field: 'person.citizenId', rule: 'đã có hồ sơ đang xử lý' }],
        openCaseId: open.caseId,
      });
    }

    const caseId = this.deps.newId();
    const at = now.toISOString();
    const record: CaseRecord = {
      caseId,
      version: 1,
      stage: 'NOTIFIED',
      legalProfile: profileInForceOn(today).version,
      minor,
      file,
      routing,
      openedAt: at,
      openedBy: actor.userId,
      updatedAt: at,
      supplementRounds: 0,
    };
    const event: CaseEvent = {
      caseId,
      seq: 1,
      type: 'caseOpened',
      at,
      actor: personActor(actor),
      input: file,
    };
    const followUp: FollowUpCall = { kind: 'startStage', workflow: 'filing', input: { caseId } };
    const owed = this.owedCall(caseId, event.seq, followUp);
    let response: { status: number; body: CaseView };
    try {
      // The notice is issued with the case, in the same transaction: the answer shows it.
      response = await commitIssuing(
        this.deps.issuer,
        { next: record, event, plans: documentPlansFor(event, record) },
        async (issued) => {
          const opened = withIssued(record, event, issued);
          const created = { status: 201, body: toCaseView(opened.next, [], today) };
          const idempotency = scopedKey
            ? this.idempotencyRecord(scopedKey, requestHash, reservationId, created, followUp)
            : undefined;
          await this.deps.store.createCase(opened.next, opened.event, idempotency, undefined, issued.writes, [
            owed,
          ]);
          return created;
        },
      );
    } catch (error) {
      if (error instanceof IdempotencyRace) return this.replayAfterRace(scopedKey, requestHash);
      throw error;
    }
    await this.followUp(caseId, followUp, event.seq, owed.followUpId);
    return { ...response, replayed: false };
  }

  /** A person performs the pending action of a case; exactly one of two concurrent attempts wins. */
  async performAction(
    actor: Actor,
    caseId: string,
    actionName: string,
    body: unknown,
    idempotencyKey?: string,
  ): Promise<CommandResult> {
    if (!isActionName(actionName))
      throw new NotFoundError(`Không có hành động '${actionName}' trong quy trình.`);
    const scopedKey = idempotencyKey && `${actor.userId}#${idempotencyKey}`;
    const requestHash = hashRequest({ route: 'performAction', caseId, actionName, body });
    return this.underKey(scopedKey, requestHash, (reservationId) =>
      this.performActionOnce(actor, caseId, actionName, body, scopedKey, requestHash, reservationId),
    );
  }

  private async performActionOnce(
    actor: Actor,
    caseId: string,
    actionName: ActionName,
    body: unknown,
    scopedKey: string | undefined,
    requestHash: string,
    reservationId: string | undefined,
  ): Promise<CommandResult> {
    const request = parseOrThrow(actionRequestSchema, body);
    const found = await this.deps.store.getCase(caseId);
    if (!found) throw new NotFoundError(`Không tìm thấy hồ sơ ${caseId}.`);
    const today = vietnamDate(this.deps.clock.now());
    const current = () => toCaseView(found.record, found.tasks, today);
    const task = found.tasks.find((t) => t.action === actionName);
    if (!task) {
      throw new ConflictError(`Hồ sơ không chờ hành động '${actionName}' ở bước hiện tại.`, {
        current: current(),
      });
    }
    assertMayPerform(actor, task);
    const input = parseOrThrow(pipelineActions[actionName].input, request.input, 'input');
    assertMayPerformWith(actor, actionName, input);
    if (request.expectedVersion !== found.record.version) {
      throw staleVersion(current());
    }

    const now = this.deps.clock.now();
    const at = now.toISOString();
    const next = applyAction(found.record, actionName, input, today);
    next.version = found.record.version + 1;
    next.updatedAt = at;
    const event: CaseEvent = {
      caseId,
      seq: next.version,
      type: 'actionPerformed',
      at,
      actor: personActor(actor),
      action: actionName,
      input,
      executionArn: task.executionArn,
      stateName: task.stateName,
    };
    // Every action offered at the same wait shares the token: performing one withdraws the rest.
    const sameWait = found.tasks.filter(
      (t) =>
        t.taskId !== task.taskId &&
        t.completion.kind === 'taskToken' &&
        task.completion.kind === 'taskToken' &&
        t.completion.taskToken === task.completion.taskToken,
    );
    const output = { action: actionName, input, eventSeq: event.seq, actor: event.actor };
    const followUp: FollowUpCall = {
      ...task.completion,
      output,
      executionArn: task.executionArn,
      action: actionName,
    };
    const owed = followUp.kind === 'standing' ? undefined : this.owedCall(caseId, event.seq, followUp);
    // A standing action (during treatment) changes the case and its timer, not a workflow.
    const effects: Omit<CaseChange, 'expectedVersion' | 'next' | 'event'> =
      followUp.kind === 'standing'
        ? treatmentEffects(actionName, next, found.tasks, now, today)
        : {
            completeTasks: [{ taskId: task.taskId, caseId, action: actionName, output, completedAt: at }],
            deleteTaskIds: sameWait.map((t) => t.taskId),
            deleteTimers:
              followUp.kind === 'startStage' && followUp.timerId
                ? [{ timerId: followUp.timerId, mustBePending: true }]
                : [],
          };
    const removed = new Set([task.taskId, ...(effects.deleteTaskIds ?? [])]);
    const remaining = [
      ...found.tasks.filter((t) => !removed.has(t.taskId) && !sameWait.includes(t)),
      ...(effects.putTasks ?? []),
    ];
    const idempotencyOf = (response: { status: number; body: CaseView }) =>
      scopedKey
        ? this.idempotencyRecord(scopedKey, requestHash, reservationId, response, followUp)
        : undefined;
    let response: { status: number; body: CaseView };
    try {
      // The documents the action calls for are issued in the same transaction as the change.
      response = await commitIssuing(
        this.deps.issuer,
        { next, event, plans: documentPlansFor(event, next) },
        async (issued) => {
          const done = withIssued(next, event, issued);
          const performed = { status: 200, body: toCaseView(done.next, remaining, today) };
          await this.deps.store.commit({
            expectedVersion: found.record.version,
            before: found,
            ...effects,
            next: done.next,
            event: done.event,
            idempotency: idempotencyOf(performed),
            documents: issued.writes,
            followUps: owed ? [owed] : [],
          });
          return performed;
        },
      );
    } catch (error) {
      if (error instanceof IdempotencyRace) return this.replayAfterRace(scopedKey, requestHash);
      if (error instanceof VersionConflict) {
        const latest = await this.deps.store.getCase(caseId);
        throw staleVersion(latest ? toCaseView(latest.record, latest.tasks, today) : current());
      }
      if (error instanceof TimerAlreadyFired) {
        throw new ConflictError('Thời hạn của bước này đã kết thúc trước khi hành động được ghi nhận.', {
          current: current(),
        });
      }
      throw error;
    }
    await this.followUp(caseId, followUp, event.seq, owed?.followUpId);
    return { ...response, replayed: false };
  }

  private idempotencyRecord(
    key: string,
    requestHash: string,
    reservationId: string | undefined,
    response: { status: number; body: CaseView },
    followUp: FollowUpCall,
  ): IdempotencyRecord {
    return {
      key,
      requestHash,
      status: response.status,
      body: response.body,
      followUp,
      createdAt: this.deps.clock.now().toISOString(),
      ...(reservationId && { reservationId }),
    };
  }

  /**
   * One answer per Idempotency-Key: the key is reserved before anything is read, so of concurrent
   * requests with one key only the first runs; the others get its stored answer, or a 409 with
   * Retry-After while it runs. A request that fails before writing frees the key (nothing was
   * done, so a retry may run afresh), as Stripe and Powertools' idempotency utility do.
   */
  private async underKey(
    scopedKey: string | undefined,
    requestHash: string,
    run: (reservationId: string | undefined) => Promise<CommandResult>,
  ): Promise<CommandResult> {
    if (!scopedKey) return run(undefined);
    const now = this.deps.clock.now();
    const reservation: IdempotencyReservation = {
      key: scopedKey,
      requestHash,
      state: 'inProgress',
      reservationId: this.deps.newId(),
      reservedAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + RESERVATION_SECONDS * 1000).toISOString(),
    };
    const holder = await this.deps.store.reserveIdempotency(reservation);
    if (holder) return this.answerOf(holder, requestHash);
    try {
      return await run(reservation.reservationId);
    } catch (error) {
      // A write that happened stays (its record replaced the reservation, so this frees nothing).
      await this.deps.store.releaseIdempotency(scopedKey, reservation.reservationId).catch(() => undefined);
      throw error;
    }
  }

  /** What a request gets when another one holds its key: that one's answer, or "still running". */
  private async answerOf(
    holder: IdempotencyRecord | IdempotencyReservation,
    requestHash: string,
  ): Promise<CommandResult> {
    if (holder.requestHash !== requestHash) throw new IdempotencyKeyReusedError();
    if ('state' in holder) throw new IdempotencyKeyInProgressError(RETRY_AFTER_SECONDS);
    const body = holder.body as CaseView;
    // The first attempt may have stopped between its write and the workflow call: repeat the call.
    if (holder.followUp) await this.followUp(body.caseId, holder.followUp, body.version);
    return { status: holder.status, body, replayed: true };
  }

  /** The commit found the key taken (a reservation that outlived its lease was taken over). */
  private async replayAfterRace(scopedKey: string | undefined, requestHash: string): Promise<CommandResult> {
    const holder = scopedKey && (await this.deps.store.getIdempotency(scopedKey));
    if (!holder) throw new IdempotencyKeyInProgressError(RETRY_AFTER_SECONDS);
    return this.answerOf(holder, requestHash);
  }

  /** The workflow call a change owes, written with it: the reconciler makes it if this request cannot. */
  private owedCall(caseId: string, eventSeq: number, call: FollowUpCall): WorkflowFollowUp {
    const dueAt = new Date(this.deps.clock.now().getTime() + FOLLOW_UP_GRACE_MS).toISOString();
    return { followUpId: followUpIdFor(caseId, eventSeq), caseId, eventSeq, call, dueAt };
  }

  /** Makes the call the change owes (safe to repeat), then crosses it off. */
  private async followUp(
    caseId: string,
    call: FollowUpCall,
    eventSeq: number,
    followUpId = followUpIdFor(caseId, eventSeq),
  ): Promise<void> {
    if (call.kind === 'standing') return;
    await deliverFollowUp(this.deps, caseId, call, eventSeq);
    await this.deps.store.deleteFollowUp(followUpId);
  }
}

const personActor = (actor: Actor): CaseEvent['actor'] => ({
  kind: 'person',
  userId: actor.userId,
  role: actor.role,
  unitId: actor.unitId,
});

const staleVersion = (current: CaseView): ConflictError =>
  new ConflictError(
    `Hồ sơ đã thay đổi (phiên bản hiện tại ${current.version}); hãy tải lại và thực hiện lại nếu vẫn cần.`,
    {
      errors: [{ field: 'expectedVersion', rule: `phải bằng phiên bản hiện tại (${current.version})` }],
      current,
    },
  );
