import { createHash } from 'node:crypto';

/** Documents are addressed by the SHA-256 of their bytes, in lower-case hex. */
export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
