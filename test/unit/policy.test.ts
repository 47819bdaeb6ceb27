import { describe, expect, it } from 'vitest';
import { documentKinds } from '#shared/documents/templates/index';
import type { CaseRecord } from '#shared/domain/case';
import {
  assertMayCorrectDocument,
  issuingRoles,
  mayListUnit,
  mayReadCase,
  relationOf,
} from '#shared/domain/policy';
import type { Role } from '#shared/domain/roles';
import { routeCase } from '#shared/domain/units';
import { pipelineActions } from '#shared/pipeline/actions/index';

const record = { routing: routeCase('p-dong-phong') } as CaseRecord;
const actor = (role: Role, unitId: string) => ({ userId: 'u', name: 'u', role, unitId });

describe('the read policy', () => {
  it('relates units: the same, an ancestor, or unrelated', () => {
    expect(relationOf('p-dong-phong', 'p-dong-phong')).toBe('same');
    expect(relationOf('tp-lai-chau', 'p-dong-phong')).toBe('parent');
    expect(relationOf('tinh-lai-chau', 'p-dong-phong')).toBe('parent');
    expect(relationOf('p-tan-phong', 'p-dong-phong')).toBe('other');
    expect(relationOf('p-dong-phong', 'tp-lai-chau')).toBe('other');
  });

  // Every role × unit relation to a case filed in Phường Đông Phong (same unit / parent unit / other unit).
  const cells: [Role, string, boolean][] = [
    ['police', 'p-dong-phong', true],
    ['police', 'tp-lai-chau', false],
    ['police', 'p-tan-phong', false],
    ['reviewer', 'ldtbxh-tp-lai-chau', true],
    ['reviewer', 'tp-lai-chau', false],
    ['reviewer', 'ldtbxh-tam-duong', false],
    ['court', 'tand-tp-lai-chau', true],
    ['court', 'tp-lai-chau', false],
    ['court', 'tand-tam-duong', false],
    ['centre', 'cscn-lai-chau', true],
    ['centre', 'tinh-lai-chau', false],
    ['supervisor', 'p-dong-phong', true],
    ['supervisor', 'tp-lai-chau', false],
    ['supervisor', 'tt-tam-duong', false],
    ['auditor', 'p-dong-phong', true],
    ['auditor', 'tinh-lai-chau', true],
    ['auditor', 'h-tam-duong', false],
    ['admin', 'tinh-lai-chau', true],
    ['admin', 'h-tam-duong', false],
  ];
  it.each(cells)('%s of %s may read the case: %s', (role, unitId, allowed) => {
    expect(mayReadCase(actor(role, unitId), record)).toBe(allowed);
  });

  it('lets officers list their own unit, auditors any unit within theirs', () => {
    expect(mayListUnit(actor('police', 'p-dong-phong'), 'p-dong-phong')).toBe(true);
    expect(mayListUnit(actor('police', 'p-dong-phong'), 'p-tan-phong')).toBe(false);
    expect(mayListUnit(actor('auditor', 'tinh-lai-chau'), 'p-tan-phong')).toBe(true);
    expect(mayListUnit(actor('auditor', 'h-tam-duong'), 'p-tan-phong')).toBe(false);
  });
});

describe('the correction policy', () => {
  const notice = { kind: 'fileCompilationNotice', issuerUnitId: 'p-dong-phong' } as const;
  const aftercare = { kind: 'aftercareDecision', issuerUnitId: 'p-dong-phong' } as const;
  const decision = { kind: 'courtDecision', issuerUnitId: 'tand-tp-lai-chau' } as const;

  it('lets the role that issues a kind of document correct it, in the issuing unit', () => {
    expect(() => assertMayCorrectDocument(actor('police', 'p-dong-phong'), notice)).not.toThrow();
    expect(() => assertMayCorrectDocument(actor('supervisor', 'p-dong-phong'), aftercare)).not.toThrow();
    expect(() => assertMayCorrectDocument(actor('judge', 'tand-tp-lai-chau'), decision)).not.toThrow();
    expect(() => assertMayCorrectDocument(actor('court', 'tand-tp-lai-chau'), decision)).not.toThrow();
  });

  it("refuses another role of the issuing unit with 403: the chairperson's notice is not the supervisor's", () => {
    expect(() => assertMayCorrectDocument(actor('supervisor', 'p-dong-phong'), notice)).toThrow(
      expect.objectContaining({ status: 403 }),
    );
    expect(() => assertMayCorrectDocument(actor('police', 'p-dong-phong'), aftercare)).toThrow(
      expect.objectContaining({ status: 403 }),
    );
  });

  it('refuses the same role in another unit, and overseers of the issuing unit', () => {
    expect(() => assertMayCorrectDocument(actor('police', 'p-tan-phong'), notice)).toThrow(
      expect.objectContaining({ status: 403 }),
    );
    expect(() => assertMayCorrectDocument(actor('auditor', 'p-dong-phong'), notice)).toThrow(
      expect.objectContaining({ status: 403 }),
    );
    expect(() => assertMayCorrectDocument(actor('admin', 'p-dong-phong'), notice)).toThrow(
      expect.objectContaining({ status: 403 }),
    );
  });

  it('names, for every kind, the roles of the steps that issue it', () => {
    expect(Object.keys(issuingRoles).sort()).toEqual([...documentKinds].sort());
    for (const action of Object.values(pipelineActions)) {
      for (const { kind } of action.documents ?? []) {
        expect(issuingRoles[kind]).toEqual(
          expect.arrayContaining([action.role, ...(action.alsoPerformedBy ?? [])]),
        );
      }
    }
  });
});
