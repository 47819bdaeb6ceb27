import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  ChecksumAlgorithm,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { sha256Hex } from './sha256';

/**
 * Where issued PDFs live, addressed by their SHA-256: written once, never replaced. In AWS an S3
 * bucket with Object Lock (compliance mode) refuses deletes and overwrites; locally a folder under
 * the data directory.
 */
export interface DocumentBlobStore {
  put(sha256: string, bytes: Uint8Array): Promise<void>;
  get(sha256: string): Promise<Uint8Array | undefined>;
}

const SHA256 = /^[0-9a-f]{64}$/;

function assertHash(sha256: string): void {
  if (!SHA256.test(sha256)) throw new Error(`not a SHA-256 hex digest: ${sha256.slice(0, 80)}`);
}

/** Local runtime: `<dir>/<first two hex digits>/<sha256>.pdf`, written to a temporary name then renamed. */
export class FileBlobStore implements DocumentBlobStore {
  constructor(private readonly dir: string) {}

  private file(sha256: string): string {
    assertHash(sha256);
    return path.join(this.dir, sha256.slice(0, 2), `${sha256}.pdf`);
  }

  async put(sha256: string, bytes: Uint8Array): Promise<void> {
    if (sha256Hex(bytes) !== sha256) throw new Error('document bytes do not match their hash');
    const file = this.file(sha256);
    if (await this.get(sha256)) return;
    await mkdir(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(temporary, bytes, { flag: 'wx' });
    await rename(temporary, file);
  }

  async get(sha256: string): Promise<Uint8Array | undefined> {
    try {
      return new Uint8Array(await readFile(this.file(sha256)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }
}

/** AWS: one object per document, key `documents/<sha256>.pdf`; S3 checks the SHA-256 on upload. */
export class S3BlobStore implements DocumentBlobStore {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  private key(sha256: string): string {
    assertHash(sha256);
    return `documents/${sha256}.pdf`;
  }

  async put(sha256: string, bytes: Uint8Array): Promise<void> {
    await this.client
      .send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: this.key(sha256),
          Body: bytes,
          ContentType: 'application/pdf',
          ChecksumAlgorithm: ChecksumAlgorithm.SHA256,
          ChecksumSHA256: Buffer.from(sha256, 'hex').toString('base64'),
          // Written once: a second put of the same hash is refused instead of adding a version.
          IfNoneMatch: '*',
        }),
      )
      .catch((error: { name?: string; $metadata?: { httpStatusCode?: number } }) => {
        // 412: the object is already there, and its key is its hash: same bytes.
        if (error.$metadata?.httpStatusCode !== 412) throw error;
      });
  }

  async get(sha256: string): Promise<Uint8Array | undefined> {
    try {
      const result = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: this.key(sha256) }),
      );
      return result.Body ? await result.Body.transformToByteArray() : undefined;
    } catch (error) {
      if (error instanceof NoSuchKey) return undefined;
      throw error;
    }
  }
}
