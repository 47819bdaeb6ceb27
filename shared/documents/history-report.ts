import type { CaseRecord, EventActor } from '#shared/domain/case';
import { type IsoDate, vietnamDate } from '#shared/domain/dates';
import type { ChainVerdict } from '#shared/domain/history-chain';
import { historyEventLabel } from '#shared/domain/labels';
import type { Actor } from '#shared/domain/roles';
import type { TimelineEntry } from '#shared/domain/timeline';
import { units } from '#shared/domain/units';
import { bold, type DocumentModel, fields, heading, paragraph, span } from './model';
import { renderDocument } from './render';
import { shortDate } from './vietnamese-text';

/**
 * An auditor's export of a case's history: the merged timeline with the hash chain and the
 * verification result, as CSV (UTF-8 with BOM, for spreadsheets) and as a PDF report.
 */
export interface HistoryReport {
  record: CaseRecord;
  timeline: TimelineEntry[];
  verdict: ChainVerdict;
  exportedBy: Actor;
  exportedAt: Date;
}

const actorText = (actor: EventActor | undefined): string[] =>
  actor?.kind === 'person'
    ? [actor.userId, actor.role, units.get(actor.unitId)?.name ?? actor.unitId]
    : actor
      ? ['hệ thống', '', '']
      : ['', '', ''];

/** "23/11/2026 09:15:02" in Vietnam time. */
function vietnamTime(iso: string): string {
  const local = new Date(Date.parse(iso) + 7 * 60 * 60 * 1000).toISOString();
  return `${shortDate(local.slice(0, 10) as IsoDate)} ${local.slice(11, 19)}`;
}

const verdictText = (verdict: ChainVerdict): string =>
  verdict.valid
    ? `Toàn vẹn: chuỗi băm của ${verdict.events} sự kiện khớp từ đầu đến cuối.`
    : `KHÔNG toàn vẹn: ${verdict.breaks.map((b) => `sự kiện ${b.seq} (${b.reason})`).join('; ')}.`;

const csvCell = (value: string | number | undefined): string => {
  const text = value === undefined ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export function historyCsv(report: HistoryReport): string {
  const header = [
    'Thời điểm (giờ Việt Nam)',
    'Nguồn',
    'Sự kiện',
    'Bước',
    'Người thực hiện',
    'Vai trò',
    'Đơn vị',
    'Số thứ tự',
    'Văn bản ban hành',
    'Mã băm sự kiện',
    'Mã băm sự kiện trước',
  ];
  const rows = report.timeline.map((entry) => [
    vietnamTime(entry.at),
    entry.source === 'case' ? 'Hồ sơ' : `Quy trình (${entry.workflow})`,
    historyEventLabel(entry.type),
    entry.label ?? entry.step ?? '',
    ...actorText(entry.actor),
    entry.seq,
    (entry.documents ?? []).map((d) => `${d.number} (${d.sha256})`).join('; '),
    entry.hash,
    entry.prevHash,
  ]);
  const summary = [
    ['Mã hồ sơ', report.record.caseId],
    ['Kiểm tra chuỗi băm', verdictText(report.verdict)],
    ['Người xuất', `${report.exportedBy.userId} (${report.exportedBy.role})`],
    ['Thời điểm xuất', vietnamTime(report.exportedAt.toISOString())],
  ];
  const lines = [...summary, [], header, ...rows].map((row) => row.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function historyPdf(report: HistoryReport): Promise<Uint8Array> {
  const { record, verdict } = report;
  const exportedOn = vietnamDate(report.exportedAt);
  const unit = units.get(report.exportedBy.unitId)?.name ?? report.exportedBy.unitId;
  const model: DocumentModel = {
    kind: 'historyReport',
    issuer: { name: unit },
    place: 'Lai Châu',
    date: exportedOn,
    title: 'Báo cáo',
    summary: 'Lịch sử xử lý hồ sơ đề nghị áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc',
    body: [
      fields([
        ['Mã hồ sơ', record.caseId],
        ['Người bị đề nghị', `${record.file.person.fullName}, số định danh ${record.file.person.citizenId}`],
        ['Giai đoạn hiện tại', record.stage],
        ['Phiên bản hồ sơ', String(record.version)],
        ['Mã băm sự kiện cuối', record.lastEventHash ?? ''],
      ]),
      paragraph([bold('Kiểm tra tính toàn vẹn: '), span(verdictText(verdict))]),
      heading('DIỄN BIẾN'),
      ...report.timeline.map((entry) => {
        const who = entry.actor?.kind === 'person' ? ` — ${entry.actor.userId} (${entry.actor.role})` : '';
        const what = entry.label ?? entry.step ?? '';
        const source = entry.source === 'case' ? `#${entry.seq}` : `[${entry.workflow}]`;
        const documents = (entry.documents ?? []).map((d) => ` Ban hành văn bản số ${d.number}.`).join('');
        return paragraph(
          [
            bold(`${vietnamTime(entry.at)} ${source} `),
            span(`${historyEventLabel(entry.type)}${what ? `: ${what}` : ''}${who}.${documents}`),
          ],
          { align: 'left', indent: false },
        );
      }),
    ],
    signatures: [{ title: 'Người xuất báo cáo', name: report.exportedBy.name }],
    recipients: ['Lưu: hồ sơ thanh tra'],
  };
  return renderDocument(model);
}
