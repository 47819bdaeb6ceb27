import type * as z from 'zod';
import type { StageWorkflow } from '../names';
import {
  acceptFileInput,
  admitInput,
  answerCourtRequestInput,
  closeAppealWindowInput,
  completeFileInput,
  decideAppealInput,
  decideInput,
  openSessionInput,
  recordAbscondingInput,
  recordAppealInput,
  recordDeathInput,
  recordEarlyEndInput,
  recordExemptionInput,
  recordFoundInput,
  recordPostponementInput,
  recordReductionInput,
  recordRelapseInput,
  releaseInput,
  requestDocumentsInput,
  reviewInput,
  submitFileInput,
  supplementFileInput,
  terminateCaseInput,
} from './action-inputs';
import type { DeadlineKey } from './legal-profile';
import type { Role } from './roles';
import type { CaseRouting } from './units';

/**
 * The pipeline as one typed table: for each human step, who may perform it, in which unit, while
 * the case is at which stage, by when, and with what input. The workflows (workflows/*.asl.json)
 * name these actions; permission checks, pending-task views and the API's schemas derive from here.
 */
export const stages = [
  'DRAFT',
  'NOTIFIED',
  'UNDER_REVIEW',
  'SUPPLEMENTING',
  'AT_COURT',
  'ACCEPTED',
  'SESSION_SCHEDULED',
  'CLARIFYING',
  'APPEAL_WINDOW',
  'UNDER_APPEAL',
  'AWAITING_ADMISSION',
  'POSTPONED',
  'WANTED',
  'IN_TREATMENT',
  'UNDER_SUPERVISION',
  'CLOSED',
] as const;
export type Stage = (typeof stages)[number];

export const outcomes = [
  'rejectedAtReview',
  'notApplied',
  'terminated',
  'exempted',
  'deceased',
  'completed',
  'relapsed',
] as const;
export type Outcome = (typeof outcomes)[number];

/**
 * A task is due after a time limit of the case's legal profile, or on a date the case carries.
 * Only real deadlines escalate when missed; the end of supervision is a horizon, not a deadline.
 */
export type DeadlineRule =
  /** From the day the task opens, or from a date the case carries (the acceptance). */
  | { kind: 'limit'; limit: DeadlineKey; from?: 'acceptedOn' }
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
  /** False for actions offered beside the main one at a wait (death, absconding…): they never escalate. */
  escalates?: boolean;
  /**
   * How performing the action moves the workflow on: complete the waiting task token, or (for a
   * long stage held by a timer rather than an open execution) start the named stage workflow.
   */
  completes:
    | { kind: 'taskToken' }
    | { kind: 'startStage'; workflow: StageWorkflow; input: Record<string, string> }
    | { kind: 'standing' };
}

