import { randomUUID } from 'node:crypto';
import { CaseCommands } from '../domain/case-commands';
import type { DocumentIssuer } from '../domain/document-issuer';
import { workflowEngine } from './engine';
import { clock } from './runtime';
import { caseStore } from './store';

/** Opening files and performing actions: both issue documents, so both need the issuer. */
export const caseCommands = ({ issuer }: { issuer: DocumentIssuer }): CaseCommands =>
  new CaseCommands({
    store: caseStore(),
    engine: workflowEngine(),
    clock: clock(),
    newId: randomUUID,
    issuer,
  });
