import { PutCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import {
  type CounterTotals,
  type IndicatorChange,
  type Targets,
  targetsSchema,
  type UnitTargets,
} from '../domain/indicators';
import type { IndicatorCounters } from '../domain/ports';
import { type CaseTable, itemFamily } from './case-table';
import type { CaseTransaction, Contention } from './case-transaction';
import {
  counterPartition,
  counterShard,
  GAUGE_COUNTER_PREFIX,
  gaugeCounterKey,
  MONTH_COUNTER_PREFIX,
  monthCounterKey,
  targetsKey,
} from './keys';

/** A shard of a unit's counters (`IND#unit / M#month#shard` or `NOW#shard`): attribute = counter. */
const counterShards = itemFamily('indicator counter', z.record(z.string(), z.number()));

/** A unit's targets for a year (`TARGETS#unit / year`). */
const targets = itemFamily<UnitTargets>(
  'targets',
  z.looseObject({
    ...targetsSchema.shape,
    unitId: z.string(),
    year: z.number(),
    updatedAt: z.string(),
    updatedBy: z.string(),
  }),
);

export class DynamoIndicatorCounters implements IndicatorCounters {
  constructor(private readonly table: CaseTable) {}

  async readCounters(unitId: string, fromMonth: string, toMonth: string): Promise<CounterTotals> {
    const byMonth = new Map<string, Record<string, number>>();
    const gauges: Record<string, number> = {};
    const monthItems = await this.table.queryAll({
      KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
      ExpressionAttributeValues: {
        ':pk': counterPartition(unitId),
        ':from': `${MONTH_COUNTER_PREFIX}${fromMonth}`,
        ':to': `${MONTH_COUNTER_PREFIX}${toMonth}#~`,
      },
    });
    const gaugeItems = await this.table.queryAll({
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :now)',
      ExpressionAttributeValues: { ':pk': counterPartition(unitId), ':now': GAUGE_COUNTER_PREFIX },
    });
    const addAll = (into: Record<string, number>, item: Record<string, unknown>) => {
      for (const [name, value] of Object.entries(counterShards.read(item)))
        into[name] = (into[name] ?? 0) + value;
    };
    for (const item of monthItems) {
      const month = String(item.SK).slice(MONTH_COUNTER_PREFIX.length, MONTH_COUNTER_PREFIX.length + 7);
      const values = byMonth.get(month) ?? {};
      addAll(values, item);
      byMonth.set(month, values);
    }
    for (const item of gaugeItems) addAll(gauges, item);
    return { byMonth, gauges };
  }

  async getTargets(unitId: string, year: number): Promise<UnitTargets | undefined> {
    return this.table.get(targets, targetsKey(unitId, year));
  }

  async putTargets(
    unitId: string,
    year: number,
    set: Targets,
    by: { at: string; userId: string },
  ): Promise<UnitTargets> {
    const item: UnitTargets = { unitId, year, ...set, updatedAt: by.at, updatedBy: by.userId };
    await this.table.client.send(
      new PutCommand({
        TableName: this.table.name,
        Item: { ...targetsKey(unitId, year), entity: 'targets', ...item },
      }),
    );
    return item;
  }
}

/** ADDs of a change's counters, to the case's shard of each reporting unit's items. */
export function moveIndicators(
  tx: CaseTransaction,
  caseId: string,
  change: IndicatorChange | undefined,
  contention: Contention,
): void {
  if (!change) return;
  const shard = counterShard(caseId);
  const add = (Key: Record<string, string>, values: Record<string, number>) => {
    const entries = Object.entries(values).filter(([, value]) => value !== 0);
    if (entries.length === 0) return;
    tx.update(
      {
        Key,
        UpdateExpression: `SET entity = :entity ADD ${entries.map((_, i) => `#c${i} :c${i}`).join(', ')}`,
        ExpressionAttributeNames: Object.fromEntries(entries.map(([name], i) => [`#c${i}`, name])),
        ExpressionAttributeValues: {
          ':entity': 'counter',
          ...Object.fromEntries(entries.map(([, value], i) => [`:c${i}`, value])),
        },
      },
      contention,
    );
  };
  for (const unitId of change.unitIds) {
    add(monthCounterKey(unitId, change.month, shard), change.flows);
    add(gaugeCounterKey(unitId, shard), change.gauges);
  }
}
