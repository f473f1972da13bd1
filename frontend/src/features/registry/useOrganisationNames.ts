import { useQueries } from '@tanstack/react-query';
import { fetchOrganisation, organisationKeys } from '../organisations/api';

/** Names of organisations known only by id; those the user may not read stay unnamed. */
export function useOrganisationNames(ids: readonly string[]): Record<string, string | undefined> {
  const results = useQueries({
    queries: ids.map((id) => ({
      queryKey: organisationKeys.one(id),
      queryFn: () => fetchOrganisation(id),
      staleTime: 5 * 60_000,
      retry: false,
    })),
  });
  return Object.fromEntries(ids.map((id, i) => [id, results[i]?.data?.data.name]));
}
