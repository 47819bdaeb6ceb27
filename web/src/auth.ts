import { type AppConfig, getToken, setBeforeRequest, setToken } from './api';

/**
 * Sign-in in AWS mode: Cognito managed login, authorization-code flow with PKCE (RFC 7636) for a public client
 * (no secret). The API gets the ID token, which carries `cognito:groups` and `custom:unit`; the refresh token
 * renews it shortly before it expires (30 minutes) for as long as the refresh token lasts (12 hours). Both live
 * in sessionStorage: one tab's session, gone when the tab closes. See docs/adr/0007-hosted-sign-in.md; why not
 * oidc-client-ts (about 16 KiB gzip more on the first screen, and Cognito's logout still by hand):
 * docs/adr/0008-hand-written-code-kept-or-replaced.md.
 */

/** What a sign-in in progress keeps across the trip to Cognito. */
interface PendingSignIn {
  verifier: string;
  state: string;
  /** The page the officer was on (`#/cases/…`): Cognito returns to `/`, the app goes back there. */
  hash: string;
}

interface TokenResponse {
  id_token?: string;
  refresh_token?: string;
}

const pendingKey = 'pkce';
const refreshTokenKey = 'refreshToken';
/** Renew this long before the ID token expires, so that no request reaches the API with a token about to die. */
const renewalMargin = 60_000;

let problem: string | undefined;

/** Why the last sign-in did not complete, in words for the officer; undefined when nothing went wrong. */
export const signInProblem = () => problem;

const b64url = (bytes: ArrayBuffer | Uint8Array): string =>
  btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

const randomString = (byteCount: number) => b64url(crypto.getRandomValues(new Uint8Array(byteCount)));

/** The S256 code challenge: base64url(SHA-256(verifier)), RFC 7636 §4.2. */
const challengeFor = async (verifier: string) =>
  b64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));

/** Where Cognito sends the browser back after sign-in and sign-out: the client's callback and logout URL. */
const returnUrl = () => `${location.origin}/`;

const hostedUi = (config: AppConfig) => {
  if (!config.cognitoDomain || !config.clientId) {
    throw new Error('config.json names no cognitoDomain or clientId: hosted sign-in is not configured');
  }
  return { base: `https://${config.cognitoDomain}`, clientId: config.clientId };
};

const formPost = (url: string, fields: Record<string, string>) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
  });

/** Calls the token endpoint; undefined when Cognito refuses the grant or cannot be reached. */
async function requestTokens(
  config: AppConfig,
  grant: Record<string, string>,
): Promise<TokenResponse | undefined> {
  const { base, clientId } = hostedUi(config);
  try {
    const response = await formPost(`${base}/oauth2/token`, { client_id: clientId, ...grant });
    return response.ok ? ((await response.json()) as TokenResponse) : undefined;
  } catch {
    return undefined;
  }
}

const keep = (tokens: TokenResponse) => {
  setToken(tokens.id_token);
  // Cognito sends a refresh token with the code grant, not with a refresh: keep the one we have.
  if (tokens.refresh_token) sessionStorage.setItem(refreshTokenKey, tokens.refresh_token);
};

const forget = () => {
  setToken(undefined);
  sessionStorage.removeItem(refreshTokenKey);
};

/** When a JWT expires, in ms since the epoch (0 when it cannot be read: treat it as expired). */
const expiryOf = (jwt: string): number => {
  try {
    const exp = claimsOf(jwt).exp;
    return typeof exp === 'number' ? exp * 1000 : 0;
  } catch {
    return 0;
  }
};

const readPending = (): PendingSignIn | undefined => {
  try {
    const saved = JSON.parse(sessionStorage.getItem(pendingKey) ?? 'null') as PendingSignIn | null;
    return saved?.verifier && saved.state ? saved : undefined;
  } catch {
    return undefined;
  }
};

