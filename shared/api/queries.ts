import * as z from 'zod';
import { stages } from '#shared/pipeline/stages';
import { periodSchema } from '../domain/indicators';

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
