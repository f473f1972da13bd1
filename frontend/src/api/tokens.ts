import type { TokenPair } from './types';

/** Where the signed-in session's tokens live: the tab's sessionStorage. */
export interface TokenStore {
  access(): string | null;
  refresh(): string | null;
  set(pair: Pick<TokenPair, 'access_token' | 'refresh_token'>): void;
  clear(): void;
}

const ACCESS = 'linli.access_token';
const REFRESH = 'linli.refresh_token';

export function storageTokenStore(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>): TokenStore {
  return {
    access: () => storage.getItem(ACCESS),
    refresh: () => storage.getItem(REFRESH),
    set(pair) {
      storage.setItem(ACCESS, pair.access_token);
      storage.setItem(REFRESH, pair.refresh_token);
    },
    clear() {
      storage.removeItem(ACCESS);
      storage.removeItem(REFRESH);
    },
  };
}

/** An in-memory Storage stand-in, for tests and for environments without sessionStorage. */
export function memoryStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  const map = new Map<string, string>();
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}
