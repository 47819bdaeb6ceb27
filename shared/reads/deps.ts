import type { Clock } from '../clock';
import type { CaseStore } from '../domain/ports';

/**
 * What a read needs: the store's interface and the clock (today's date decides what is overdue).
 * Reads are use cases like the commands (shared/domain/case-commands.ts): they take the person
 * asking and the parsed query, decide what that person may see, and ask the store by intention.
 */
export interface ReadDeps {
  store: CaseStore;
  clock: Clock;
}
