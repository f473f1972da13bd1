import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, unwrapTagged, type Tagged } from '../../api/client';
import type { Organisation, OrganisationInput, OrganisationQuery, OrgKind } from '../../api/types';

export const PAGE_SIZE = 20;

export interface OrganisationFilters {
  kind?: OrgKind;
  area_id?: string;
  compound_id?: string;
  name?: string;
}

export const organisationKeys = {
  all: ['organisations'] as const,
  list: (filters: OrganisationFilters, cursor: string | undefined) =>
    ['organisations', 'list', filters, cursor ?? null] as const,
  one: (id: string) => ['organisations', 'one', id] as const,
  serving: (compoundId: string) => ['organisations', 'serving', compoundId] as const,
  search: (text: string, filters: OrganisationFilters) => ['organisations', 'search', text, filters] as const,
};

function toQuery(filters: OrganisationFilters): OrganisationQuery {
  const q: OrganisationQuery = {};
  if (filters.kind) q.kind = filters.kind;
  if (filters.area_id) q.area_id = filters.area_id;
  if (filters.compound_id) q.compound_id = filters.compound_id;
  if (filters.name?.trim()) q.name = filters.name.trim();
  return q;
}

export function fetchOrganisationPage(filters: OrganisationFilters, cursor?: string, limit = PAGE_SIZE) {
  return unwrap(
    api.GET('/api/v1/organisations', {
      params: { query: { ...toQuery(filters), limit, ...(cursor ? { cursor } : {}) } },
    }),
  );
}

export function useOrganisationPage(filters: OrganisationFilters, cursor: string | undefined) {
  return useQuery({
    queryKey: organisationKeys.list(filters, cursor),
    queryFn: () => fetchOrganisationPage(filters, cursor),
    placeholderData: keepPreviousData,
  });
}

const MAX_PAGES = 10;

/** Every organisation matching the filters (a compound has a handful), following the cursor. */
export async function fetchAllOrganisations(filters: OrganisationFilters): Promise<Organisation[]> {
  const items: Organisation[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const data = await fetchOrganisationPage(filters, cursor, 100);
    items.push(...data.items);
    if (!data.next_cursor) break;
    cursor = data.next_cursor;
  }
  return items;
}

/** The organisations serving a compound: its bodies and the company holding its contract today. */
export function useServingOrganisations(compoundId: string | undefined) {
  return useQuery({
    queryKey: organisationKeys.serving(compoundId ?? ''),
    queryFn: () => fetchAllOrganisations({ compound_id: compoundId }),
    enabled: !!compoundId,
    staleTime: 60_000,
  });
}

export function fetchOrganisation(id: string): Promise<Tagged<Organisation>> {
  return unwrapTagged(api.GET('/api/v1/organisations/{id}', { params: { path: { id } } }));
}

export function useOrganisation(id: string | undefined) {
  return useQuery({
    queryKey: organisationKeys.one(id ?? ''),
    queryFn: () => fetchOrganisation(id!),
    enabled: !!id,
  });
}

export function createOrganisation(body: OrganisationInput): Promise<Tagged<Organisation>> {
  return unwrapTagged(api.POST('/api/v1/organisations', { body }));
}

export function updateOrganisation(id: string, etag: string, body: OrganisationInput): Promise<Tagged<Organisation>> {
  return unwrapTagged(
    api.PUT('/api/v1/organisations/{id}', { params: { path: { id }, header: { 'If-Match': etag } }, body }),
  );
}
