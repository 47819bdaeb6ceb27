import { z } from 'zod';
import type { StageWorkflow } from '../names';
import { fileDocumentSchema, isoDate } from './case-file';
import type { DeadlineKey } from './legal-profile';
import type { Role } from './roles';
import type { CaseRouting } from './units';

/**
 * The pipeline as one typed table: for each human step, who may perform it, in which unit, while
 * the case is at which stage, by when, and with what input. The workflows (workflows/*.asl.json)
 * name these actions; permission checks, pending-task views and the API's schemas derive from here.
 */
export const stages = [
  'NOTIFIED',
  'UNDER_REVIEW',
  'SUPPLEMENTING',
  'AT_COURT',
  'AWAITING_ADMISSION',
  'IN_TREATMENT',
  'UNDER_SUPERVISION',
  'CLOSED',
] as const;
export type Stage = (typeof stages)[number];

export const outcomes = ['rejectedAtReview', 'notApplied', 'completed', 'relapsed'] as const;
export type Outcome = (typeof outcomes)[number];

/**
 * A task is due after a time limit of the case's legal profile, or on a date the case carries.
 * Only real deadlines escalate when missed; the end of supervision is a horizon, not a deadline.
 */
export type DeadlineRule =
  | { kind: 'limit'; limit: DeadlineKey }
  | { kind: 'caseDate'; field: 'releaseDueOn' | 'supervisionEndsOn'; source: string };

export interface ActionDefinition {
  /** Vietnamese label shown to officers. */
  label: string;
  role: Role;
  /** Which of the case's bodies must act. */
  unit: keyof CaseRouting;
  /** The stage the case is in while this action waits. */
  stage: Stage;
  deadline: DeadlineRule;
  input: z.ZodType;
  /**
   * How performing the action moves the workflow on: complete the waiting task token, or (for a
   * long stage held by a timer rather than an open execution) start the named stage workflow.
   */
  completes:
    | { kind: 'taskToken' }
    | { kind: 'startStage'; workflow: StageWorkflow; input: Record<string, string> };
}

const note = z.string().trim().max(2000).optional();

export const submitFileInput = z
  .object({
    opinionsRecorded: z
      .boolean()
      .describe('Đã ghi nhận ý kiến của người bị đề nghị và gia đình sau thời hạn đọc hồ sơ'),
    note,
  })
  .strict();

export const reviewInput = z
  .object({
    decision: z.enum(['forward', 'returnForSupplement', 'ineligible']),
    reason: z.string().trim().max(2000).optional(),
  })
  .strict()
  .refine((v) => v.decision === 'forward' || (v.reason ?? '').length >= 5, {
    path: ['reason'],
    error: 'bắt buộc (ít nhất 5 ký tự) khi trả hồ sơ hoặc kết luận không đủ điều kiện',
  });

export const supplementFileInput = z
  .object({ documents: z.array(fileDocumentSchema).min(1).max(50), note })
  .strict();

export const decideInput = z
  .object({
    outcome: z.enum(['apply', 'notApply']),
    decisionNumber: z.string().trim().min(1).max(50),
    decidedOn: isoDate,
    months: z.number().int().positive().optional().describe('Thời hạn áp dụng (tháng)'),
    reason: z.string().trim().max(4000).optional(),
  })
  .strict()
  .refine((v) => v.outcome === 'notApply' || v.months !== undefined, {
    path: ['months'],
    error: 'bắt buộc khi quyết định áp dụng biện pháp',
  });

export const admitInput = z
  .object({
    admittedOn: isoDate,
    handoverRecordNumber: z.string().trim().min(1).max(50),
    deductedDays: z
      .number()
      .int()
      .min(0)
      .max(365)
      .optional()
      .describe(
        'Số ngày quản lý tạm thời tại cơ sở, được trừ vào thời hạn (Điều 44 Nghị định 116/2021/NĐ-CP)',
      ),
  })
  .strict();

export const releaseInput = z
  .object({ releasedOn: isoDate, certificateNumber: z.string().trim().min(1).max(50) })
  .strict();

export const recordRelapseInput = z
  .object({ detectedOn: isoDate, note: z.string().trim().min(5).max(2000) })
  .strict();

export const pipelineActions = {
  submitFile: {
    label: 'Gửi hồ sơ đến Phòng Lao động - Thương binh và Xã hội',
    role: 'police',
    unit: 'filing',
    stage: 'NOTIFIED',
    deadline: { kind: 'limit', limit: 'readAndSendFile' },
    input: submitFileInput,
    completes: { kind: 'taskToken' },
  },
  review: {
    label: 'Kiểm tra tính pháp lý của hồ sơ',
    role: 'reviewer',
    unit: 'review',
    stage: 'UNDER_REVIEW',
    deadline: { kind: 'limit', limit: 'review' },
    input: reviewInput,
    completes: { kind: 'taskToken' },
  },
  supplementFile: {
    label: 'Bổ sung hồ sơ',
    role: 'police',
    unit: 'filing',
    stage: 'SUPPLEMENTING',
    deadline: { kind: 'limit', limit: 'supplement' },
    input: supplementFileInput,
    completes: { kind: 'taskToken' },
  },
  decide: {
    label: 'Ghi nhận quyết định của Tòa án',
    role: 'court',
    unit: 'court',
    stage: 'AT_COURT',
    deadline: { kind: 'limit', limit: 'courtDecision' },
    input: decideInput,
    completes: { kind: 'taskToken' },
  },
  admit: {
    label: 'Tiếp nhận người vào cơ sở cai nghiện',
    role: 'centre',
    unit: 'centre',
    stage: 'AWAITING_ADMISSION',
    deadline: { kind: 'limit', limit: 'escort' },
    input: admitInput,
    completes: { kind: 'taskToken' },
  },
  release: {
    label: 'Cấp giấy chứng nhận chấp hành xong và cho về',
    role: 'centre',
    unit: 'centre',
    stage: 'IN_TREATMENT',
    deadline: { kind: 'caseDate', field: 'releaseDueOn', source: 'Nghị định 116/2021/NĐ-CP, Điều 62' },
    input: releaseInput,
    completes: { kind: 'taskToken' },
  },
  recordRelapse: {
    label: 'Ghi nhận tái nghiện trong thời gian quản lý sau cai',
    role: 'supervisor',
    unit: 'supervision',
    stage: 'UNDER_SUPERVISION',
    deadline: {
      kind: 'caseDate',
      field: 'supervisionEndsOn',
      source: 'Luật Phòng, chống ma túy 2021, Điều 40',
    },
    input: recordRelapseInput,
    completes: { kind: 'startStage', workflow: 'supervisionEnd', input: { outcome: 'relapsed' } },
  },
} as const satisfies Record<string, ActionDefinition>;

export type ActionName = keyof typeof pipelineActions;
export const actionNames = Object.keys(pipelineActions) as ActionName[];
export const isActionName = (name: string): name is ActionName => Object.hasOwn(pipelineActions, name);

/** Whether missing this task's due date is escalated to the supervising unit. */
export const deadlineEscalates = (action: ActionName): boolean => {
  const rule: DeadlineRule = pipelineActions[action].deadline;
  return rule.kind === 'limit' || rule.field === 'releaseDueOn';
};
