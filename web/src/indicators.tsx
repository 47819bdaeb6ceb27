import { useEffect, useRef, useState } from 'preact/hooks';
import { flowNames, indicatorLabels, stageLabels } from '#shared/domain/labels';
import { mayListUnit } from '#shared/domain/policy';
import type { Role } from '#shared/domain/roles';
import { units } from '#shared/domain/units';
import { formatDate, openFile } from './api';
import type { BarSeries } from './charts';
import { useGet, useToday } from './hooks';
import { outcomeLabels } from './labels';

// biome-ignore lint/suspicious/noExplicitAny: the report is shown field by field.
type Report = any;

const halves = [
  { value: '', label: 'Cả năm' },
  { value: '-H1', label: '6 tháng đầu năm' },
  { value: '-H2', label: '6 tháng cuối năm' },
];

const number = (value: number | null | undefined) =>
  value === null || value === undefined ? '—' : value.toLocaleString('vi-VN');
const monthLabel = (month: string) => `${month.slice(5)}/${month.slice(0, 4)}`;

/** A bar chart drawn by Chart.js, which is fetched only when the first chart is shown. */
function BarChart(props: { title: string; labels: string[]; series: BarSeries[]; horizontal?: boolean }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [failed, setFailed] = useState(false);
  const key = JSON.stringify([props.labels, props.series]);
  useEffect(() => {
    let remove: (() => void) | undefined;
    let cancelled = false;
    import('./charts').then(
      ({ drawBars }) => {
        if (!cancelled && canvas.current) {
          remove = drawBars(canvas.current, props.labels, props.series, { horizontal: props.horizontal });
        }
      },
      () => setFailed(true),
    );
    return () => {
      cancelled = true;
      remove?.();
    };
  }, [key]);
  const height = props.horizontal ? Math.max(8, props.labels.length * 2.2) : 16;
  return (
    <figure class="chart">
      <figcaption>{props.title}</figcaption>
      {failed ? (
        <p class="error">Không tải được biểu đồ; số liệu có trong bảng.</p>
      ) : (
        <div style={{ height: `${height}rem`, position: 'relative' }}>
          {/* The same figures are in the tables beside the chart, for screen readers. */}
          <canvas ref={canvas} role="img" aria-label={props.title} />
        </div>
      )}
    </figure>
  );
}

function Progress(props: { label: string; value: number | null; target: number | null; unit?: string }) {
  const share =
    props.value !== null && props.target ? Math.min(100, (100 * props.value) / props.target) : undefined;
  return (
    <div class="kpi">
      <span class="kpi-label">{props.label}</span>
      <strong>
        {number(props.value)}
        {props.unit}
        {props.target !== null && (
          <span class="kpi-target">
            {' '}
            / kế hoạch {number(props.target)}
            {props.unit}
          </span>
        )}
      </strong>
      {share !== undefined && (
        <progress max={100} value={share} aria-label={`${props.label}: ${Math.round(share)}% kế hoạch`} />
      )}
    </div>
  );
}

