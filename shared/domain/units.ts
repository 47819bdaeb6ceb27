import type { IsoDate } from './dates';

/**
 * The unit directory: communes, the district bodies that review and decide their files, and the
 * provincial centre. Demo data for Lai Châu province (profile 2022: district LĐTBXH office and
 * district court, DOMAIN.md "Actors"). Issue-level work on the full hierarchy extends this.
 */
export type UnitKind =
  | 'province'
  | 'district'
  | 'commune'
  | 'labourOffice'
  | 'court'
  | 'procuracy'
  | 'centre';

export interface Unit {
  id: string;
  kind: UnitKind;
  name: string;
  parentId?: string;
  /**
   * Later names of the same body after the 2025 reorganisation (LEGAL-BRIEF.md §6): from that
   * date the unit plays its role under the new name. Demo data; the real successors are per province.
   */
  renamed?: { from: IsoDate; name: string }[];
}

/** The bodies that act on a case filed in a commune. */
export interface CaseRouting {
  filing: string;
  review: string;
  court: string;
  centre: string;
  supervision: string;
}

const unitList: Unit[] = [
  { id: 'tinh-lai-chau', kind: 'province', name: 'Tỉnh Lai Châu' },
  { id: 'tp-lai-chau', kind: 'district', name: 'Thành phố Lai Châu', parentId: 'tinh-lai-chau' },
  { id: 'p-dong-phong', kind: 'commune', name: 'Phường Đông Phong', parentId: 'tp-lai-chau' },
  { id: 'p-tan-phong', kind: 'commune', name: 'Phường Tân Phong', parentId: 'tp-lai-chau' },
  { id: 'x-san-thang', kind: 'commune', name: 'Xã San Thàng', parentId: 'tp-lai-chau' },
  {
    id: 'ldtbxh-tp-lai-chau',
    kind: 'labourOffice',
    name: 'Phòng Lao động - Thương binh và Xã hội thành phố Lai Châu',
    parentId: 'tp-lai-chau',
    renamed: [
      { from: '2025-03-01', name: 'Phòng Cảnh sát điều tra tội phạm về ma túy Công an tỉnh Lai Châu' },
    ],
  },
  {
    id: 'tand-tp-lai-chau',
    kind: 'court',
    name: 'Tòa án nhân dân thành phố Lai Châu',
    parentId: 'tp-lai-chau',
    renamed: [{ from: '2025-07-01', name: 'Tòa án nhân dân khu vực 1 - Lai Châu' }],
  },
  {
    id: 'vks-tp-lai-chau',
    kind: 'procuracy',
    name: 'Viện kiểm sát nhân dân thành phố Lai Châu',
    parentId: 'tp-lai-chau',
  },
  { id: 'h-tam-duong', kind: 'district', name: 'Huyện Tam Đường', parentId: 'tinh-lai-chau' },
  { id: 'tt-tam-duong', kind: 'commune', name: 'Thị trấn Tam Đường', parentId: 'h-tam-duong' },
  {
    id: 'ldtbxh-tam-duong',
    kind: 'labourOffice',
    name: 'Phòng Lao động - Thương binh và Xã hội huyện Tam Đường',
    parentId: 'h-tam-duong',
    renamed: [
      { from: '2025-03-01', name: 'Phòng Cảnh sát điều tra tội phạm về ma túy Công an tỉnh Lai Châu' },
    ],
  },
  {
    id: 'tand-tam-duong',
    kind: 'court',
    name: 'Tòa án nhân dân huyện Tam Đường',
    parentId: 'h-tam-duong',
    renamed: [{ from: '2025-07-01', name: 'Tòa án nhân dân khu vực 2 - Lai Châu' }],
  },
  {
    id: 'vks-tam-duong',
    kind: 'procuracy',
    name: 'Viện kiểm sát nhân dân huyện Tam Đường',
    parentId: 'h-tam-duong',
  },
  {
    id: 'cscn-lai-chau',
    kind: 'centre',
    name: 'Cơ sở cai nghiện ma túy tỉnh Lai Châu',
    parentId: 'tinh-lai-chau',
    renamed: [{ from: '2025-03-01', name: 'Cơ sở cai nghiện ma túy tỉnh Lai Châu (Công an tỉnh Lai Châu)' }],
  },
];

export const units: ReadonlyMap<string, Unit> = new Map(unitList.map((u) => [u.id, u]));

export const isCommune = (unitId: string): boolean => units.get(unitId)?.kind === 'commune';

const childOf = (parentId: string | undefined, kind: UnitKind): Unit | undefined =>
  unitList.find((u) => u.parentId === parentId && u.kind === kind);

/**
 * The court whose proceedings a procuracy supervises: the one of the same area (the district
 * procuracy and the district court).
 */
export function courtSupervisedBy(procuracyId: string): string | undefined {
  const procuracy = units.get(procuracyId);
  if (procuracy?.kind !== 'procuracy') return undefined;
  return childOf(procuracy.parentId, 'court')?.id;
}

/** The unit that supervises this one (district over commune and district offices, province over district). */
export const supervisingUnitOf = (unitId: string): string | undefined => units.get(unitId)?.parentId;

/** Which bodies handle a file opened in this commune; undefined when the commune is unknown. */
export function routeCase(communeId: string): CaseRouting | undefined {
  const commune = units.get(communeId);
  if (commune?.kind !== 'commune') return undefined;
  const district = units.get(commune.parentId ?? '');
  const review = childOf(district?.id, 'labourOffice');
  const court = childOf(district?.id, 'court');
  const centre = childOf(district?.parentId, 'centre');
  if (!review || !court || !centre) return undefined;
  return {
    filing: commune.id,
    review: review.id,
    court: court.id,
    centre: centre.id,
    supervision: commune.id,
  };
}

/** The unit's name on a date: its latest renaming on or before that day. */
export function unitNameOn(unitId: string, date: IsoDate): string | undefined {
  const unit = units.get(unitId);
  if (!unit) return undefined;
  const renamed = (unit.renamed ?? []).filter((r) => r.from <= date).at(-1);
  return renamed?.name ?? unit.name;
}
