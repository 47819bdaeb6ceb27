import * as z from 'zod';
import type { AdjustableClock } from '#shared/clock';
import { roleLabels } from '#shared/domain/roles';
import { units } from '#shared/domain/units';
import { parseOrThrow } from '#shared/domain/validation';
import { ApprovalError } from '#shared/errors';
import type { LocalRoute } from './api-server';
import { demoUsers, type LocalIdentity } from './identity';

const signInBody = z.object({ userId: z.string().min(1) }).strict();
const clockBody = z
  .object({
    days: z.number().int().min(0).max(3660).optional(),
    hours: z
      .number()
      .int()
      .min(0)
      .max(24 * 3660)
      .optional(),
    minutes: z.number().int().min(0).optional(),
  })
  .strict()
  .refine((v) => (v.days ?? 0) + (v.hours ?? 0) + (v.minutes ?? 0) > 0, {
    path: ['days'],
    error: 'cần ít nhất một trong days, hours, minutes lớn hơn 0',
  });

/** Routes that exist only in the local runtime: demo sign-in and the movable clock. */
export function localRoutes(deps: {
  identity: LocalIdentity;
  clock: AdjustableClock;
  advanceClock(ms: number): Promise<void>;
}): Record<string, LocalRoute> {
  const guarded =
    (route: LocalRoute): LocalRoute =>
    async (request) => {
      try {
        return await route(request);
      } catch (error) {
        if (error instanceof ApprovalError) {
          return {
            status: error.status,
            contentType: 'application/problem+json; charset=utf-8',
            body: { title: error.title, status: error.status, detail: error.message, ...error.details },
          };
        }
        throw error;
      }
    };
  const clockState = () => ({ now: deps.clock.now().toISOString(), offsetMs: deps.clock.offset });

  return {
    'GET /': async () => ({ status: 200, contentType: 'text/html; charset=utf-8', body: landingPage() }),
    'GET /config.json': async () => ({ status: 200, body: { mode: 'local', apiUrl: '' } }),
    'GET /local/users': async () => ({
      status: 200,
      body: demoUsers.map((u) => ({
        ...u,
        roleLabel: roleLabels[u.role],
        unitName: units.get(u.unitId)?.name,
      })),
    }),
    'POST /local/sign-in': guarded(async ({ body }) => {
      const { userId } = parseOrThrow(signInBody, body);
      const signedIn = await deps.identity.signIn(userId);
      if (!signedIn) {
        return {
          status: 404,
          body: { title: 'Not found', status: 404, detail: `Không có người dùng ${userId}.` },
        };
      }
      return { status: 200, body: signedIn };
    }),
    'GET /local/clock': async () => ({ status: 200, body: clockState() }),
    'POST /local/clock': guarded(async ({ body }) => {
      const { days = 0, hours = 0, minutes = 0 } = parseOrThrow(clockBody, body);
      await deps.advanceClock(((days * 24 + hours) * 60 + minutes) * 60_000);
      return { status: 200, body: clockState() };
    }),
  };
}

const landingPage = (): string => `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Hồ sơ cai nghiện bắt buộc — chạy cục bộ</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; line-height: 1.5">
<h1>Hồ sơ đưa vào cơ sở cai nghiện bắt buộc</h1>
<p>Hệ thống đang chạy cục bộ. Giao diện web sẽ có ở đây; hiện có:</p>
<ul>
<li><a href="/openapi.json">/openapi.json</a> — mô tả API</li>
<li><a href="/local/users">/local/users</a> — người dùng mẫu (đăng nhập: <code>POST /local/sign-in</code>)</li>
<li><a href="/local/clock">/local/clock</a> — đồng hồ cục bộ (tua nhanh: <code>POST /local/clock</code>)</li>
<li><a href="/health">/health</a></li>
</ul></body></html>`;
