/** Time comes in through this interface, so domain code never reads the system clock itself. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock that can be moved forward, for the local runtime's demos and tests
 * (`POST /local/clock`). It keeps running in real time from wherever it was set.
 */
export class AdjustableClock implements Clock {
  private offsetMs: number;

  constructor(offsetMs = 0) {
    this.offsetMs = offsetMs;
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): void {
    if (ms < 0) throw new RangeError('the local clock only moves forward');
    this.offsetMs += ms;
  }

  get offset(): number {
    return this.offsetMs;
  }
}