/** Sends the browser to Cognito's managed login; it comes back to `/` with `?code=&state=`. */
export async function startHostedSignIn(config: AppConfig): Promise<void> {
  const { base, clientId } = hostedUi(config);
  // 32 random bytes make a 43-character verifier, the shortest RFC 7636 allows; the state guards against CSRF.
  const pending: PendingSignIn = { verifier: randomString(32), state: randomString(16), hash: location.hash };
  sessionStorage.setItem(pendingKey, JSON.stringify(pending));
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: returnUrl(),
    scope: 'openid profile email',
    code_challenge_method: 'S256',
    code_challenge: await challengeFor(pending.verifier),
    state: pending.state,
  });
  location.assign(`${base}/oauth2/authorize?${params}`);
}

/**
 * Completes a sign-in when Cognito sends the browser back (`?code=&state=`, or `?error=`): exchanges the code
 * and the verifier for tokens. True when the officer is now signed in.
 */
export async function completeHostedSignIn(config: AppConfig): Promise<boolean> {
  const query = new URLSearchParams(location.search);
  const code = query.get('code');
  if (!code && !query.has('error')) return false;
  const pending = readPending();
  sessionStorage.removeItem(pendingKey);
  // The code is single-use: take it out of the address bar (and history) whatever happens next.
  history.replaceState(null, '', `/${pending?.hash ?? ''}`);
  if (!code || !pending || query.get('state') !== pending.state) {
    problem = 'Đăng nhập không thành công. Vui lòng thử lại.';
    return false;
  }
  const tokens = await requestTokens(config, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: returnUrl(),
    code_verifier: pending.verifier,
  });
  if (!tokens?.id_token) {
    problem = 'Không nhận được phiên đăng nhập từ máy chủ xác thực. Vui lòng thử lại.';
    return false;
  }
  keep(tokens);
  return true;
}

let renewal: Promise<void> | undefined;

/**
 * Renews the ID token with the refresh token when it expires within a minute (one request at a time, however
 * many API calls ask). When it cannot and the token has expired, forgets the session: the app shows sign-in.
 */
export function renewHostedSession(config: AppConfig): Promise<void> {
  const token = getToken();
  if (!token || expiryOf(token) - Date.now() > renewalMargin) return Promise.resolve();
  renewal ??= (async () => {
    const refreshToken = sessionStorage.getItem(refreshTokenKey);
    const tokens = refreshToken
      ? await requestTokens(config, { grant_type: 'refresh_token', refresh_token: refreshToken })
      : undefined;
    if (tokens?.id_token) keep(tokens);
    else if (expiryOf(token) <= Date.now()) forget();
  })().finally(() => {
    renewal = undefined;
  });
  return renewal;
}

/**
 * Starts the AWS session at page load: completes a sign-in Cognito has just sent back, renews a token that
 * expired while the tab slept, and renews it before each API request from then on.
 */
export async function resumeHostedSession(config: AppConfig): Promise<void> {
  await completeHostedSignIn(config);
  await renewHostedSession(config);
  setBeforeRequest(() => renewHostedSession(config));
}

/**
 * Signs out. Locally the demo token is forgotten. In AWS the refresh token is also revoked (with the tokens
 * issued from it) and Cognito's own session ended at `/logout`, which comes back to the UI: otherwise the next
 * "Đăng nhập" on a shared computer would sign the previous officer straight back in.
 */
export async function signOut(config: AppConfig): Promise<void> {
  const refreshToken = sessionStorage.getItem(refreshTokenKey);
  forget();
  if (config.mode !== 'aws') {
    location.hash = '#/';
    location.reload();
    return;
  }
  const { base, clientId } = hostedUi(config);
  if (refreshToken) {
    // Best effort: the tab forgets the tokens and Cognito ends its session either way.
    await formPost(`${base}/oauth2/revoke`, { token: refreshToken, client_id: clientId }).catch(
      () => undefined,
    );
  }
  location.assign(`${base}/logout?${new URLSearchParams({ client_id: clientId, logout_uri: returnUrl() })}`);
}

/** The claims of a JWT, read (not verified: the API verifies it). */
export function claimsOf(jwt: string): Record<string, unknown> {
  const payload = jwt.split('.')[1] ?? '';
  const json = decodeURIComponent(
    Array.from(atob(payload.replace(/-/g, '+').replace(/_/g, '/')))
      .map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
      .join(''),
  );
  return JSON.parse(json) as Record<string, unknown>;
}
