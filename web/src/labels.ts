import type { Stage } from '#shared/domain/pipeline';

/** The pipeline's main road, in order, for the case timeline. */
export const timeline: { stage: Stage[]; label: string }[] = [
  { stage: ['DRAFT', 'NOTIFIED'], label: 'Công an xã lập hồ sơ' },
  { stage: ['UNDER_REVIEW', 'SUPPLEMENTING'], label: 'Phòng LĐTBXH kiểm tra' },
  { stage: ['AT_COURT', 'ACCEPTED', 'CLARIFYING'], label: 'Tòa án xem xét' },
  { stage: ['APPEAL_WINDOW', 'UNDER_APPEAL'], label: 'Khiếu nại, kháng nghị' },
  { stage: ['AWAITING_ADMISSION', 'POSTPONED', 'WANTED'], label: 'Chờ đưa vào cơ sở' },
  { stage: ['IN_TREATMENT'], label: 'Chấp hành tại cơ sở' },
  { stage: ['UNDER_SUPERVISION'], label: 'Quản lý sau cai' },
  { stage: ['CLOSED'], label: 'Kết thúc' },
];

export const stageLabels: Record<Stage, string> = {
  DRAFT: 'Hồ sơ nháp',
  NOTIFIED: 'Đã thông báo',
  UNDER_REVIEW: 'Đang kiểm tra',
  SUPPLEMENTING: 'Đang bổ sung',
  AT_COURT: 'Đã gửi Tòa án',
  ACCEPTED: 'Tòa án đã thụ lý',
  CLARIFYING: 'Tòa án yêu cầu bổ sung',
  APPEAL_WINDOW: 'Trong thời hạn khiếu nại',
  UNDER_APPEAL: 'Đang giải quyết khiếu nại',
  AWAITING_ADMISSION: 'Chờ đưa vào cơ sở',
  POSTPONED: 'Hoãn chấp hành',
  WANTED: 'Đang truy tìm',
  IN_TREATMENT: 'Đang cai nghiện',
  UNDER_SUPERVISION: 'Quản lý sau cai',
  CLOSED: 'Đã kết thúc',
};
