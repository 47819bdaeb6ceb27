import './node-warnings';
import { createServer } from 'node:net';
import * as z from 'zod';
import { buildWeb } from '../../web/build';
import type { LocalRuntime } from './runtime';

/**
 * `npm start`: the whole system on this machine, no AWS account. PORT (default 3000) and
 * DATA_DIR (default .data/) are read and validated here, once.
 */
// Read when the handlers' modules load, so set before the runtime is imported: logs at WARN unless
// asked (POWERTOOLS_LOG_LEVEL=INFO npm start), and no CloudWatch metrics (EMF) on this machine.
process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
const { startLocalRuntime } = await import('./runtime');

const env = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    DATA_DIR: z.string().min(1).default('.data'),
    /** How long SIGTERM or Ctrl-C lets requests in flight finish, in ms. */
    SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  })
  .parse(process.env);

/**
 * DynamoDB Local's JVM is node's child, in node's process group: a kill of the group stops both,
 * but a JVM whose node died alone runs on, holding DATA_DIR. So every way out that node controls
 * (SIGINT, SIGTERM, SIGHUP, an uncaught exception or rejection, the JVM lost for good) stops the
 * runtime before exiting: the server first (no new requests, those in flight finish within
 * SHUTDOWN_GRACE_MS), then the engine, then the JVM, which ignores the terminal's Ctrl-C so that it
 * outlives the requests that need it. A signal during the start waits for the start, then stops
 * it. A second signal exits at once. Only a SIGKILL of node alone leaves the JVM behind.
 */
let starting: Promise<LocalRuntime> | undefined;
let exiting = false;
const exit = async (code: number, reason: string) => {
  if (exiting) process.exit(code || 1);
  exiting = true;
  console.log(`${reason}: stopping`);
  try {
    await (await starting?.catch(() => undefined))?.stop();
  } catch (error) {
    console.error('stopping failed', error);
  } finally {
    process.exit(code);
  }
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void exit(0, signal));
process.on('uncaughtException', (error) => {
  console.error(error);
  void exit(1, 'uncaught exception');
});

/** A taken PORT fails here at once, with a plain message, before DynamoDB Local takes seconds to start. */
const assertPortFree = (port: number): Promise<void> =>
  new Promise((resolve, reject) => {
    if (port === 0) return resolve();
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`PORT ${port} is in use: stop what holds it, or set PORT`)
          : error,
      ),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });

starting = (async () => {
  await assertPortFree(env.PORT);
  await buildWeb();
  return startLocalRuntime({
    port: env.PORT,
    dataDir: env.DATA_DIR,
    seed: true,
    shutdownGraceMs: env.SHUTDOWN_GRACE_MS,
    // A JVM that died and would not start again: nothing can be served, so stop and say so.
    onDynamoLost: (reason) => void exit(1, reason),
  });
})();
let runtime: LocalRuntime;
try {
  runtime = await starting;
} catch (error) {
  console.error(error);
  process.exit(1);
}
if (!exiting) {
  console.log(
    `Hệ thống đang chạy tại ${runtime.url}  (API: ${runtime.url}/openapi.json, dữ liệu: ${env.DATA_DIR})`,
  );
  console.log('READY');
}
