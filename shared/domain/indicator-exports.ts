import { pipelineActions } from '#shared/pipeline/actions/index';
import type { Stage } from '#shared/pipeline/stages';
import type { DocumentModel } from '../documents/model';
import { fields, heading, paragraph } from '../documents/model';
import { type IsoDate, vietnamDate } from './dates';
import type { IndicatorReport } from './indicators';
import { flowNames, indicatorLabels, stageLabels } from './labels';
import { units } from './units';

const periodLabel = (report: IndicatorReport): string => {
  const [year, half] = report.period.split('-');
  if (half === 'H1') return `6 tháng đầu năm ${year}`;
  if (half === 'H2') return `6 tháng cuối năm ${year}`;
  return `năm ${year}`;
};

const dmy = (date: IsoDate) => date.split('-').reverse().join('/');

const orDash = (value: number | null) => (value === null ? '' : String(value));

/** One row per indicator: label, total of the period, target, then one column per month. */
function rows(report: IndicatorReport): string[][] {
  const months = report.byMonth.map((m) => m.month);
  const header = [
    'Chỉ tiêu',
    'Cả kỳ',
    'Kế hoạch năm',
    ...months.map((m) => `Tháng ${m.slice(5)}/${m.slice(0, 4)}`),
  ];
  const blank = months.map(() => '');
  const table: string[][] = [header];
  for (const name of flowNames) {
    const target = name === 'sentToTreatment' ? orDash(report.targets.sentToTreatment) : '';
    table.push([
      indicatorLabels[name],
      String(report.indicators[name]),
      target,
      ...report.byMonth.map((m) => String(m[name])),
    ]);
  }
  table.push([indicatorLabels.underSupervision, String(report.indicators.underSupervision), '', ...blank]);
  table.push([
    indicatorLabels.supervisionCoverage,
    orDash(report.indicators.supervisionCoverage),
    orDash(report.targets.supervisionCoverage),
    ...blank,
  ]);
  for (const [action, time] of Object.entries(report.indicators.stepTimes)) {
    const label = pipelineActions[action as keyof typeof pipelineActions].label;
    table.push([
      `Thời gian trung bình (ngày): ${label} (${time.count} lượt)`,
      String(time.averageDays),
      '',
      ...blank,
    ]);
  }
  for (const [stage, count] of Object.entries(report.indicators.casesByStage)) {
    table.push([`Số hồ sơ hiện ở giai đoạn: ${stageLabels[stage as Stage]}`, String(count), '', ...blank]);
  }
  return table;
}

const csvCell = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** UTF-8 CSV with a byte order mark (so spreadsheet programs read the Vietnamese), CRLF lines. */
export function indicatorsCsv(report: IndicatorReport): string {
  const title = [
    [
      `Báo cáo chỉ tiêu ${periodLabel(report)}`,
      report.unitName,
      `Từ ${dmy(report.from)} đến ${dmy(report.to)}`,
    ],
  ];
  return `\uFEFF${[...title, ...rows(report)].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** The report as a document for the project's PDF renderer (ND-30 frame, Tinos font). */
export function indicatorsDocument(report: IndicatorReport, issuedAt: Date): DocumentModel {
  const unit = units.get(report.unitId);
  const parent = unit?.parentId ? units.get(unit.parentId) : undefined;
  const table = rows(report);
  const totals = table.slice(1).map((row) => {
    const target = row[2] ? ` (kế hoạch năm: ${row[2]})` : '';
    return [row[0] ?? '', `${row[1] ?? ''}${target}`] as const;
  });
  const monthly = report.byMonth.map(
    (m) =>
      [
        `Tháng ${m.month.slice(5)}/${m.month.slice(0, 4)}`,
        `lập ${m.filesCompiled} hồ sơ; đưa vào cơ sở ${m.sentToTreatment} người; trở về ${m.released}; tái nghiện ${m.relapses}; quá hạn ${m.overdueSteps}`,
      ] as const,
  );
  return {
    kind: 'indicatorReport',
    issuer: { superior: parent?.name, name: report.unitName },
    place: 'Lai Châu',
    date: vietnamDate(issuedAt),
    title: 'Báo cáo',
    summary: `Kết quả thực hiện chỉ tiêu cai nghiện ma túy bắt buộc ${periodLabel(report)}`,
    body: [
      paragraph(
        `Số liệu từ ngày ${dmy(report.from)} đến ngày ${dmy(report.to)} của ${report.unitName}, gồm các đơn vị trực thuộc; số hồ sơ theo giai đoạn và số người đang quản lý là số hiện tại.`,
      ),
      heading('I. Kết quả trong kỳ'),
      fields(totals),
      heading('II. Theo tháng'),
      fields(monthly),
    ],
    signatures: [{ title: 'Người lập báo cáo', name: '(ký, ghi rõ họ tên)' }],
    recipients: ['Như trên', 'Lưu: VT'],
  };
}
