import type { CaseEvent, CaseRecord, IdempotencyRecord, PendingTask } from '#shared/domain/case';
import { type CaseChange, type CaseStore, CounterRace } from '#shared/domain/ports';
import type { DocumentBlobStore } from './blob-store';
import { sha256Hex } from './blob-store';
import { type DocumentPlan, documentPlansFor } from './case-documents';
import { type DocumentWrite, documentTitles, type IssuedRef } from './issued';
import { issuerProfile } from './issuers';
import { renderDocument } from './render';
import { buildDocument } from './templates/index';
import { numberLine } from './vietnamese-text';

const MAX_ATTEMPTS = 60;

export interface Rendered {
  write: DocumentWrite;
  pdf: Uint8Array;
}

/**
 * The store as the commands and workflow steps use it: every method of `inner`, with case
 * creation and commits going through a DocumentIssuer.
 */
export function withDocumentIssuing<T extends CaseStore>(inner: T, blobs: DocumentBlobStore): T {
  const issuer = new DocumentIssuer(inner, blobs);
  return new Proxy(inner, {
    get(target, property) {
      if (property === 'commit') return issuer.commit;
      if (property === 'createCase') return issuer.createCase;
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * Issues the documents a change calls for (documentPlansFor): it numbers each
 * from its issuer's register, renders the PDF, records the hash in the event and the reference on
 * the case, and writes document, counter and case change in one transaction. When another
 * document took the number first, it numbers and renders again. The PDF is stored by its hash
 * once the transaction has succeeded; if that write is lost, the document is rendered again from
 * its recorded input (same input, same bytes) when it is first fetched.
 *
 * It fills in `change.next.issued`, `change.event.documents` and the idempotent response the
 * change carries, so that the caller answers with what was issued.
 */
export class DocumentIssuer {
  constructor(
    private readonly inner: CaseStore,
    private readonly blobs: DocumentBlobStore,
  ) {}

  readonly createCase = async (
    record: CaseRecord,
    event: CaseEvent,
    idempotency?: IdempotencyRecord,
    tasks?: PendingTask[],
  ): Promise<void> => {
    await this.issuing(record, event, idempotency, (documents) =>
      this.inner.createCase(record, event, idempotency, tasks, documents),
    );
  };

  readonly commit = async (change: CaseChange): Promise<void> => {
    await this.issuing(change.next, change.event, change.idempotency, (documents) =>
      this.inner.commit({ ...change, documents }),
    );
  };

  private async issuing(
    next: CaseRecord,
    event: CaseEvent,
    idempotency: IdempotencyRecord | undefined,
    write: (documents: DocumentWrite[]) => Promise<void>,
  ): Promise<void> {
    const plans = documentPlansFor(event, next);
    if (plans.length === 0) return write([]);
    // One issuer's documents are numbered one at a time in this process; other processes (other
    // Lambda instances) still race, and the counter's condition settles it.
    const keys = [
      ...new Set(plans.map((plan) => `${plan.issuerUnitId}#${plan.issuedOn.slice(0, 4)}`)),
    ].sort();
    return this.registers.runExclusive(keys, () => this.issue(plans, next, event, idempotency, write));
  }

  private readonly registers = new KeyedLock();

  private async issue(
    plans: DocumentPlan[],
    next: CaseRecord,
    event: CaseEvent,
    idempotency: IdempotencyRecord | undefined,
    write: (documents: DocumentWrite[]) => Promise<void>,
  ): Promise<void> {
    const issuedBefore = next.issued;
    for (let attempt = 1; ; attempt += 1) {
      const rendered = await this.render(plans, event);
      next.issued = { ...issuedBefore };
      for (const { write: w } of rendered) next.issued[w.document.kind] = refOf(w);
      event.documents = rendered.map(({ write: w }) => ({
        sha256: w.document.sha256,
        kind: w.document.kind,
        number: w.document.number,
      }));
      const body = idempotency?.body as Partial<CaseRecord> | undefined;
      if (body && body.caseId === next.caseId) body.issued = next.issued;
      try {
        await write(rendered.map((r) => r.write));
        await Promise.all(rendered.map((r) => this.blobs.put(r.write.document.sha256, r.pdf)));
        return;
      } catch (error) {
        if (!(error instanceof CounterRace) || attempt >= MAX_ATTEMPTS) throw error;
        // Many issuing at once: back off at random so that they do not collide again in step.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 15 * Math.min(attempt, 8)));
      }
    }
  }

  /** Numbers each planned document from its issuer's register and renders it. */
  async render(plans: DocumentPlan[], event: CaseEvent): Promise<Rendered[]> {
    const taken = new Map<string, number>();
    const rendered: Rendered[] = [];
    for (const plan of plans) {
      const year = Number(plan.issuedOn.slice(0, 4));
      const key = `${plan.issuerUnitId}#${year}`;
      const previous = taken.get(key) ?? (await this.inner.getDocumentCounter(plan.issuerUnitId, year));
      const sequence = previous + 1;
      taken.set(key, sequence);
      const input = plan.input({ sequence, year });
      const model = buildDocument(plan.kind, input);
      const pdf = await renderDocument(model);
      rendered.push({
        pdf,
        write: {
          previousSequence: previous,
          document: {
            sha256: sha256Hex(pdf),
            caseId: event.caseId,
            eventSeq: event.seq,
            ...(event.action ? { action: event.action } : { systemStep: event.type }),
            kind: plan.kind,
            title: documentTitles[plan.kind],
            issuerUnitId: plan.issuerUnitId,
            year,
            sequence,
            number: (model.number ?? numberLine({ sequence, symbol: '' })).replace(/^Số: /u, ''),
            issuedOn: plan.issuedOn,
            issuedAt: event.at,
            bytes: pdf.byteLength,
            ...(plan.replaces && { replaces: plan.replaces, correctionReason: plan.correctionReason }),
            input,
          },
        },
      });
    }
    return rendered;
  }
}

function refOf({ document }: DocumentWrite): IssuedRef {
  return {
    sha256: document.sha256,
    number: document.number,
    date: document.issuedOn,
    issuer: issuerProfile(document.issuerUnitId).name,
  };
}

/** Runs tasks one after another per key (several keys: taken in sorted order, so no deadlock). */
class KeyedLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  async runExclusive<T>(keys: readonly string[], task: () => Promise<T>): Promise<T> {
    const [first, ...rest] = keys;
    if (first === undefined) return task();
    const previous = this.tails.get(first) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(() => this.runExclusive(rest, task));
    const tail = run.catch(() => undefined);
    this.tails.set(first, tail);
    try {
      return await run;
    } finally {
      if (this.tails.get(first) === tail) this.tails.delete(first);
    }
  }
}
