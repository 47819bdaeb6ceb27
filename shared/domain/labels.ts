import type { Outcome, Stage } from '#shared/pipeline/stages';

/**
 * Vietnamese names of stages, outcomes and the plans' indicators, shared by the API's reports and
 * the web UI. Type-only imports: the browser bundle takes this file without the schemas.
 */
export const stageLabels: Record<Stage, string> = {
  DRAFT: 'Hồ sơ nháp (tái nghiện)',
  NOTIFIED: 'Đã lập hồ sơ, đang thông báo',
  UNDER_REVIEW: 'Đang thẩm định',
  SUPPLEMENTING: 'Đang bổ sung hồ sơ',
  AT_COURT: 'Đã chuyển Tòa án',
  ACCEPTED: 'Tòa án đã thụ lý',
  SESSION_SCHEDULED: 'Đã có quyết định mở phiên họp',
  CLARIFYING: 'Đang làm rõ theo yêu cầu của Tòa án',
  APPEAL_WINDOW: 'Trong thời hạn khiếu nại, kiến nghị, kháng nghị',
  UNDER_APPEAL: 'Đang giải quyết khiếu nại, kiến nghị, kháng nghị',
  AWAITING_ADMISSION: 'Chờ đưa vào cơ sở cai nghiện',
  POSTPONED: 'Đang hoãn chấp hành',
  WANTED: 'Đang truy tìm',
  IN_TREATMENT: 'Đang cai nghiện tại cơ sở',
  UNDER_SUPERVISION: 'Đang quản lý sau cai nghiện',
  CLOSED: 'Đã kết thúc',
};

export const outcomeLabels: Record<Outcome, string> = {
  rejectedAtReview: 'Không đủ điều kiện khi thẩm định',
  notApplied: 'Tòa án không áp dụng biện pháp',
  terminated: 'Đình chỉ việc xem xét',
  exempted: 'Miễn chấp hành',
  deceased: 'Người bị đề nghị chết',
  completed: 'Hoàn thành quản lý sau cai nghiện',
  relapsed: 'Tái nghiện, lập hồ sơ mới',
};

export const flowNames = [
  'filesCompiled',
  'decisionsToApply',
  'sentToTreatment',
  'overdueSteps',
  'released',
  'supervisionBegun',
  'relapses',
  'removedFromList',
] as const;
export type FlowName = (typeof flowNames)[number];

export const indicatorLabels: Record<FlowName | 'underSupervision' | 'supervisionCoverage', string> = {
  filesCompiled: 'Số hồ sơ đã lập',
  decisionsToApply: 'Số quyết định áp dụng biện pháp đã có hiệu lực',
  sentToTreatment: 'Số người được đưa vào cơ sở cai nghiện bắt buộc (đã tiếp nhận)',
  overdueSteps: 'Số bước xử lý quá hạn',
  released: 'Số người chấp hành xong, trở về địa phương',
  supervisionBegun: 'Số người bắt đầu quản lý sau cai nghiện',
  relapses: 'Số người tái nghiện',
  removedFromList: 'Số người đưa ra khỏi danh sách quản lý',
  underSupervision: 'Số người đang quản lý sau cai nghiện (hiện tại)',
  supervisionCoverage: 'Tỷ lệ người trở về được quản lý sau cai nghiện (%)',
};

const historyEventLabels: Record<string, string> = {
  caseOpened: 'Lập hồ sơ',
  taskOpened: 'Mở bước chờ xử lý',
  actionPerformed: 'Thực hiện',
  taskStalled: 'Bước chờ quá lâu, mở lại',
  workflowContinued: 'Quy trình được tiếp tục ở lượt thực thi mới',
  workflowResumed: 'Quy trình bị gián đoạn được khôi phục',
  workflowCallRepaired: 'Hoàn tất bước quy trình còn dang dở',
  deadlineMissed: 'Quá thời hạn, báo cơ quan cấp trên',
  decisionEffective: 'Quyết định có hiệu lực',
  releaseScheduled: 'Xác định ngày chấp hành xong',
  supervisionBegun: 'Bắt đầu quản lý sau cai nghiện',
  caseClosed: 'Kết thúc hồ sơ',
  documentCorrected: 'Đính chính văn bản',
  ExecutionStarted: 'Bắt đầu giai đoạn',
  ExecutionSucceeded: 'Kết thúc giai đoạn',
  ExecutionFailed: 'Giai đoạn lỗi',
  ExecutionTimedOut: 'Giai đoạn quá thời gian',
  ExecutionAborted: 'Giai đoạn bị dừng',
  TaskTimedOut: 'Bước quá thời gian chờ',
  TaskStateExited: 'Rời bước',
};

/** A history entry's kind in Vietnamese: case events and the workflow engine's states. */
export const historyEventLabel = (type: string): string =>
  historyEventLabels[type] ?? (type.endsWith('StateEntered') ? 'Vào bước' : type);
