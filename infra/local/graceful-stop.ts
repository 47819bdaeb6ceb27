import type { Server } from 'node:http';

/**
 * Stopping an HTTP server the way a load balancer's target is drained: no new connections, idle
 * keep-alive connections closed at once, requests in flight finished (each answered with
 * `connection: close`), and whatever still runs after `graceMs` cut off. `server.close()` alone
 * waits for every keep-alive client to leave, which a client that keeps sending never does.
 */
export function drainOnStop(server: Server): { stop(graceMs: number): Promise<void> } {
  let inFlight = 0;
  let draining = false;
  let settled: (() => void) | undefined;
  server.on('request', (_req, res) => {
    inFlight += 1;
    // Runs before the handler answers (it reads the body first), so the header still goes out.
    if (draining && !res.headersSent) res.setHeader('connection', 'close');
    res.once('close', () => {
      inFlight -= 1;
      if (!draining) return;
      // A connection whose request was under way when the drain began is idle now: close it.
      setImmediate(() => server.closeIdleConnections());
      if (inFlight === 0) settled?.();
    });
  });
  return {
    stop: async (graceMs) => {
      draining = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (inFlight > 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, graceMs);
          settled = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
      server.closeAllConnections();
      await closed;
    },
  };
}
