import type { Stage } from '#shared/pipeline/stages';

export { outcomeLabels, stageLabels } from '#shared/domain/labels';

/** The pipeline's main road, in order, for the case timeline. */
export const timeline: { stage: Stage[]; label: string }[] = [
  { stage: ['DRAFT', 'NOTIFIED'], label: 'Công an xã lập hồ sơ' },
  { stage: ['UNDER_REVIEW', 'SUPPLEMENTING'], label: 'Phòng LĐTBXH kiểm tra' },
  { stage: ['AT_COURT', 'ACCEPTED', 'SESSION_SCHEDULED', 'CLARIFYING'], label: 'Tòa án xem xét' },
  { stage: ['APPEAL_WINDOW', 'UNDER_APPEAL'], label: 'Khiếu nại, kháng nghị' },
  { stage: ['AWAITING_ADMISSION', 'POSTPONED', 'WANTED'], label: 'Chờ đưa vào cơ sở' },
  { stage: ['IN_TREATMENT'], label: 'Chấp hành tại cơ sở' },
  { stage: ['UNDER_SUPERVISION'], label: 'Quản lý sau cai' },
  { stage: ['CLOSED'], label: 'Kết thúc' },
];
