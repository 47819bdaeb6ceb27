import * as z from 'zod';

/** The documents API's request schemas: light, so that the API description does not load the renderer. */
export const sha256Param = z
  .string()
  .regex(/^[0-9a-f]{64}$/, { error: 'mã băm SHA-256 gồm 64 chữ số thập lục phân viết thường' });

export const verifyRequestSchema = z
  .object({ sha256: sha256Param.describe('Mã băm SHA-256 của tệp PDF') })
  .strict();

export const correctionRequestSchema = z
  .object({
    expectedVersion: z.number().int().positive().describe('Phiên bản hồ sơ người dùng đang xem'),
    reason: z.string().trim().min(10).max(1000).describe('Lý do đính chính'),
    /** Fields of the document's input to change, e.g. `{ "person": { "fullName": "…" } }`. */
    changes: z.record(z.string(), z.unknown()).describe('Các trường của văn bản cần sửa'),
  })
  .strict();
