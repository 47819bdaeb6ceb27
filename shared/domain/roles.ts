/**
 * Roles are functional (DOMAIN.md "Actors"): each legal profile names the body that plays them.
 */
export const roles = [
  'police',
  'reviewer',
  'court',
  'judge',
  'procurator',
  'centre',
  'supervisor',
  'auditor',
  'admin',
] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  police: 'Cán bộ Công an cấp xã',
  reviewer: 'Cán bộ thẩm định (Phòng Lao động - Thương binh và Xã hội)',
  court: 'Thư ký Tòa án nhân dân',
  judge: 'Thẩm phán Tòa án nhân dân',
  procurator: 'Kiểm sát viên Viện kiểm sát nhân dân',
  centre: 'Cán bộ cơ sở cai nghiện bắt buộc',
  supervisor: 'Cán bộ quản lý sau cai nghiện (UBND cấp xã)',
  auditor: 'Thanh tra viên',
  admin: 'Quản trị hệ thống',
};

/**
 * Who may search cases by name or citizen ID: the officers who compile, review and decide files,
 * and auditors and administrators. The centre and the commune's supervisors work from their inbox
 * and the cases they hold, and search nobody.
 */
export const searchRoles: readonly Role[] = ['police', 'reviewer', 'court', 'auditor', 'admin'];

/** Who is acting: read only from verified token claims. */
export interface Actor {
  userId: string;
  name: string;
  role: Role;
  unitId: string;
}
