import type { TokenStore } from './tokens';
import type { TokenPair } from './types';

/** Codes on a 401 that mean "your access token is no good, refresh it". */
const REFRESHABLE = new Set(['token_expired', 'invalid_token']);

export interface AuthFetchOptions {
  /** The network fetch; receives a Request carrying the bearer token. */
  fetch: (request: Request) => Promise<Response>;
  tokens: TokenStore;
  /** Exchanges a refresh token for a new pair; null when the server refuses it. */
  refresh: (refreshToken: string) => Promise<TokenPair | null>;
  /** Called once per failed refresh (or 401 without a usable session). */
  onSessionExpired: () => void;
}

async function problemCode(response: Response): Promise<string | null> {
  try {
    const body: unknown = await response.clone().json();
    if (body && typeof body === 'object' && 'code' in body && typeof body.code === 'string') {
      return body.code;
    }
  } catch {
    // not JSON: no code
  }
  return null;
}

/**
 * A fetch that adds `Authorization: Bearer` and, when the server says the access
 * token expired, refreshes it once and repeats the request. Concurrent requests
 * that fail together share one refresh call, because refresh tokens rotate: a
 * second refresh with the same token would be taken as reuse.
 */
export function createAuthFetch(options: AuthFetchOptions): (request: Request) => Promise<Response> {
  const { tokens } = options;
  let inFlight: Promise<boolean> | null = null;

  function refreshOnce(): Promise<boolean> {
    if (!inFlight) {
      inFlight = (async () => {
        const refreshToken = tokens.refresh();
        if (!refreshToken) return false;
        try {
          const pair = await options.refresh(refreshToken);
          if (!pair) return false;
          tokens.set(pair);
          return true;
        } catch {
          return false;
        }
      })().finally(() => {
        inFlight = null;
      });
    }
    return inFlight;
  }

  return async function authFetch(request: Request): Promise<Response> {
    const retry = request.clone();
    const used = tokens.access();
    if (used) request.headers.set('Authorization', `Bearer ${used}`);
    const response = await options.fetch(request);
    if (response.status !== 401) return response;

    const code = await problemCode(response);
    if (!code || !REFRESHABLE.has(code)) {
      if (code === 'unauthorized' && used) {
        tokens.clear();
        options.onSessionExpired();
      }
      return response;
    }

    // Another request may already have refreshed while this one was on the wire.
    const current = tokens.access();
    const refreshed = (current !== null && current !== used) || (await refreshOnce());
    const fresh = tokens.access();
    if (!refreshed || !fresh) {
      tokens.clear();
      options.onSessionExpired();
      return response;
    }
    retry.headers.set('Authorization', `Bearer ${fresh}`);
    return options.fetch(retry);
  };
}
