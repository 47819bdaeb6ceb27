import { describe, expect, it } from 'vitest';
import { nameSearchItems } from '#shared/db/keys';
import type { CaseEvent, CaseRecord, PendingTask } from '#shared/domain/case';
import { indicatorChange, parsePeriod, reportingUnits } from '#shared/domain/indicators';
import { foldName, nameSearchTerms } from '#shared/domain/name-search';

const record = (overrides: Partial<CaseRecord> = {}) =>
  ({
    caseId: 'c1',
    version: 2,
    stage: 'NOTIFIED',
    routing: { filing: 'p-dong-phong', review: 'x', court: 'x', centre: 'x', supervision: 'p-dong-phong' },
    file: { person: { fullName: 'Nguyễn Văn Đức', citizenId: '012090000001', dateOfBirth: '1990-01-01' } },
    ...overrides,
  }) as CaseRecord;
const event = (overrides: Partial<CaseEvent> = {}): CaseEvent => ({
  caseId: 'c1',
  seq: 3,
  type: 'actionPerformed',
  at: '2026-06-30T18:00:00.000Z', // 1 July in Vietnam
  actor: { kind: 'system' },
  ...overrides,
});

describe('indicator counters', () => {
  it('counts a new file for the commune, its district and the province, in the Vietnam month', () => {
    const change = indicatorChange(undefined, record(), event({ type: 'caseOpened' }));
    expect(change).toEqual({
      unitIds: ['p-dong-phong', 'tp-lai-chau', 'tinh-lai-chau'],
      month: '2026-07',
      flows: { filesCompiled: 1 },
      gauges: { stage_NOTIFIED: 1 },
    });
  });

  it('moves the stage gauge and times the performed step in days', () => {
    const task = { taskId: 't1', action: 'submitFile', openedAt: '2026-06-25T01:00:00.000Z' } as PendingTask;
    const change = indicatorChange(
      { record: record(), tasks: [task] },
      record({ stage: 'UNDER_REVIEW' }),
      event({ action: 'submitFile' }),
      ['t1'],
    );
    expect(change?.flows).toEqual({ stepDays_submitFile: 6, stepCount_submitFile: 1 });
    expect(change?.gauges).toEqual({ stage_NOTIFIED: -1, stage_UNDER_REVIEW: 1 });
  });

  it('moves nothing when only a task opens', () => {
    expect(
      indicatorChange({ record: record(), tasks: [] }, record(), event({ type: 'taskOpened' })),
    ).toBeUndefined();
  });

  it('counts admissions, releases, relapses and people taken off the list once', () => {
    const before = record({ stage: 'AWAITING_ADMISSION' });
    expect(
      indicatorChange(
        { record: before, tasks: [] },
        record({ stage: 'IN_TREATMENT', admittedOn: '2026-07-01' }),
        event(),
      )?.flows,
    ).toEqual({ sentToTreatment: 1 });
    const supervised = record({ stage: 'UNDER_SUPERVISION', releasedOn: '2026-07-01' });
    expect(
      indicatorChange({ record: record({ stage: 'IN_TREATMENT' }), tasks: [] }, supervised, event())?.flows,
    ).toEqual({
      released: 1,
      supervisionBegun: 1,
    });
    const completed = record({ stage: 'CLOSED', outcome: 'completed', releasedOn: '2026-07-01' });
    expect(indicatorChange({ record: supervised, tasks: [] }, completed, event())?.flows).toEqual({
      closed_completed: 1,
      removedFromList: 1,
    });
    const relapsed = record({ stage: 'CLOSED', outcome: 'relapsed', releasedOn: '2026-07-01' });
    expect(indicatorChange({ record: supervised, tasks: [] }, relapsed, event())?.flows).toEqual({
      closed_relapsed: 1,
      relapses: 1,
    });
  });

  it('reads periods as years and halves', () => {
    expect(parsePeriod('2026-H1')).toMatchObject({ from: '2026-01-01', to: '2026-06-30', year: 2026 });
    expect(parsePeriod('2026')).toMatchObject({ from: '2026-01-01', to: '2026-12-31' });
    expect(parsePeriod('2026-H2').months).toEqual([
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
    ]);
    expect(reportingUnits('tt-tam-duong')).toEqual(['tt-tam-duong', 'h-tam-duong', 'tinh-lai-chau']);
  });
});

describe('name search', () => {
  it('folds case and Vietnamese diacritics, đ included', () => {
    expect(foldName('  NGUYỄN  Văn Đức ')).toBe('nguyen van duc');
    expect(foldName('Lò Thị Hương')).toBe(foldName('lo thi huong'));
  });

  it('indexes the whole name and each later word, in the filing commune', () => {
    expect(nameSearchTerms('Nguyễn Văn Đức')).toEqual(['nguyen van duc', 'van', 'duc']);
    expect(nameSearchItems(record()).map((item) => [item.PK, item.SK])).toEqual([
      ['NAMES#p-dong-phong', 'nguyen van duc#c1'],
      ['NAMES#p-dong-phong', 'van#c1'],
      ['NAMES#p-dong-phong', 'duc#c1'],
    ]);
  });
});
