import { createHash, createHmac } from 'node:crypto';

/**
 * Task tokens: `t1.<id>.<secret>`. The id names the journal step (execution ARN and sequence
 * number), so completing a token is one conditional write. The secret is an HMAC of the id under
 * the journal's own key: unguessable without the key, and the same again after a restart, so a
 * step whose token may not have reached its function can hand the very same token out once more.
 * The journal keeps only its SHA-256.
 */
export interface TaskRef {
  readonly executionArn: string;
  readonly seq: number;
}

export interface MintedToken {
  readonly token: string;
  readonly tokenHash: string;
}

const VERSION = 't1';
const tokenPattern = /t1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}/g;

export function mintTaskToken(ref: TaskRef, key: Uint8Array): MintedToken {
  const id = Buffer.from(`${ref.seq}:${ref.executionArn}`).toString('base64url');
  const secret = createHmac('sha256', key).update(id).digest('base64url');
  return { token: `${VERSION}.${id}.${secret}`, tokenHash: hashSecret(secret) };
}

/** Undefined for anything that is not a token of ours. */
export function parseTaskToken(token: string): { ref: TaskRef; tokenHash: string } | undefined {
  const [version, id, secret, ...extra] = token.split('.');
  if (version !== VERSION || !id || !secret || secret.length !== 43 || extra.length > 0) return undefined;
  const decoded = Buffer.from(id, 'base64url').toString();
  const colon = decoded.indexOf(':');
  const seq = Number(decoded.slice(0, colon));
  const executionArn = decoded.slice(colon + 1);
  if (colon < 1 || !Number.isSafeInteger(seq) || seq < 1 || !executionArn.startsWith('arn:'))
    return undefined;
  return { ref: { executionArn, seq }, tokenHash: hashSecret(secret) };
}

/** Replaces every task token in a text; history and logs must never carry one. */
export function redactTokens(text: string): string {
  return text.replace(tokenPattern, '[redacted]');
}

function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}
