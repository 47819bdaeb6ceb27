import * as z from 'zod';
import { type ActionName, pipelineActions } from '#shared/pipeline/actions/index';
import { type Stage, stages } from '#shared/pipeline/stages';
import type { CaseEvent, CaseRecord, PendingTask } from './case';
import { daysBetween, type IsoDate, vietnamDate } from './dates';
import { type FlowName, flowNames } from './labels';
import { units } from './units';

/**
 * The plans' indicators (DOMAIN.md "What the seeds' plans measure"), kept as counters that each
 * case change moves in the same transaction; nothing is computed by reading cases.
 *
 * - Flows count what happened in a month (Vietnam time of the event), per filing commune and
 *   every unit above it, so a district or the province reads the sum of its communes.
 * - Gauges hold the current number of cases at each stage (+1 new stage, −1 old).
 *
 * "People sent to compulsory treatment" counts admissions at the centre (tiếp nhận, admittedOn):
 * the person actually entered treatment. Decisions to apply that took effect are counted apart
 * (`decisionsToApply`), since a decided person may be postponed, exempted or wanted.
 */
export { type FlowName, flowNames, indicatorLabels } from './labels';

/** Outcomes that take a person off the commune's list (completion, death, exemption, termination). */
const removingOutcomes = new Set<CaseRecord['outcome']>(['completed', 'deceased', 'exempted', 'terminated']);

/** What one case change adds to the counters. Attribute names are the counter names. */
export interface IndicatorChange {
  /** Units whose counters move: the filing commune and every unit above it. */
  unitIds: string[];
  /** YYYY-MM, in Vietnam time. */
  month: string;
  flows: Record<string, number>;
  gauges: Record<string, number>;
}

export const stageGauge = (stage: Stage) => `stage_${stage}`;
export const stepDaysCounter = (action: ActionName) => `stepDays_${action}`;
export const stepCountCounter = (action: ActionName) => `stepCount_${action}`;
export const closedCounter = (outcome: string) => `closed_${outcome}`;

/** The filing unit and its ancestors. */
export function reportingUnits(filingUnitId: string): string[] {
  const chain = [filingUnitId];
  for (let unit = units.get(filingUnitId)?.parentId; unit; unit = units.get(unit)?.parentId) chain.push(unit);
  return chain;
}

/**
 * The counters a change moves, from the case before (undefined for a new case) and after, the
 * event it records and the tasks it completes. Undefined when nothing moves (most task openings).
 */
export function indicatorChange(
  before: { record: CaseRecord; tasks: PendingTask[] } | undefined,
  after: CaseRecord,
  event: CaseEvent,
  completedTaskIds: readonly string[] = [],
): IndicatorChange | undefined {
  const old = before?.record;
  const flows: Record<string, number> = {};
  const gauges: Record<string, number> = {};
  const add = (into: Record<string, number>, name: string, by = 1) => {
    into[name] = (into[name] ?? 0) + by;
  };
  const today = vietnamDate(new Date(event.at));

  if (after.stage === 'NOTIFIED' && (!old || old.stage === 'DRAFT')) add(flows, 'filesCompiled');
  if (!old?.decisionEffectiveOn && after.decisionEffectiveOn && after.decision?.outcome === 'apply')
    add(flows, 'decisionsToApply');
  if (!old?.admittedOn && after.admittedOn) add(flows, 'sentToTreatment');
  if (event.type === 'deadlineMissed') add(flows, 'overdueSteps');
  if (!old?.releasedOn && after.releasedOn) add(flows, 'released');
  if (after.stage === 'UNDER_SUPERVISION' && old?.stage !== 'UNDER_SUPERVISION')
    add(flows, 'supervisionBegun');
  if (after.outcome === 'relapsed' && old?.outcome !== 'relapsed') add(flows, 'relapses');
  if (after.stage === 'CLOSED' && old?.stage !== 'CLOSED') {
    if (after.outcome) add(flows, closedCounter(after.outcome));
    if (removingOutcomes.has(after.outcome)) add(flows, 'removedFromList');
  }
  for (const taskId of completedTaskIds) {
    const task = before?.tasks.find((t) => t.taskId === taskId);
    if (!task) continue;
    add(
      flows,
      stepDaysCounter(task.action),
      Math.max(0, daysBetween(vietnamDate(new Date(task.openedAt)), today)),
    );
    add(flows, stepCountCounter(task.action));
  }
  if (old?.stage !== after.stage) {
    if (old) add(gauges, stageGauge(old.stage), -1);
    add(gauges, stageGauge(after.stage), 1);
  }
  if (Object.keys(flows).length === 0 && Object.keys(gauges).length === 0) return undefined;
  return { unitIds: reportingUnits(after.routing.filing), month: today.slice(0, 7), flows, gauges };
}

/** A reporting period: a year or one of its halves. */
export const periodSchema = z
  .string()
  .regex(/^\d{4}(-H[12])?$/, 'phải có dạng 2026, 2026-H1 hoặc 2026-H2')
  .describe('Kỳ báo cáo: năm (2026) hoặc 6 tháng (2026-H1, 2026-H2)');

export interface Period {
  period: string;
  year: number;
  from: IsoDate;
  to: IsoDate;
  months: string[];
}