/** The plans' indicators of a unit for a year or a half-year: figures, charts, CSV and PDF. */
export function Indicators(props: { claims: Record<string, unknown> }) {
  const role = (((props.claims['cognito:groups'] as string[]) ?? [])[0] ?? 'police') as Role;
  const actor = {
    userId: String(props.claims.sub),
    name: String(props.claims.name ?? ''),
    role,
    unitId: String(props.claims['custom:unit'] ?? ''),
  };
  const choices = [...units.values()].filter((u) => mayListUnit(actor, u.id));
  const today = useToday();
  const [unit, setUnit] = useState(actor.unitId);
  const [year, setYear] = useState<string | undefined>();
  const [half, setHalf] = useState<string | undefined>();
  const shownYear = year ?? today?.slice(0, 4);
  const shownHalf = half ?? (today ? (Number(today.slice(5, 7)) <= 6 ? '-H1' : '-H2') : '');
  const path = shownYear ? `/units/${unit}/indicators?period=${shownYear}${shownHalf}` : undefined;
  const data = useGet<Report>(path);
  const report = data.data;
  const thisYear = Number(today?.slice(0, 4) ?? new Date().getFullYear());
  const years = Array.from({ length: thisYear - 2022 + 2 }, (_, i) => String(2022 + i));
  const fileName = `chi-tieu-${unit}-${shownYear}${shownHalf}`;
  return (
    <section>
      <h1>Chỉ tiêu kế hoạch</h1>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          Đơn vị
          <select value={unit} onChange={(e) => setUnit(e.currentTarget.value)}>
            {choices.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Năm
          <select value={shownYear} onChange={(e) => setYear(e.currentTarget.value)}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label>
          Kỳ báo cáo
          <select value={shownHalf} onChange={(e) => setHalf(e.currentTarget.value)}>
            {halves.map((h) => (
              <option key={h.value} value={h.value}>
                {h.label}
              </option>
            ))}
          </select>
        </label>
      </form>
      {data.error && <p class="error">{data.error}</p>}
      {report && path && (
        <>
          <p>
            <strong>{report.unitName}</strong>, từ {formatDate(report.from)} đến {formatDate(report.to)}.{' '}
            <button type="button" onClick={() => openFile(`${path}&format=csv`, `${fileName}.csv`)}>
              Xuất CSV
            </button>{' '}
            <button type="button" onClick={() => openFile(`${path}&format=pdf`, `${fileName}.pdf`)}>
              Xuất PDF
            </button>
          </p>
          <div class="kpis">
            <Progress
              label="Đưa vào cơ sở cai nghiện bắt buộc"
              value={report.indicators.sentToTreatment}
              target={report.targets.sentToTreatment}
            />
            <Progress
              label="Người trở về được quản lý sau cai nghiện"
              value={report.indicators.supervisionCoverage}
              target={report.targets.supervisionCoverage}
              unit="%"
            />
            <Progress
              label="Đang quản lý sau cai nghiện"
              value={report.indicators.underSupervision}
              target={null}
            />
            <Progress label="Bước xử lý quá hạn" value={report.indicators.overdueSteps} target={null} />
          </div>
          <div class="report">
            <table class="list" data-testid="indicators">
              <caption>Kết quả trong kỳ</caption>
              <thead>
                <tr>
                  <th scope="col">Chỉ tiêu</th>
                  <th scope="col">Kết quả</th>
                  <th scope="col">Kế hoạch năm</th>
                </tr>
              </thead>
              <tbody>
                {flowNames.map((name) => (
                  <tr key={name} data-indicator={name}>
                    <th scope="row">{indicatorLabels[name]}</th>
                    <td class="num">{number(report.indicators[name])}</td>
                    <td class="num">
                      {name === 'sentToTreatment' ? number(report.targets.sentToTreatment) : ''}
                    </td>
                  </tr>
                ))}
                <tr data-indicator="underSupervision">
                  <th scope="row">{indicatorLabels.underSupervision}</th>
                  <td class="num">{number(report.indicators.underSupervision)}</td>
                  <td />
                </tr>
                <tr data-indicator="supervisionCoverage">
                  <th scope="row">{indicatorLabels.supervisionCoverage}</th>
                  <td class="num">{number(report.indicators.supervisionCoverage)}</td>
                  <td class="num">{number(report.targets.supervisionCoverage)}</td>
                </tr>
              </tbody>
            </table>
            <BarChart
              title="Theo tháng"
              labels={report.byMonth.map((m: { month: string }) => monthLabel(m.month))}
              series={[
                {
                  label: 'Hồ sơ đã lập',
                  values: report.byMonth.map((m: Report) => m.filesCompiled),
                  color: '#0b4f8a',
                },
                {
                  label: 'Đưa vào cơ sở',
                  values: report.byMonth.map((m: Report) => m.sentToTreatment),
                  color: '#c05a00',
                },
                { label: 'Trở về', values: report.byMonth.map((m: Report) => m.released), color: '#2e7d32' },
                {
                  label: 'Tái nghiện',
                  values: report.byMonth.map((m: Report) => m.relapses),
                  color: '#8e24aa',
                },
              ]}
            />
          </div>
          <div class="report">
            <table class="list" data-testid="stages">
              <caption>Hồ sơ theo giai đoạn (hiện tại)</caption>
              <thead>
                <tr>
                  <th scope="col">Giai đoạn</th>
                  <th scope="col">Số hồ sơ</th>
                </tr>
              </thead>
              <tbody>
                {Object.entries(report.indicators.casesByStage).map(([stage, count]) => (
                  <tr key={stage} data-stage={stage}>
                    <th scope="row">{(stageLabels as Record<string, string>)[stage] ?? stage}</th>
                    <td class="num">{number(count as number)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <BarChart
              title="Hồ sơ theo giai đoạn"
              horizontal
              labels={Object.keys(report.indicators.casesByStage).map(
                (stage) => (stageLabels as Record<string, string>)[stage] ?? stage,
              )}
              series={[
                {
                  label: 'Số hồ sơ',
                  values: Object.values(report.indicators.casesByStage) as number[],
                  color: '#0b4f8a',
                },
              ]}
            />
          </div>
          <table class="list" data-testid="step-times">
            <caption>Thời gian xử lý trung bình của từng bước (ngày)</caption>
            <thead>
              <tr>
                <th scope="col">Bước</th>
                <th scope="col">Số lượt</th>
                <th scope="col">Trung bình (ngày)</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(report.indicators.stepTimes).map(([action, time]: [string, Report]) => (
                <tr key={action}>
                  <th scope="row">{time.label}</th>
                  <td class="num">{number(time.count)}</td>
                  <td class="num">{number(time.averageDays)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {Object.keys(report.indicators.closedByOutcome).length > 0 && (
            <table class="list" data-testid="closed">
              <caption>Hồ sơ kết thúc trong kỳ</caption>
              <thead>
                <tr>
                  <th scope="col">Lý do</th>
                  <th scope="col">Số hồ sơ</th>
                </tr>
              </thead>
              <tbody>
                {Object.entries(report.indicators.closedByOutcome).map(([outcome, count]) => (
                  <tr key={outcome}>
                    <th scope="row">{(outcomeLabels as Record<string, string>)[outcome] ?? outcome}</th>
                    <td class="num">{number(count as number)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
