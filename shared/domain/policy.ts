import type { DocumentKind } from '../documents/templates/index';
import { ForbiddenError } from '../errors';
import type { CaseRecord } from './case';
import type { Actor, Role } from './roles';
import { courtSupervisedBy, units } from './units';

/**
 * Who may do what: the one policy every handler asks, deny by default. A request is checked as
 * role × action × how the actor's unit stands to the case's unit (the same unit, a unit above it,
 * or another). Every denial names what was missing; nothing changes on a denial.
 *
 * - Acting: the role the pending task names, or one its action's module adds (a judge for the
 *   court's steps, a procurator for a protest), in the very unit the task names. A unit above does
 *   not act for the one below (shared/pipeline/permissions.ts).
 * - Reading: officers read the cases their own unit handles; a judge those of their court; a
 *   procurator those of the court their procuracy supervises; auditors and administrators every
 *   case handled by a unit within theirs.
 */
export type UnitRelation = 'same' | 'parent' | 'other';

/** How a unit stands to another: itself, an ancestor of it, or unrelated. */
export function relationOf(actorUnit: string, caseUnit: string): UnitRelation {
  if (actorUnit === caseUnit) return 'same';
  for (let unit = units.get(caseUnit)?.parentId; unit; unit = units.get(unit)?.parentId) {
    if (unit === actorUnit) return 'parent';
  }
  return 'other';
}

const overseers: readonly Role[] = ['auditor', 'admin'];

/** Auditors and administrators read within their unit and act on nothing. */
export const isOverseer = (role: Role): boolean => overseers.includes(role);

const caseUnits = (record: Pick<CaseRecord, 'routing'>): string[] => Object.values(record.routing);

/** The unit a role acts from for a case's task: a procurator acts on the court their procuracy supervises. */
export const actingUnit = (actor: Actor): string | undefined =>
  actor.role === 'procurator' ? courtSupervisedBy(actor.unitId) : actor.unitId;

export function mayReadCase(actor: Actor, record: Pick<CaseRecord, 'routing'>): boolean {
  if (overseers.includes(actor.role)) {
    return caseUnits(record).some((unit) => relationOf(actor.unitId, unit) !== 'other');
  }
  if (actor.role === 'judge' || actor.role === 'procurator')
    return record.routing.court === actingUnit(actor);
  return caseUnits(record).includes(actor.unitId);
}

export function assertMayReadCase(actor: Actor, record: Pick<CaseRecord, 'routing'>): void {
  if (!mayReadCase(actor, record)) {
    throw new ForbiddenError('Đơn vị của bạn không xử lý hồ sơ này.', {
      unit: actor.unitId,
      caseUnits: caseUnits(record),
    });
  }
}

/** Listing a unit's cases: one's own unit, or, for auditors and administrators, any unit within theirs. */
export function mayListUnit(actor: Actor, unitId: string): boolean {
  const relation = relationOf(actor.unitId, unitId);
  if (overseers.includes(actor.role)) return relation !== 'other';
  return relation === 'same';
}

/**
 * A supervising unit's list of missed deadlines: the officers of the units under it (whose steps
 * it lists) and the auditors and administrators over it.
 */
export function assertMayListOverdue(actor: Actor, supervisingUnitId: string): void {
  const within = relationOf(supervisingUnitId, actor.unitId) !== 'other';
  const over = overseers.includes(actor.role) && relationOf(actor.unitId, supervisingUnitId) !== 'other';
  if (!within && !over) {
    throw new ForbiddenError(`Không được xem các bước quá hạn của đơn vị ${supervisingUnitId}.`, {
      unit: actor.unitId,
      requested: supervisingUnitId,
    });
  }
}

/** Opening a file: the police of the commune where the person lives (Decree 116/2021/NĐ-CP Art. 40). */
export function assertMayOpenCase(actor: Actor, communeId: string): void {
  if (actor.role !== 'police') {
    throw new ForbiddenError('Chỉ cán bộ Công an cấp xã được lập hồ sơ.', {
      requiredRole: 'police',
      role: actor.role,
    });
  }
  if (actor.unitId !== communeId) {
    throw new ForbiddenError(
      'Hồ sơ do Công an cấp xã nơi người đó cư trú lập (Nghị định 116/2021/NĐ-CP, Điều 40).',
      {
        requiredUnit: communeId,
        unit: actor.unitId,
      },
    );
  }
}

/** Who sees who read a case, and exports its history: auditors and administrators. */
export function assertMayAudit(actor: Actor): void {
  if (!overseers.includes(actor.role)) {
    throw new ForbiddenError('Chỉ thanh tra viên được xem nhật ký truy cập và xuất lịch sử hồ sơ.', {
      requiredRole: 'auditor',
      role: actor.role,
    });
  }
}

/**
 * The role that acts for the issuing body on each kind of document: the step's own role (and the
 * judge beside the court's clerk). Within a unit only that role answers for the document, so the
 * commune's aftercare supervisor does not correct the notice its police compiled for the
 * chairperson, nor the police the chairperson's aftercare decision.
 */
export const issuingRoles: Record<DocumentKind, readonly Role[]> = {
  fileCompilationNotice: ['police'],
  courtProposal: ['reviewer'],
  courtDecision: ['court', 'judge'],
  postponementDecision: ['court', 'judge'],
  exemptionDecision: ['court', 'judge'],
  reductionDecision: ['court', 'judge'],
  admissionRecord: ['centre'],
  releaseCertificate: ['centre'],
  aftercareDecision: ['supervisor'],
  aftercareCompletionCertificate: ['supervisor'],
};

/**
 * A document is corrected by the body that issued it, through the role that issues its kind;
 * never by an overseer, nor by another role of the same unit.
 */
export function assertMayCorrectDocument(
  actor: Actor,
  document: { issuerUnitId: string; kind: DocumentKind },
): void {
  if (actor.unitId !== document.issuerUnitId || overseers.includes(actor.role)) {
    throw new ForbiddenError('Chỉ cơ quan đã ban hành văn bản được đính chính văn bản đó.', {
      requiredUnit: document.issuerUnitId,
      unit: actor.unitId,
    });
  }
  const allowed = issuingRoles[document.kind];
  if (!allowed.includes(actor.role)) {
    throw new ForbiddenError('Vai trò của bạn không ban hành loại văn bản này nên không được đính chính.', {
      requiredRoles: allowed,
      role: actor.role,
    });
  }
}

/** The task lists (role and unit) where someone's work waits; each task is still checked with actionVerdict. */
export function inboxesOf(actor: Actor): { role: Role; unitId: string }[] {
  if (overseers.includes(actor.role)) return [];
  if (actor.role === 'judge') return [{ role: 'court', unitId: actor.unitId }];
  if (actor.role === 'procurator') {
    const court = courtSupervisedBy(actor.unitId);
    return court ? [{ role: 'court', unitId: court }] : [];
  }
  return [{ role: actor.role, unitId: actor.unitId }];
}
