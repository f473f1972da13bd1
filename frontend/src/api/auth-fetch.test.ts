import { describe, expect, it, vi } from 'vitest';
import { createAuthFetch } from './auth-fetch';
import { memoryStorage, storageTokenStore } from './tokens';
import type { TokenPair } from './types';

const problem = (status: number, code: string) =>
  new Response(JSON.stringify({ type: 'about:blank', title: 'x', status, code }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });

const pair = (n: number): TokenPair => ({
  access_token: `access-${n}`,
  refresh_token: `refresh-${n}`,
  token_type: 'Bearer',
  expires_in: 900,
});

/** A fake server: accepts only the current access token. */
function setup(opts: { refreshOk?: boolean; refreshDelay?: number } = {}) {
  const tokens = storageTokenStore(memoryStorage());
  tokens.set(pair(1));
  let valid = 'access-1';
  const seen: string[] = [];
  const fetch = vi.fn(async (req: Request) => {
    const auth = req.headers.get('Authorization') ?? '';
    const body = req.method === 'POST' ? await req.text() : '';
    seen.push(`${req.method} ${new URL(req.url).pathname} ${auth} ${body}`.trim());
    if (!auth) return problem(401, 'unauthorized');
    if (auth !== `Bearer ${valid}`) return problem(401, 'token_expired');
    return new Response(JSON.stringify({ ok: true }), { status: 200 });
  });
  let n = 1;
  const refresh = vi.fn(async (rt: string) => {
    await new Promise((r) => setTimeout(r, opts.refreshDelay ?? 5));
    if (opts.refreshOk === false || rt !== `refresh-${n}`) return null;
    n += 1;
    valid = `access-${n}`;
    return pair(n);
  });
  const onSessionExpired = vi.fn();
  const authFetch = createAuthFetch({ fetch, tokens, refresh, onSessionExpired });
  return {
    tokens,
    fetch,
    refresh,
    onSessionExpired,
    authFetch,
    seen,
    expire: () => {
      valid = 'nothing-yet';
    },
  };
}

describe('createAuthFetch', () => {
  it('sends the bearer token', async () => {
    const s = setup();
    const res = await s.authFetch(new Request('http://x/api/v1/me'));
    expect(res.status).toBe(200);
    expect(s.seen).toEqual(['GET /api/v1/me Bearer access-1']);
    expect(s.refresh).not.toHaveBeenCalled();
  });

  it('refreshes an expired token and repeats the request with its body', async () => {
    const s = setup();
    s.expire();
    const res = await s.authFetch(
      new Request('http://x/api/v1/compounds', { method: 'POST', body: '{"name":"卫技新村"}' }),
    );
    expect(res.status).toBe(200);
    expect(s.refresh).toHaveBeenCalledTimes(1);
    expect(s.tokens.access()).toBe('access-2');
    expect(s.tokens.refresh()).toBe('refresh-2');
    expect(s.seen).toEqual([
      'POST /api/v1/compounds Bearer access-1 {"name":"卫技新村"}',
      'POST /api/v1/compounds Bearer access-2 {"name":"卫技新村"}',
    ]);
  });

  it('shares one refresh among requests that fail together', async () => {
    const s = setup({ refreshDelay: 20 });
    s.expire();
    const results = await Promise.all(
      ['/a', '/b', '/c', '/d'].map((p) => s.authFetch(new Request(`http://x${p}`))),
    );
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(s.refresh).toHaveBeenCalledTimes(1);
    expect(s.onSessionExpired).not.toHaveBeenCalled();
  });

  it('does not refresh again when another request already did', async () => {
    const s = setup();
    s.expire();
    await s.authFetch(new Request('http://x/a'));
    // A request that left with the old token comes back after the refresh.
    const stale = new Request('http://x/b');
    stale.headers.set('X-Test', '1');
    s.tokens.set({ access_token: 'access-1', refresh_token: 'refresh-2' });
    const late = s.authFetch(stale);
    s.tokens.set(pair(2));
    expect((await late).status).toBe(200);
    expect(s.refresh).toHaveBeenCalledTimes(1);
  });

  it('ends the session when the refresh is refused', async () => {
    const s = setup({ refreshOk: false });
    s.expire();
    const res = await s.authFetch(new Request('http://x/api/v1/me'));
    expect(res.status).toBe(401);
    expect(s.onSessionExpired).toHaveBeenCalledTimes(1);
    expect(s.tokens.access()).toBeNull();
    expect(s.tokens.refresh()).toBeNull();
  });

  it('ends the session when the refresh call throws', async () => {
    const s = setup();
    s.refresh.mockRejectedValueOnce(new TypeError('offline'));
    s.expire();
    const res = await s.authFetch(new Request('http://x/a'));
    expect(res.status).toBe(401);
    expect(s.onSessionExpired).toHaveBeenCalledTimes(1);
  });

  it('leaves other errors alone', async () => {
    const s = setup();
    s.fetch.mockResolvedValueOnce(problem(403, 'forbidden'));
    const res = await s.authFetch(new Request('http://x/a'));
    expect(res.status).toBe(403);
    expect(s.refresh).not.toHaveBeenCalled();
    expect(s.onSessionExpired).not.toHaveBeenCalled();
  });

  it('does not try to refresh without a refresh token', async () => {
    const s = setup();
    s.tokens.clear();
    s.tokens.set({ access_token: 'old', refresh_token: '' });
    const res = await s.authFetch(new Request('http://x/a'));
    expect(res.status).toBe(401);
    expect(s.onSessionExpired).toHaveBeenCalledTimes(1);
  });
});
