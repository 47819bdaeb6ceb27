/** The browser's view of the HTTP API: bearer token, JSON, problem+json errors. */
export interface AppConfig {
  mode: 'local' | 'aws';
  apiUrl: string;
  cognitoDomain?: string;
  clientId?: string;
}

export interface FieldError {
  field: string;
  rule: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly errors: FieldError[],
  ) {
    super(detail);
  }
}

let config: AppConfig = { mode: 'local', apiUrl: '' };
let token: string | undefined = sessionStorage.getItem('token') ?? undefined;

export const setConfig = (value: AppConfig) => {
  config = value;
};
export const getConfig = () => config;
export const setToken = (value: string | undefined) => {
  token = value;
  if (value) sessionStorage.setItem('token', value);
  else sessionStorage.removeItem('token');
};
export const getToken = () => token;

/** Runs before each request; in AWS mode it renews an ID token about to expire (auth.ts). */
let beforeRequest: () => Promise<void> = () => Promise.resolve();
export const setBeforeRequest = (hook: () => Promise<void>) => {
  beforeRequest = hook;
};

/**
 * A 401 means the token was refused (expired, revoked, from another pool): forget it, so that the app asks
 * for a new sign-in, and say so in words rather than with the gateway's "Unauthorized".
 */
const sessionEnded = () => {
  setToken(undefined);
  return new ApiError(401, 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.', []);
};

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  await beforeRequest();
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${config.apiUrl}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // keep the text
  }
  if (response.status === 401) throw sessionEnded();
  if (!response.ok) {
    const problem = (parsed ?? {}) as { detail?: string; title?: string; errors?: FieldError[] };
    throw new ApiError(
      response.status,
      problem.detail ?? problem.title ?? String(response.status),
      problem.errors ?? [],
    );
  }
  return parsed as T;
}

/** Fetches a file with the bearer token and opens it (PDF, CSV). */
export async function openFile(path: string, download?: string): Promise<void> {
  await beforeRequest();
  const response = await fetch(`${config.apiUrl}${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  if (response.status === 401) throw sessionEnded();
  if (!response.ok) throw new ApiError(response.status, `Không tải được tệp (${response.status}).`, []);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  if (download) link.download = download;
  else link.target = '_blank';
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** dd/mm/yyyy from an ISO date or timestamp. */
export const formatDate = (iso: string | undefined): string => {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
};

/** dd/mm/yyyy hh:mm in Vietnam time, from a timestamp. */
export const formatDateTime = (iso: string | undefined): string => {
  if (!iso) return '';
  const local = new Date(Date.parse(iso) + 7 * 60 * 60 * 1000).toISOString();
  return `${formatDate(local)} ${local.slice(11, 16)}`;
};
