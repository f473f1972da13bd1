import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

export function useModeStats() {
  return useQuery({
    queryKey: ['stats', 'compounds-by-governance-mode'],
    queryFn: () => unwrap(api.GET('/api/v1/stats/compounds-by-governance-mode')),
  });
}
