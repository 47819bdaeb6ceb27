import { type Clock, systemClock } from '../clock';
import { type AppConfig, readConfig } from '../config';

/**
 * What every composition function shares: the validated environment and the clock. Each function
 * wires only the clients it uses (store.ts, engine.ts, blobs.ts, issuer.ts…), so a bundle carries
 * only those: a function that renders no PDF never imports pdf-lib.
 */
let current: Clock = systemClock;
let generation = 0;

/**
 * The local runtime runs handlers in-process and moves time with its own clock; clients are built
 * again after it (its environment points them at DynamoDB Local and the local engine).
 */
export function useClock(next: Clock): void {
  current = next;
  generation += 1;
}

export const clock = (): Clock => current;

/** A value built once per process (and again after useClock). */
export function perProcess<T>(build: () => T): () => T {
  let built: { generation: number; value: T } | undefined;
  return () => {
    if (built?.generation !== generation) built = { generation, value: build() };
    return built.value;
  };
}

export const config = perProcess((): AppConfig => readConfig());
