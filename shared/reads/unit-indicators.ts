import { buildReport, type IndicatorReport, parsePeriod } from '../domain/indicators';
import { mayListUnit } from '../domain/policy';
import type { Actor } from '../domain/roles';
import { units } from '../domain/units';
import { ForbiddenError, NotFoundError } from '../errors';
import type { ReadDeps } from './deps';

/**
 * A unit's indicators for a year or half-year, read from the counters every transition keeps (a
 * few queries, never a scan of cases). Officers read their own unit; overseers any unit within theirs.
 */
export async function unitIndicators(
  { store }: Pick<ReadDeps, 'store'>,
  actor: Actor,
  unitId: string,
  period: string,
): Promise<IndicatorReport> {
  if (!units.has(unitId)) throw new NotFoundError(`Không có đơn vị ${unitId}.`);
  if (!mayListUnit(actor, unitId)) {
    throw new ForbiddenError(`Không được xem chỉ tiêu của đơn vị ${unitId}.`, {
      unit: actor.unitId,
      requested: unitId,
    });
  }
  const reportingPeriod = parsePeriod(period);
  const [totals, targets] = await Promise.all([
    store.readCounters(unitId, reportingPeriod.months[0] ?? '', reportingPeriod.months.at(-1) ?? ''),
    store.getTargets(unitId, reportingPeriod.year),
  ]);
  return buildReport(unitId, reportingPeriod, totals, targets);
}
