import { createHash, randomUUID } from 'node:crypto';
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime';
import { type BrowserSession, startBrowserSession } from '../support/browser';
import { type ApiClient, users } from '../support/local-api';

const cognitoDomain = 'auth.pkce.test';
const clientId = 'web-client-under-test';

/** A JWT that the UI reads but nobody verifies, expired a minute ago. */
const expiredToken = () => {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const claims = { sub: users.police, name: 'Hết hạn', exp: Math.floor(Date.now() / 1000) - 60 };
  return `${part({ alg: 'none' })}.${part(claims)}.`;
};

/**
 * A small fake of Cognito's managed login and OAuth endpoints, answering the browser's requests to
 * `https://auth.pkce.test` (Playwright routes them here; nothing leaves the machine). It checks what Cognito
 * checks for a public client with PKCE: the client, the redirect URI, and that the verifier hashes to the
 * challenge; then hands out tokens the local runtime signed, so the UI really works with them.
 */
class FakeCognito {
  readonly authorizeRequests: URLSearchParams[] = [];
  readonly tokenRequests: URLSearchParams[] = [];
  readonly revoked: string[] = [];
  readonly logouts: URLSearchParams[] = [];
  private readonly codes = new Map<string, { challenge: string; redirectUri: string }>();
  readonly refreshToken = `refresh-${randomUUID()}`;
  /** The ID token the code grant returns (a valid one unless a test says otherwise). */
  idTokenForCode = '';
  /** The ID token a refresh returns. */
  idTokenForRefresh = '';

  constructor(private readonly webOrigin: string) {}

