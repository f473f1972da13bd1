import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, unwrapTagged, type Tagged } from '../../api/client';
import type { Contract, ContractInput, ContractQuery } from '../../api/types';

export const PAGE_SIZE = 20;

export interface ContractFilters {
  company_id?: string;
  compound_id?: string;
  /** Only contracts in force on this date. */
  active_on?: string;
}

export const contractKeys = {
  all: ['contracts'] as const,
  list: (filters: ContractFilters, cursor: string | undefined) => ['contracts', 'list', filters, cursor ?? null] as const,
  one: (id: string) => ['contracts', 'one', id] as const,
};

function toQuery(filters: ContractFilters): ContractQuery {
  const q: ContractQuery = {};
  if (filters.company_id) q.company_id = filters.company_id;
  if (filters.compound_id) q.compound_id = filters.compound_id;
  if (filters.active_on) q.active_on = filters.active_on;
  return q;
}

export function useContractPage(filters: ContractFilters, cursor: string | undefined) {
  return useQuery({
    queryKey: contractKeys.list(filters, cursor),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/service-contracts', {
          params: { query: { ...toQuery(filters), limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function fetchContract(id: string): Promise<Tagged<Contract>> {
  return unwrapTagged(api.GET('/api/v1/service-contracts/{id}', { params: { path: { id } } }));
}

export function useContract(id: string | undefined) {
  return useQuery({ queryKey: contractKeys.one(id ?? ''), queryFn: () => fetchContract(id!), enabled: !!id });
}

export function createContract(body: ContractInput): Promise<Tagged<Contract>> {
  return unwrapTagged(api.POST('/api/v1/service-contracts', { body }));
}

export function updateContract(id: string, etag: string, body: ContractInput): Promise<Tagged<Contract>> {
  return unwrapTagged(
    api.PUT('/api/v1/service-contracts/{id}', { params: { path: { id }, header: { 'If-Match': etag } }, body }),
  );
}
