import { type LocalRuntime, startLocalRuntime } from '../../infra/local/runtime';

export interface ApiResponse {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: responses are checked field by field in the tests.
  body: any;
}

/** A small HTTP client for the local API, signed in as the demo users. */
export class ApiClient {
  private readonly tokens = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  /** Signs in as a user the test made up (a role in a unit), with a token from the runtime's signer. */
  useToken(userId: string, token: string): void {
    this.tokens.set(userId, token);
  }

  async token(userId: string): Promise<string> {
    const cached = this.tokens.get(userId);
    if (cached) return cached;
    const response = await this.request('POST', '/local/sign-in', { body: { userId } });
    if (response.status !== 200) throw new Error(`sign-in of ${userId} failed: ${response.status}`);
    this.tokens.set(userId, response.body.token);
    return response.body.token;
  }

  async request(
    method: string,
    path: string,
    options: { as?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<ApiResponse> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.as) headers.authorization = `Bearer ${await this.token(options.as)}`;
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, headers: response.headers, body };
  }

  /** Today's date on the runtime's (movable) clock, in Vietnam. */
  async today(): Promise<string> {
    const clock = await this.request('GET', '/local/clock');
    return new Date(Date.parse(clock.body.now) + 7 * 60 * 60 * 1000).toISOString().slice(0, 10);
  }

  /** Polls the case until the workflow has opened `action` (or closed the case when action is 'CLOSED'). */
  waitFor(caseId: string, action: string, as: string): Promise<ApiResponse> {
    return this.waitUntil(caseId, as, (c) =>
      action === 'CLOSED'
        ? c.stage === 'CLOSED'
        : c.pendingTasks?.some((t: { action: string }) => t.action === action),
    );
  }

  // biome-ignore lint/suspicious/noExplicitAny: the case is checked field by field in the tests.
  async waitUntil(caseId: string, as: string, predicate: (c: any) => boolean, timeoutMs = 30_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const response = await this.request('GET', `/cases/${caseId}`, { as });
      if (response.status === 200 && predicate(response.body)) return response;
      if (Date.now() > deadline) {
        throw new Error(`case ${caseId} did not get there: ${JSON.stringify(response.body?.stage)}`);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /**
   * Waits for the action to be pending, then performs it on the version just read. When the system
   * moved the case meanwhile (a timer, an overdue sweep), it reads again and retries, as a person
   * told of the conflict would.
   */
  async act(caseId: string, action: string, as: string, input: unknown, headers?: Record<string, string>) {
    for (let attempt = 1; ; attempt += 1) {
      const current = await this.waitFor(caseId, action, as);
      const response = await this.request('POST', `/cases/${caseId}/actions/${action}`, {
        as,
        body: { expectedVersion: current.body.version, input },
        headers,
      });
      const stale = response.status === 409 && response.body?.errors?.[0]?.field === 'expectedVersion';
      if (!stale || attempt >= 3) return response;
    }
  }
}

export async function startTestRuntime(): Promise<{ runtime: LocalRuntime; api: ApiClient }> {
  const runtime = await startLocalRuntime({ port: 0, seed: false, tickMs: 200 });
  return { runtime, api: new ApiClient(runtime.url) };
}

export const users = {
  police: 'police-dong-phong',
  otherPolice: 'police-tan-phong',
  reviewer: 'reviewer-tp-lai-chau',
  court: 'court-tp-lai-chau',
  centre: 'centre-lai-chau',
  supervisor: 'supervisor-dong-phong',
  auditor: 'auditor-lai-chau',
  judge: 'judge-tp-lai-chau',
  procurator: 'procurator-tp-lai-chau',
} as const;
