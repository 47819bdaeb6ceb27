import type { DocumentPlan } from '#shared/documents/document-plans';
import type { CaseEvent } from '#shared/domain/case';
import type { DocumentIssuer, IssuedDocuments } from '#shared/domain/document-issuer';
import { type CaseStore, CounterRace } from '#shared/domain/ports';
import type { DocumentBlobStore } from './blob-store';
import { type DocumentWrite, documentTitles, type IssuedDocument, type IssuedRef } from './issued';
import { issuerProfile } from './issuers';
import { KeyedLock } from './keyed-lock';
import type { DocumentModel } from './model';
import { renderDocument } from './render';
import { sha256Hex } from './sha256';
import { buildDocument } from './templates/index';
import { numberLine } from './vietnamese-text';

const MAX_ATTEMPTS = 60;

export interface PdfDocumentIssuerDeps {
  /** Where the issuers' registers are read (the transaction checks them again). */
  counters: Pick<CaseStore, 'getDocumentCounter'>;
  blobs: DocumentBlobStore;
  /** @default renderDocument (pdf-lib with the Tinos faces) */
  render?: (model: DocumentModel) => Promise<Uint8Array>;
}

/**
 * The DocumentIssuer that renders PDFs. It numbers each document from its issuer's register and
 * renders it; the caller writes document, counter and case change in one transaction. When another
 * document took the number first, it numbers and renders again. The PDF is stored by its hash once
 * the transaction has succeeded; if that write is lost, the document is rendered again from its
 * recorded input (same input, same bytes) when it is first fetched.
 */
export class PdfDocumentIssuer implements DocumentIssuer {
  private readonly registers = new KeyedLock();
  private readonly render: (model: DocumentModel) => Promise<Uint8Array>;

  constructor(private readonly deps: PdfDocumentIssuerDeps) {
    this.render = deps.render ?? renderDocument;
  }

  async issue<T>(
    plans: DocumentPlan[],
    event: CaseEvent,
    commit: (issued: IssuedDocuments) => Promise<T>,
  ): Promise<T> {
    // One issuer's documents are numbered one at a time in this process; other processes (other
    // Lambda instances) still race, and the counter's condition settles it.
    const keys = [...new Set(plans.map((plan) => registerKey(plan.issuerUnitId, year(plan))))].sort();
    return this.registers.runExclusive(keys, async () => {
      for (let attempt = 1; ; attempt += 1) {
        const rendered = await this.numberAndRender(plans, event);
        try {
          const result = await commit(issuedOf(rendered));
          await Promise.all(rendered.map((r) => this.deps.blobs.put(r.write.document.sha256, r.pdf)));
          return result;
        } catch (error) {
          if (!(error instanceof CounterRace) || attempt >= MAX_ATTEMPTS) throw error;
          // Many issuing at once: back off at random so that they do not collide again in step.
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 15 * Math.min(attempt, 8)));
        }
      }
    });
  }

  async pdfOf(document: IssuedDocument): Promise<Uint8Array> {
    const stored = await this.deps.blobs.get(document.sha256);
    if (stored) return stored;
    const pdf = await this.render(buildDocument(document.kind, document.input));
    if (sha256Hex(pdf) !== document.sha256) {
      throw new Error(`document ${document.sha256} is missing and renders differently`);
    }
    await this.deps.blobs.put(document.sha256, pdf);
    return pdf;
  }

  /** Numbers each planned document from its issuer's register and renders it. */
  private async numberAndRender(plans: DocumentPlan[], event: CaseEvent): Promise<Rendered[]> {
    const taken = new Map<string, number>();
    const rendered: Rendered[] = [];
    for (const plan of plans) {
      const key = registerKey(plan.issuerUnitId, year(plan));
      const previous =
        taken.get(key) ?? (await this.deps.counters.getDocumentCounter(plan.issuerUnitId, year(plan)));
      const sequence = previous + 1;
      taken.set(key, sequence);
      const input = plan.input({ sequence, year: year(plan) });
      const model = buildDocument(plan.kind, input);
      const pdf = await this.render(model);
      const number = (model.number ?? numberLine({ sequence, symbol: '' })).replace(/^Số: /u, '');
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
            year: year(plan),
            sequence,
            number,
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

interface Rendered {
  write: DocumentWrite;
  pdf: Uint8Array;
}

const year = (plan: DocumentPlan): number => Number(plan.issuedOn.slice(0, 4));
const registerKey = (issuerUnitId: string, year: number): string => `${issuerUnitId}#${year}`;

function issuedOf(rendered: Rendered[]): IssuedDocuments {
  const writes = rendered.map((r) => r.write);
  return {
    writes,
    refs: Object.fromEntries(writes.map((w) => [w.document.kind, refOf(w)])),
    recorded: writes.map(({ document }) => ({
      sha256: document.sha256,
      kind: document.kind,
      number: document.number,
    })),
  };
}

function refOf({ document }: DocumentWrite): IssuedRef {
  return {
    sha256: document.sha256,
    number: document.number,
    date: document.issuedOn,
    issuer: issuerProfile(document.issuerUnitId).name,
  };
}
