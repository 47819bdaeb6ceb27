import { z } from 'zod';
import { buildWeb } from '../../web/build';
import { startLocalRuntime } from './runtime';

/**
 * `npm start`: the whole system on this machine, no AWS account. PORT (default 3000) and
 * DATA_DIR (default .data/) are read and validated here, once.
 */
// ADR 0001: we run on Node 20 on purpose; the SDK's reminder about Node 22 is not news to a user.
// The SDK emits it as a plain Warning whose message starts with its name.
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (warning.name === 'NodeVersionSupportWarning') return;
  if (warning.message.startsWith('NodeVersionSupportWarning')) return;
  console.warn(`${warning.name}: ${warning.message}`);
});

const env = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    DATA_DIR: z.string().min(1).default('.data'),
  })
  .parse(process.env);

await buildWeb();
const runtime = await startLocalRuntime({ port: env.PORT, dataDir: env.DATA_DIR, seed: true });
console.log(
  `Hệ thống đang chạy tại ${runtime.url}  (API: ${runtime.url}/openapi.json, dữ liệu: ${env.DATA_DIR})`,
);
console.log('READY');

let stopping = false;
const shutdown = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping`);
  await runtime.stop();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
