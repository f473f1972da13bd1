import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, unwrapTagged, type Tagged } from '../../api/client';
import type { Centre, CentreInput, CentreQuery } from '../../api/types';

export const PAGE_SIZE = 20;

export interface CentreFilters {
  area_id?: string;
  name?: string;
}

export const centreKeys = {
  all: ['centres'] as const,
  list: (filters: CentreFilters, cursor: string | undefined) => ['centres', 'list', filters, cursor ?? null] as const,
  one: (id: string) => ['centres', 'one', id] as const,
};

function toQuery(filters: CentreFilters): CentreQuery {
  const q: CentreQuery = {};
  if (filters.area_id) q.area_id = filters.area_id;
  if (filters.name?.trim()) q.name = filters.name.trim();
  return q;
}

export function useCentrePage(filters: CentreFilters, cursor: string | undefined) {
  return useQuery({
    queryKey: centreKeys.list(filters, cursor),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/centres', {
          params: { query: { ...toQuery(filters), limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function fetchCentre(id: string): Promise<Tagged<Centre>> {
  return unwrapTagged(api.GET('/api/v1/centres/{id}', { params: { path: { id } } }));
}

export function useCentre(id: string | undefined) {
  return useQuery({ queryKey: centreKeys.one(id ?? ''), queryFn: () => fetchCentre(id!), enabled: !!id });
}

export function createCentre(body: CentreInput): Promise<Tagged<Centre>> {
  return unwrapTagged(api.POST('/api/v1/centres', { body }));
}

export function updateCentre(id: string, etag: string, body: CentreInput): Promise<Tagged<Centre>> {
  return unwrapTagged(api.PUT('/api/v1/centres/{id}', { params: { path: { id }, header: { 'If-Match': etag } }, body }));
}
