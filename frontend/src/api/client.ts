// The one place the SPA talks HTTP. `api` is a typed openapi-fetch client whose
// fetch adds the bearer token and refreshes it when it expires.
import createClient from 'openapi-fetch';
import { createAuthFetch } from './auth-fetch';
import { ApiError, asProblem } from './problem';
import type { paths } from './schema';
import { memoryStorage, storageTokenStore } from './tokens';
import type { TokenPair } from './types';

export const tokens = storageTokenStore(
  typeof sessionStorage !== 'undefined' ? sessionStorage : memoryStorage(),
);

type SessionListener = () => void;
const expiredListeners = new Set<SessionListener>();

/** Subscribes to "the session could not be refreshed"; returns the unsubscribe. */
export function onSessionExpired(listener: SessionListener): () => void {
  expiredListeners.add(listener);
  return () => expiredListeners.delete(listener);
}

const plainFetch = (request: Request) => globalThis.fetch(request);

/** For the auth endpoints themselves: no bearer token, no refresh. */
const authClient = createClient<paths>({ baseUrl: '', fetch: plainFetch });

async function refreshTokens(refreshToken: string): Promise<TokenPair | null> {
  const { data } = await authClient.POST('/api/v1/auth/refresh', {
    body: { refresh_token: refreshToken },
  });
  return data ?? null;
}

export const api = createClient<paths>({
  baseUrl: '',
  fetch: createAuthFetch({
    fetch: plainFetch,
    tokens,
    refresh: refreshTokens,
    onSessionExpired: () => expiredListeners.forEach((l) => l()),
  }),
});

type Result<T> = { data?: T; error?: unknown; response: Response };

/** Resolves to the data of a successful call; throws ApiError otherwise. */
export async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) {
    throw new ApiError(response.status, asProblem(error), typeof error === 'string' ? error : undefined);
  }
  return data as T;
}

/** A resource together with its `ETag`, to send back as `If-Match` when changing it. */
export interface Tagged<T> {
  data: T;
  etag: string | null;
}

/** Like `unwrap`, and keeps the response's `ETag`. */
export async function unwrapTagged<T>(call: Promise<Result<T>>): Promise<Tagged<T>> {
  const { data, error, response } = await call;
  if (!response.ok || data === undefined) {
    throw new ApiError(response.status, asProblem(error), typeof error === 'string' ? error : undefined);
  }
  return { data, etag: response.headers.get('ETag') };
}

/**
 * The `If-Match` value for a record read from a list. Posts and action items have no
 * single-record GET (so no `ETag` to keep): their lists carry `version`, and the
 * server's ETag is that version as `"v<version>"`.
 */
export function versionTag(version: number): string {
  return `"v${version}"`;
}

/** Forgets the tab's tokens without asking the server (which already ended the session). */
export function forgetSession(): void {
  tokens.clear();
}

/** Signs in; stores the tokens on success, throws ApiError otherwise. */
export async function signIn(username: string, password: string): Promise<void> {
  const pair = await unwrap(authClient.POST('/api/v1/auth/login', { body: { username, password } }));
  tokens.set(pair);
}

/** Revokes the refresh token on the server (best effort) and forgets the session. */
export async function signOut(): Promise<void> {
  const refreshToken = tokens.refresh();
  const access = tokens.access();
  try {
    if (refreshToken) {
      await authClient.POST('/api/v1/auth/logout', {
        body: { refresh_token: refreshToken },
        headers: access ? { Authorization: `Bearer ${access}` } : {},
      });
    }
  } catch {
    // Offline: the token still expires on its own; the tab forgets it now.
  } finally {
    tokens.clear();
  }
}

export function hasSession(): boolean {
  return tokens.access() !== null;
}
