import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

export function useModeStats() {
  return useQuery({
    queryKey: ['stats', 'compounds-by-governance-mode'],
    queryFn: () => unwrap(api.GET('/api/v1/stats/compounds-by-governance-mode')),
  });
}

/** Governance indicators per subdistrict and in total (party coverage, committees, meetings …). */
export function useRegistryStats(enabled: boolean) {
  return useQuery({
    queryKey: ['stats', 'registry'],
    queryFn: () => unwrap(api.GET('/api/v1/stats/registry')),
    enabled,
  });
}

/** One page of owners' committees with their party-member share. */
export function useCommitteeShares(cursor: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['stats', 'owners-committees', cursor ?? null],
    queryFn: () =>
      unwrap(api.GET('/api/v1/stats/owners-committees', { params: { query: { limit: 20, ...(cursor ? { cursor } : {}) } } })),
    enabled,
    placeholderData: keepPreviousData,
  });
}