  async handle(route: Route): Promise<void> {
    const request = route.request();
    const url = new URL(request.url());
    const cors = { 'access-control-allow-origin': this.webOrigin };
    const json = (status: number, body: unknown) =>
      route.fulfill({
        status,
        headers: { ...cors, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const redirect = (location: string) => route.fulfill({ status: 302, headers: { location } });

    if (request.method() === 'GET' && url.pathname === '/oauth2/authorize') {
      const query = url.searchParams;
      this.authorizeRequests.push(query);
      if (query.get('client_id') !== clientId || query.get('response_type') !== 'code') {
        return json(400, { error: 'invalid_request' });
      }
      const code = randomUUID();
      const redirectUri = query.get('redirect_uri') ?? '';
      this.codes.set(code, { challenge: query.get('code_challenge') ?? '', redirectUri });
      return redirect(`${redirectUri}?${new URLSearchParams({ code, state: query.get('state') ?? '' })}`);
    }
    if (request.method() === 'POST' && url.pathname === '/oauth2/token') {
      const form = new URLSearchParams(request.postData() ?? '');
      this.tokenRequests.push(form);
      if (form.get('client_id') !== clientId) return json(400, { error: 'invalid_client' });
      if (form.get('grant_type') === 'authorization_code') {
        const issued = this.codes.get(form.get('code') ?? '');
        this.codes.delete(form.get('code') ?? '');
        const verifier = form.get('code_verifier') ?? '';
        const hashed = createHash('sha256').update(verifier).digest('base64url');
        if (!issued || issued.redirectUri !== form.get('redirect_uri') || hashed !== issued.challenge) {
          return json(400, { error: 'invalid_grant' });
        }
        return json(200, {
          id_token: this.idTokenForCode,
          access_token: 'not-used-by-the-ui',
          refresh_token: this.refreshToken,
          token_type: 'Bearer',
          expires_in: 1800,
        });
      }
      if (form.get('grant_type') === 'refresh_token' && form.get('refresh_token') === this.refreshToken) {
        return json(200, { id_token: this.idTokenForRefresh, access_token: 'not-used', expires_in: 1800 });
      }
      return json(400, { error: 'invalid_grant' });
    }
    if (request.method() === 'POST' && url.pathname === '/oauth2/revoke') {
      this.revoked.push(new URLSearchParams(request.postData() ?? '').get('token') ?? '');
      return route.fulfill({ status: 200, headers: cors, body: '' });
    }
    if (request.method() === 'GET' && url.pathname === '/logout') {
      this.logouts.push(url.searchParams);
      return redirect(url.searchParams.get('logout_uri') ?? '/');
    }
    return json(404, { error: 'not_found' });
  }
}

describe('hosted sign-in (AWS mode) in Chromium, against a fake Cognito', () => {
  let session: BrowserSession;
  let runtime: LocalRuntime;
  let api: ApiClient;
  let page: Page;
  let cognito: FakeCognito;

  beforeAll(async () => {
    session = await startBrowserSession();
    ({ runtime, api, page } = session);
    // The UI as deployed to AWS: its config.json names the API, the Cognito domain and the client.
    await page.route(`${runtime.url}/config.json`, (route) =>
      route.fulfill({ json: { mode: 'aws', apiUrl: runtime.url, cognitoDomain, clientId } }),
    );
    await page.route(`https://${cognitoDomain}/**`, (route) => cognito.handle(route));
  });

  beforeEach(async () => {
    cognito = new FakeCognito(runtime.url);
    cognito.idTokenForCode = await api.token(users.police);
    cognito.idTokenForRefresh = await api.token(users.police);
    await page.goto(`${runtime.url}/`);
    await page.evaluate('sessionStorage.clear()');
  });

  afterAll(async () => {
    await session?.stop();
  });

  const signedInName = () => page.textContent('[data-testid="me-name"]');
  // The page's script runs in the browser; the tests' TypeScript has no DOM, hence strings.
  const stored = (key: string) => page.evaluate(`sessionStorage.getItem(${JSON.stringify(key)})`);
  const storeSession = (token: string, refreshToken: string) =>
    page.evaluate(
      `sessionStorage.setItem('token', ${JSON.stringify(token)});` +
        `sessionStorage.setItem('refreshToken', ${JSON.stringify(refreshToken)})`,
    );

  it('signs in with the code flow and PKCE, then comes back to the page it left', async () => {
    await page.goto(`${runtime.url}/#/cases`);
    await page.click('button:has-text("Đăng nhập bằng tài khoản cơ quan")');
    await page.waitForSelector('[data-testid="me-name"]');

    const [authorize] = cognito.authorizeRequests;
    expect(Object.fromEntries(authorize ?? [])).toMatchObject({
      response_type: 'code',
      client_id: clientId,
      redirect_uri: `${runtime.url}/`,
      scope: 'openid profile email',
      code_challenge_method: 'S256',
    });
    const [exchange] = cognito.tokenRequests;
    expect(exchange?.get('grant_type')).toBe('authorization_code');
    const verifier = exchange?.get('code_verifier') ?? '';
    // RFC 7636: 43–128 unreserved characters, and the challenge is base64url(SHA-256(verifier)).
    expect(verifier).toMatch(/^[A-Za-z0-9._~-]{43,128}$/);
    expect(authorize?.get('code_challenge')).toBe(createHash('sha256').update(verifier).digest('base64url'));
    expect(exchange?.get('redirect_uri')).toBe(`${runtime.url}/`);

    expect(await signedInName()).toBe('Nguyễn Văn An');
    // The code has left the address bar, the officer is back on the case list, and the verifier is gone.
    expect(new URL(page.url()).search).toBe('');
    expect(new URL(page.url()).hash).toBe('#/cases');
    expect(await stored('pkce')).toBeNull();
    expect(await stored('refreshToken')).toBe(cognito.refreshToken);
  });

  it('renews an expired ID token with the refresh token before calling the API', async () => {
    await storeSession(expiredToken(), cognito.refreshToken);
    await page.reload();
    await page.waitForSelector('[data-testid="me-name"]');

    expect(cognito.tokenRequests.map((form) => form.get('grant_type'))).toEqual(['refresh_token']);
    expect(await signedInName()).toBe('Nguyễn Văn An');
    expect(await stored('token')).toBe(cognito.idTokenForRefresh);
  });

  it('asks for a new sign-in when the refresh token is refused', async () => {
    await storeSession(expiredToken(), 'revoked-long-ago');
    await page.reload();
    await page.waitForSelector('button:has-text("Đăng nhập bằng tài khoản cơ quan")');
    expect(await stored('token')).toBeNull();
    expect(await stored('refreshToken')).toBeNull();
  });

  it('signs out by revoking the refresh token and ending the Cognito session', async () => {
    await page.click('button:has-text("Đăng nhập bằng tài khoản cơ quan")');
    await page.waitForSelector('[data-testid="me-name"]');
    await page.click('button:has-text("Đăng xuất")');
    await page.waitForSelector('button:has-text("Đăng nhập bằng tài khoản cơ quan")');

    expect(cognito.revoked).toEqual([cognito.refreshToken]);
    const [logout] = cognito.logouts;
    expect(Object.fromEntries(logout ?? [])).toEqual({ client_id: clientId, logout_uri: `${runtime.url}/` });
    expect(await stored('token')).toBeNull();
    expect(await stored('refreshToken')).toBeNull();
  });

  it('refuses a return whose state it did not send, without asking for tokens', async () => {
    await page.goto(`${runtime.url}/?code=stolen-code&state=forged`);
    await page.waitForSelector('[role="alert"]');

    expect(await page.textContent('[role="alert"]')).toBe('Đăng nhập không thành công. Vui lòng thử lại.');
    expect(cognito.tokenRequests).toEqual([]);
    expect(new URL(page.url()).search).toBe('');
    expect(await stored('token')).toBeNull();
  });
});