export function parsePeriod(period: string): Period {
  const year = Number(period.slice(0, 4));
  const half = period.slice(5);
  const [first, last] = half === 'H1' ? [1, 6] : half === 'H2' ? [7, 12] : [1, 12];
  const months: string[] = [];
  for (let m = first; m <= last; m += 1) months.push(`${year}-${String(m).padStart(2, '0')}`);
  const lastDay = last === 6 ? '30' : '31';
  return { period, year, from: `${months[0]}-01`, to: `${months.at(-1)}-${lastDay}`, months };
}

export const targetsSchema = z
  .object({
    sentToTreatment: z
      .number()
      .int()
      .min(0)
      .max(100_000)
      .describe('Số người đưa vào cơ sở cai nghiện bắt buộc trong năm (chỉ tiêu)'),
    supervisionCoverage: z
      .number()
      .min(0)
      .max(100)
      .default(100)
      .describe('Tỷ lệ người trở về được quản lý sau cai nghiện (%), mặc định 100'),
  })
  .strict();
export type Targets = z.infer<typeof targetsSchema>;

export interface UnitTargets extends Targets {
  unitId: string;
  year: number;
  updatedAt: string;
  updatedBy: string;
}

/** Demo targets for the Lai Châu units (e.g. Lai Châu city: 10 people a year, DOMAIN.md). */
export const demoTargets: Record<string, Targets> = {
  'tinh-lai-chau': { sentToTreatment: 40, supervisionCoverage: 100 },
  'tp-lai-chau': { sentToTreatment: 10, supervisionCoverage: 100 },
  'h-tam-duong': { sentToTreatment: 8, supervisionCoverage: 100 },
  'p-dong-phong': { sentToTreatment: 4, supervisionCoverage: 100 },
  'p-tan-phong': { sentToTreatment: 3, supervisionCoverage: 100 },
  'x-san-thang': { sentToTreatment: 3, supervisionCoverage: 100 },
  'tt-tam-duong': { sentToTreatment: 4, supervisionCoverage: 100 },
};

/** Counter values as stored: flows by month, gauges now. */
export interface CounterTotals {
  byMonth: Map<string, Record<string, number>>;
  gauges: Record<string, number>;
}

export interface IndicatorReport {
  unitId: string;
  unitName: string;
  period: string;
  from: IsoDate;
  to: IsoDate;
  indicators: Record<FlowName, number> & {
    underSupervision: number;
    supervisionCoverage: number | null;
    casesByStage: Partial<Record<Stage, number>>;
    closedByOutcome: Record<string, number>;
    stepTimes: Partial<
      Record<ActionName, { label: string; count: number; totalDays: number; averageDays: number }>
    >;
  };
  targets: {
    year: number;
    sentToTreatment: number | null;
    supervisionCoverage: number | null;
    /** Share of the yearly target reached in the period (%). */
    sentToTreatmentProgress: number | null;
  };
  byMonth: ({ month: string } & Record<FlowName, number>)[];
}

const round1 = (value: number) => Math.round(value * 10) / 10;

export function buildReport(
  unitId: string,
  period: Period,
  totals: CounterTotals,
  targets: Targets | undefined,
): IndicatorReport {
  const sum: Record<string, number> = {};
  const byMonth = period.months.map((month) => {
    const values = totals.byMonth.get(month) ?? {};
    for (const [name, value] of Object.entries(values)) sum[name] = (sum[name] ?? 0) + value;
    return { month, ...Object.fromEntries(flowNames.map((name) => [name, values[name] ?? 0])) } as {
      month: string;
    } & Record<FlowName, number>;
  });
  const flows = Object.fromEntries(flowNames.map((name) => [name, sum[name] ?? 0])) as Record<
    FlowName,
    number
  >;
  const casesByStage: Partial<Record<Stage, number>> = {};
  for (const stage of stages) {
    const value = totals.gauges[stageGauge(stage)] ?? 0;
    if (value !== 0) casesByStage[stage] = value;
  }
  const stepTimes: IndicatorReport['indicators']['stepTimes'] = {};
  for (const action of Object.keys(pipelineActions) as ActionName[]) {
    const count = sum[stepCountCounter(action)] ?? 0;
    if (count === 0) continue;
    const totalDays = sum[stepDaysCounter(action)] ?? 0;
    stepTimes[action] = {
      label: pipelineActions[action].label,
      count,
      totalDays,
      averageDays: round1(totalDays / count),
    };
  }
  const closedByOutcome = Object.fromEntries(
    Object.entries(sum)
      .filter(([name]) => name.startsWith('closed_'))
      .map(([name, value]) => [name.slice('closed_'.length), value]),
  );
  return {
    unitId,
    unitName: units.get(unitId)?.name ?? unitId,
    period: period.period,
    from: period.from,
    to: period.to,
    indicators: {
      ...flows,
      underSupervision: totals.gauges[stageGauge('UNDER_SUPERVISION')] ?? 0,
      supervisionCoverage:
        flows.released > 0 ? round1((100 * flows.supervisionBegun) / flows.released) : null,
      casesByStage,
      closedByOutcome,
      stepTimes,
    },
    targets: {
      year: period.year,
      sentToTreatment: targets?.sentToTreatment ?? null,
      supervisionCoverage: targets?.supervisionCoverage ?? null,
      sentToTreatmentProgress:
        targets && targets.sentToTreatment > 0
          ? round1((100 * flows.sentToTreatment) / targets.sentToTreatment)
          : null,
    },
    byMonth,
  };
}
