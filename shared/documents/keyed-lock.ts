/** Runs tasks one after another per key (several keys: taken in sorted order, so no deadlock). */
export class KeyedLock {
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
