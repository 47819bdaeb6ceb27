import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { jwtVerify, SignJWT } from 'jose';
import type { Role } from '#shared/domain/roles';

/**
 * Local sign-in: the seeded demo users, and JWTs carrying the same claims the Cognito user pool
 * issues in AWS (`sub`, `name`, `cognito:groups`, `custom:unit`).
 */
export interface DemoUser {
  userId: string;
  name: string;
  role: Role;
  unitId: string;
}

export const demoUsers: readonly DemoUser[] = [
  { userId: 'police-dong-phong', name: 'Nguyễn Văn An', role: 'police', unitId: 'p-dong-phong' },
  { userId: 'police-tan-phong', name: 'Lò Văn Sơn', role: 'police', unitId: 'p-tan-phong' },
  { userId: 'reviewer-tp-lai-chau', name: 'Trần Thị Bình', role: 'reviewer', unitId: 'ldtbxh-tp-lai-chau' },
  { userId: 'court-tp-lai-chau', name: 'Lê Văn Cường', role: 'court', unitId: 'tand-tp-lai-chau' },
  { userId: 'judge-tp-lai-chau', name: 'Nguyễn Thị Hạnh', role: 'judge', unitId: 'tand-tp-lai-chau' },
  {
    userId: 'procurator-tp-lai-chau',
    name: 'Đỗ Văn Khải',
    role: 'procurator',
    unitId: 'vks-tp-lai-chau',
  },
  { userId: 'centre-lai-chau', name: 'Phạm Thị Dung', role: 'centre', unitId: 'cscn-lai-chau' },
  { userId: 'supervisor-dong-phong', name: 'Hoàng Văn Em', role: 'supervisor', unitId: 'p-dong-phong' },
  { userId: 'auditor-lai-chau', name: 'Vũ Thị Giang', role: 'auditor', unitId: 'tinh-lai-chau' },
  { userId: 'admin-lai-chau', name: 'Đỗ Văn Hải', role: 'admin', unitId: 'tinh-lai-chau' },
];

const ISSUER = 'local-runtime';
const AUDIENCE = 'compulsory-treatment-api';

export class LocalIdentity {
  private readonly secret: Uint8Array;

  /** With a path, the signing key survives restarts so issued tokens stay valid. */
  constructor(secretFile?: string) {
    if (secretFile && existsSync(secretFile)) {
      this.secret = Buffer.from(readFileSync(secretFile, 'utf8').trim(), 'base64url');
    } else {
      this.secret = randomBytes(32);
      if (secretFile) {
        mkdirSync(dirname(secretFile), { recursive: true });
        writeFileSync(secretFile, Buffer.from(this.secret).toString('base64url'), { mode: 0o600 });
      }
    }
  }

  async signIn(userId: string): Promise<{ token: string; user: DemoUser } | undefined> {
    const user = demoUsers.find((u) => u.userId === userId);
    if (!user) return undefined;
    return { token: await this.tokenFor(user), user };
  }

  /** A token for any user the local runtime vouches for (tests sign in users of every role and unit). */
  async tokenFor(user: DemoUser): Promise<string> {
    return new SignJWT({
      name: user.name,
      'cognito:groups': [user.role],
      'custom:unit': user.unitId,
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('12h')
      .sign(this.secret);
  }

  /** Verifies a bearer token as API Gateway's JWT authorizer would; undefined when invalid. */
  async verify(token: string): Promise<Record<string, unknown> | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.secret, { issuer: ISSUER, audience: AUDIENCE });
      return payload as Record<string, unknown>;
    } catch {
      return undefined;
    }
  }
}
