import { S3Client } from '@aws-sdk/client-s3';
import { type DocumentBlobStore, FileBlobStore, S3BlobStore } from '../documents/blob-store';
import { config, perProcess } from './runtime';
import { traced } from './tracer';

/** Issued PDFs by SHA-256: the Object Lock bucket in AWS, a folder locally. */
export const documentBlobs = perProcess((): DocumentBlobStore => {
  const { AWS_REGION, DOCUMENTS_BUCKET, DOCUMENTS_DIR } = config();
  if (DOCUMENTS_BUCKET)
    return new S3BlobStore(traced(new S3Client({ region: AWS_REGION })), DOCUMENTS_BUCKET);
  if (DOCUMENTS_DIR) return new FileBlobStore(DOCUMENTS_DIR);
  throw new Error('Invalid environment: DOCUMENTS_BUCKET or DOCUMENTS_DIR must be set');
});
