import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A list's filters live in the address (shareable, kept on reload and back): `read`
 * turns the query string into filters; `setFilter` writes a change back (empty values
 * are removed, `true` is written as `true`).
 */
export function useUrlFilters<T extends object>(read: (params: URLSearchParams) => T) {
  const [params, setParams] = useSearchParams();
  // `read` is a module-level function: the filters change only with the address.
  const filters = useMemo(() => read(params), [params]);
  const setFilter = useCallback(
    (patch: Partial<T>) => {
      const next = new URLSearchParams(params);
      for (const [k, v] of Object.entries(patch as Record<string, string | boolean | undefined>)) {
        if (v === undefined || v === '' || v === false) next.delete(k);
        else next.set(k, String(v));
      }
      setParams(next, { replace: true });
    },
    [params, setParams],
  );
  const reset = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);
  return { filters, setFilter, reset, filterKey: JSON.stringify(filters) };
}

/** One of `allowed`, or nothing. */
export function oneOf<V extends string>(value: string | null, allowed: readonly V[]): V | undefined {
  return allowed.includes(value as V) ? (value as V) : undefined;
}
