import * as z from 'zod';
import { actionNames } from '#shared/pipeline/action-names';
import { stages } from '#shared/pipeline/stages';
import { citizenId } from '../domain/case-file';
import { periodSchema } from '../domain/indicators';

/** Path parameters, as the route table (routes.ts) publishes them. */
export const casePath = z.object({ id: z.string().min(1).describe('Mã hồ sơ') });
export const actionPath = casePath.extend({ action: z.enum(actionNames).describe('Hành động') });
export const documentPath = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) });
export const caseDocumentPath = casePath.extend(documentPath.shape);
export const personPath = z.object({ citizenId });
export const unitPath = z.object({ unitId: z.string().min(1).describe('Mã đơn vị') });
export const targetsYear = z.coerce.number().int().min(2000).max(2100);
export const unitYearPath = unitPath.extend({ year: targetsYear });

/** Headers a command reads: a retry with the same key returns the first result, never acts twice. */
export const idempotencyHeaders = z.object({
  'Idempotency-Key': z
    .string()
    .regex(/^[\w.:-]{8,128}$/)
    .optional()
    .describe('Gửi lại với cùng khóa thì nhận lại kết quả lần đầu; bước không bị thực hiện hai lần'),
});

export const listCasesQuery = z
  .object({
    stage: z.enum(stages).optional(),
    unit: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .describe('Đơn vị cấp xã nơi lập hồ sơ; mặc định là đơn vị của người dùng'),
    overdue: z
      .enum(['true', 'false'])
      .optional()
      .describe('true: chỉ các hồ sơ có bước đã quá hạn (đã được báo lên đơn vị cấp trên)'),
    q: z
      .string()
      .trim()
      .min(2)
      .max(100)
      .optional()
      .describe(
        'Tìm theo số định danh cá nhân (đúng 12 chữ số) hoặc theo họ tên: đầu họ tên hoặc đầu một từ trong họ tên, không phân biệt hoa thường và dấu',
      ),
    cursor: z.string().max(2000).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();

export const historyQuery = z
  .object({
    cursor: z.string().max(2000).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(200),
  })
  .strict();

export const historyExportQuery = z
  .object({ format: z.enum(['csv', 'pdf']).describe('csv (UTF-8, BOM) hoặc pdf') })
  .strict();

export const indicatorsQuery = z
  .object({
    period: periodSchema,
    format: z.enum(['json', 'csv', 'pdf']).default('json').describe('json, csv (UTF-8 có BOM) hoặc pdf'),
  })
  .strict();