export const pipelineActions = {
  completeFile: {
    label: 'Hoàn thiện hồ sơ (tái nghiện) và gửi thông báo',
    role: 'police',
    unit: 'filing',
    stage: 'DRAFT',
    deadline: { kind: 'limit', limit: 'openFile' },
    input: completeFileInput,
    completes: { kind: 'startStage', workflow: 'filing', input: {} },
  },
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
  acceptFile: {
    label: 'Thụ lý hồ sơ hoặc trả lại hồ sơ chưa đủ',
    role: 'court',
    unit: 'court',
    stage: 'AT_COURT',
    deadline: { kind: 'limit', limit: 'courtAcceptance' },
    input: acceptFileInput,
    completes: { kind: 'taskToken' },
  },
  openSession: {
    label: 'Quyết định mở phiên họp',
    role: 'court',
    unit: 'court',
    stage: 'ACCEPTED',
    // Its own wait (Await Session Scheduling): opened on acceptance, and again after the court asked
    // for documents or an appeal annulled the decision, each time with a new period.
    deadline: { kind: 'limit', limit: 'sessionScheduling' },
    input: openSessionInput,
    completes: { kind: 'taskToken' },
  },
  decide: {
    label: 'Ghi nhận quyết định áp dụng hoặc không áp dụng biện pháp',
    role: 'court',
    unit: 'court',
    stage: 'SESSION_SCHEDULED',
    deadline: { kind: 'limit', limit: 'courtDecision', from: 'acceptedOn' },
    input: decideInput,
    completes: { kind: 'taskToken' },
  },
  requestDocuments: {
    label: 'Yêu cầu cơ quan đề nghị bổ sung tài liệu',
    role: 'court',
    unit: 'court',
    stage: 'ACCEPTED',
    deadline: { kind: 'limit', limit: 'courtDecision' },
    input: requestDocumentsInput,
    escalates: false,
    completes: { kind: 'taskToken' },
  },
  terminateCase: {
    label: 'Đình chỉ việc xem xét hồ sơ',
    role: 'court',
    unit: 'court',
    stage: 'ACCEPTED',
    deadline: { kind: 'limit', limit: 'courtDecision' },
    input: terminateCaseInput,
    escalates: false,
    completes: { kind: 'taskToken' },
  },
  answerCourtRequest: {
    label: 'Bổ sung tài liệu theo yêu cầu của Tòa án',
    role: 'reviewer',
    unit: 'review',
    stage: 'CLARIFYING',
    deadline: { kind: 'limit', limit: 'courtClarification' },
    input: answerCourtRequestInput,
    completes: { kind: 'taskToken' },
  },
  closeAppealWindow: {
    label: 'Xác nhận hết thời hạn khiếu nại, kiến nghị, kháng nghị',
    role: 'court',
    unit: 'court',
    stage: 'APPEAL_WINDOW',
    deadline: { kind: 'limit', limit: 'appealWindow' },
    input: closeAppealWindowInput,
    completes: { kind: 'taskToken' },
  },
  recordAppeal: {
    label: 'Ghi nhận khiếu nại, kiến nghị hoặc kháng nghị',
    role: 'court',
    unit: 'court',
    stage: 'APPEAL_WINDOW',
    deadline: { kind: 'limit', limit: 'appealWindow' },
    input: recordAppealInput,
    escalates: false,
    completes: { kind: 'taskToken' },
  },
  decideAppeal: {
    label: 'Ghi nhận quyết định giải quyết khiếu nại, kiến nghị, kháng nghị',
    role: 'court',
    unit: 'court',
    stage: 'UNDER_APPEAL',
    deadline: { kind: 'limit', limit: 'appealDecision' },
    input: decideAppealInput,
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
  recordPostponement: {
    label: 'Ghi nhận quyết định hoãn chấp hành',
    role: 'court',
    unit: 'court',
    stage: 'AWAITING_ADMISSION',
    deadline: { kind: 'limit', limit: 'escort' },
    input: recordPostponementInput,
    escalates: false,
    completes: { kind: 'taskToken' },
  },
  recordExemption: {
    label: 'Ghi nhận quyết định miễn chấp hành',
    role: 'court',
    unit: 'court',
    stage: 'AWAITING_ADMISSION',
    deadline: { kind: 'limit', limit: 'escort' },
    input: recordExemptionInput,
    escalates: false,
    completes: { kind: 'taskToken' },
  },
  recordAbsconding: {
    label: 'Ghi nhận người phải chấp hành bỏ trốn, ra quyết định truy tìm',
    role: 'police',
    unit: 'filing',
    stage: 'AWAITING_ADMISSION',
    deadline: { kind: 'limit', limit: 'escort' },
    input: recordAbscondingInput,
    escalates: false,
    completes: { kind: 'taskToken' },
  },
  recordFound: {
    label: 'Ghi nhận đã tìm thấy người bỏ trốn',
    role: 'police',
    unit: 'filing',
    stage: 'WANTED',
    deadline: { kind: 'limit', limit: 'search' },
    input: recordFoundInput,
    completes: { kind: 'taskToken' },
  },
  recordDeath: {
    label: 'Ghi nhận người bị đề nghị đã chết',
    role: 'police',
    unit: 'filing',
    stage: 'NOTIFIED',
    deadline: { kind: 'limit', limit: 'readAndSendFile' },
    input: recordDeathInput,
    escalates: false,
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
  recordAbscondingInTreatment: {
    label: 'Ghi nhận học viên bỏ trốn khỏi cơ sở, ra quyết định truy tìm',
    role: 'centre',
    unit: 'centre',
    stage: 'IN_TREATMENT',
    deadline: {
      kind: 'caseDate',
      field: 'releaseDueOn',
      source: 'Nghị định 116/2021/NĐ-CP, Điều 56 khoản 2',
    },
    input: recordAbscondingInput,
    escalates: false,
    completes: { kind: 'standing' },
  },
  recordReturnToCentre: {
    label: 'Ghi nhận học viên trở lại cơ sở (thời gian bỏ trốn không tính vào thời hạn)',
    role: 'centre',
    unit: 'centre',
    stage: 'WANTED',
    deadline: {
      kind: 'caseDate',
      field: 'releaseDueOn',
      source: 'Nghị định 116/2021/NĐ-CP, Điều 56 khoản 4',
    },
    input: recordFoundInput,
    escalates: false,
    completes: { kind: 'standing' },
  },
  recordReduction: {
    label: 'Ghi nhận quyết định giảm thời hạn chấp hành',
    role: 'court',
    unit: 'court',
    stage: 'IN_TREATMENT',
    deadline: {
      kind: 'caseDate',
      field: 'releaseDueOn',
      source: 'Nghị định 116/2021/NĐ-CP, Điều 58 khoản 1',
    },
    input: recordReductionInput,
    escalates: false,
    completes: { kind: 'standing' },
  },
  recordEarlyEnd: {
    label: 'Ghi nhận quyết định miễn chấp hành phần thời gian còn lại',
    role: 'court',
    unit: 'court',
    stage: 'IN_TREATMENT',
    deadline: {
      kind: 'caseDate',
      field: 'releaseDueOn',
      source: 'Nghị định 116/2021/NĐ-CP, Điều 58 khoản 3',
    },
    input: recordEarlyEndInput,
    escalates: false,
    completes: { kind: 'standing' },
  },
  recordDeathInCentre: {
    label: 'Ghi nhận học viên chết tại cơ sở',
    role: 'centre',
    unit: 'centre',
    stage: 'IN_TREATMENT',
    deadline: { kind: 'caseDate', field: 'releaseDueOn', source: 'Nghị định 116/2021/NĐ-CP, Điều 61' },
    input: recordDeathInput,
    escalates: false,
    completes: { kind: 'standing' },
  },
  recordDeathUnderSupervision: {
    label: 'Ghi nhận người được quản lý sau cai nghiện đã chết',
    role: 'supervisor',
    unit: 'supervision',
    stage: 'UNDER_SUPERVISION',
    deadline: {
      kind: 'caseDate',
      field: 'supervisionEndsOn',
      source: 'Luật Phòng, chống ma túy 2021, Điều 43 khoản 3',
    },
    input: recordDeathInput,
    escalates: false,
    completes: { kind: 'standing' },
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
  const definition: ActionDefinition = pipelineActions[action];
  if (definition.escalates === false) return false;
  return definition.deadline.kind === 'limit' || definition.deadline.field === 'releaseDueOn';
};
