import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, unwrapTagged, type Tagged } from '../../api/client';
import { ApiError, asProblem } from '../../api/problem';
import type { Compound, CompoundInput, CompoundQuery, GovernanceMode } from '../../api/types';

export const GOVERNANCE_MODES: readonly GovernanceMode[] = ['property_managed', 'entrusted', 'self_managed'];

/** Tag colours the product uses for the three governance modes. */
export const MODE_COLOURS: Record<GovernanceMode, string> = {
  property_managed: 'blue',
  entrusted: 'orange',
  self_managed: 'green',
};

/** The same colours as hex, for charts. */
export const MODE_HEX: Record<GovernanceMode, string> = {
  property_managed: '#1677ff',
  entrusted: '#fa8c16',
  self_managed: '#52c41a',
};

export interface CompoundFilters {
  area_id?: string;
  governance_mode?: GovernanceMode;
  name?: string;
}

export const PAGE_SIZE = 20;

export const compoundKeys = {
  all: ['compounds'] as const,
  list: (filters: CompoundFilters, cursor: string | undefined) => ['compounds', 'list', filters, cursor ?? null] as const,
  one: (id: string) => ['compounds', 'one', id] as const,
  governance: (id: string) => ['compounds', 'governance', id] as const,
  crossAppointments: (id: string, on: string) => ['compounds', 'cross-appointments', id, on] as const,
};

function toQuery(filters: CompoundFilters): CompoundQuery {
  const q: CompoundQuery = {};
  if (filters.area_id) q.area_id = filters.area_id;
  if (filters.governance_mode) q.governance_mode = filters.governance_mode;
  if (filters.name?.trim()) q.name = filters.name.trim();
  return q;
}

export function useCompoundPage(filters: CompoundFilters, cursor: string | undefined) {
  return useQuery({
    queryKey: compoundKeys.list(filters, cursor),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/compounds', {
          params: { query: { ...toQuery(filters), limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function fetchCompound(id: string): Promise<Tagged<Compound>> {
  return unwrapTagged(api.GET('/api/v1/compounds/{id}', { params: { path: { id } } }));
}

export function useCompound(id: string | undefined) {
  return useQuery({
    queryKey: compoundKeys.one(id ?? ''),
    queryFn: () => fetchCompound(id!),
    enabled: !!id,
  });
}

export function createCompound(body: CompoundInput): Promise<Tagged<Compound>> {
  return unwrapTagged(api.POST('/api/v1/compounds', { body }));
}

export function updateCompound(id: string, etag: string, body: CompoundInput): Promise<Tagged<Compound>> {
  return unwrapTagged(
    api.PUT('/api/v1/compounds/{id}', {
      params: { path: { id }, header: { 'If-Match': etag } },
      body,
    }),
  );
}

/** Downloads the CSV of every compound matching the filters (with the bearer token). */
export async function exportCompounds(filters: CompoundFilters): Promise<{ blob: Blob; disposition: string | null }> {
  const { data, error, response } = await api.GET('/api/v1/compounds/export', {
    params: { query: toQuery(filters) },
    parseAs: 'blob',
  });
  if (!response.ok || !data) throw new ApiError(response.status, asProblem(error));
  return { blob: data, disposition: response.headers.get('Content-Disposition') };
}

/** Who governs the compound today: its bodies, contract (and bundle), cross-appointments, last joint meeting. */
export function useGovernance(id: string | undefined, enabled = true) {
  return useQuery({
    queryKey: compoundKeys.governance(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/compounds/{id}/governance', { params: { path: { id: id! } } })),
    enabled: !!id && enabled,
  });
}

/** People holding posts in two or more of the compound's four bodies on a date. */
export function useCrossAppointments(id: string, on: string | undefined) {
  return useQuery({
    queryKey: compoundKeys.crossAppointments(id, on ?? ''),
    queryFn: () =>
      unwrap(api.GET('/api/v1/compounds/{id}/cross-appointments', { params: { path: { id }, query: { on: on! } } })),
    enabled: !!on,
  });
}
