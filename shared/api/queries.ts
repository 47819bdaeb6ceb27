import { z } from 'zod';
import { stages } from '../domain/pipeline';

export const listCasesQuery = z
  .object({
    stage: z.enum(stages).optional(),
    unit: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .describe('Đơn vị cấp xã nơi lập hồ sơ; mặc định là đơn vị của người dùng'),
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
