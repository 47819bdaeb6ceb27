import { type AppConfig, setToken } from './api';

/** Cognito hosted UI, authorization-code flow with PKCE (AWS mode only). */
const b64url = (bytes: ArrayBuffer | Uint8Array): string =>
  btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

export async function startHostedSignIn(config: AppConfig): Promise<void> {
  const verifier = b64url(crypto.getRandomValues(new Uint8Array(32)));
  const state = b64url(crypto.getRandomValues(new Uint8Array(16)));
  sessionStorage.setItem('pkce', JSON.stringify({ verifier, state }));
  const challenge = b64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId ?? '',
    redirect_uri: `${location.origin}/`,
    scope: 'openid profile',
    code_challenge_method: 'S256',
    code_challenge: challenge,
    state,
  });
  location.assign(`https://${config.cognitoDomain}/oauth2/authorize?${params}`);
}

/** Completes the hosted sign-in when the page comes back with `?code=`. */
export async function completeHostedSignIn(config: AppConfig): Promise<boolean> {
  const query = new URLSearchParams(location.search);
  const code = query.get('code');
  const saved = JSON.parse(sessionStorage.getItem('pkce') ?? 'null') as {
    verifier: string;
    state: string;
  } | null;
  if (!code || !saved || query.get('state') !== saved.state) return false;
  const response = await fetch(`https://${config.cognitoDomain}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: config.clientId ?? '',
      code,
      redirect_uri: `${location.origin}/`,
      code_verifier: saved.verifier,
    }),
  });
  sessionStorage.removeItem('pkce');
  history.replaceState(null, '', '/');
  if (!response.ok) return false;
  const tokens = (await response.json()) as { id_token: string };
  setToken(tokens.id_token);
  return true;
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
