import type { CaseEvent, CaseRecord } from '#shared/domain/case';
import { vietnamDate } from '#shared/domain/dates';
import { actionDefinition } from '#shared/pipeline/actions/index';
import {
  actionDocumentPlanners,
  aftercareCompletionCertificate,
  aftercareDecision,
  correctedDocument,
  type DocumentPlan,
  fileCompilationNotice,
} from './document-plans';

/**
 * The documents a case change issues (DOMAIN.md "Documents issued along the way"), from the case
 * as it will be after the change and the event that records it: an action's own (its module's
 * `documents`), or those of the system's events. A document whose predecessor is missing (a case
 * filed before documents were issued) is not issued.
 */
export function documentPlansFor(event: CaseEvent, next: CaseRecord): DocumentPlan[] {
  const today = vietnamDate(new Date(event.at));
  const plans: (DocumentPlan | undefined)[] = [];
  switch (event.type) {
    case 'caseOpened':
      if (!next.draft) plans.push(fileCompilationNotice(next, today));
      break;
    case 'supervisionBegun':
      plans.push(aftercareDecision(next, today));
      break;
    case 'caseClosed':
      if (next.outcome === 'completed') plans.push(aftercareCompletionCertificate(next, today));
      break;
    case 'documentCorrected':
      plans.push(correctedDocument(event, today));
      break;
    case 'actionPerformed':
      // The kinds the action's module names, when its input calls for them.
      for (const { kind, when } of event.action ? (actionDefinition(event.action).documents ?? []) : []) {
        if (!when || when(event.input)) plans.push(actionDocumentPlanners[kind](next, event.input, today));
      }
      break;
  }
  return plans.filter((plan): plan is DocumentPlan => plan !== undefined);
}
