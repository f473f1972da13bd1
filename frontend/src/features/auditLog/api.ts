import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { AuditQuery, AuditVerification } from '../../api/types';

export const PAGE_SIZE = 20;

export interface AuditFilters {
  object_type?: string;
  object_id?: string;
  action?: string;
}

export const auditKeys = {
  all: ['audit-log'] as const,
  list: (filters: AuditFilters, cursor: string | undefined) => ['audit-log', 'list', filters, cursor ?? null] as const,
};

export function useAuditPage(filters: AuditFilters, cursor: string | undefined) {
  return useQuery({
    queryKey: auditKeys.list(filters, cursor),
    queryFn: () => {
      const query: AuditQuery = { limit: PAGE_SIZE };
      if (filters.object_type) query.object_type = filters.object_type;
      if (filters.object_id) query.object_id = filters.object_id;
      if (filters.action) query.action = filters.action;
      if (cursor) query.cursor = cursor;
      return unwrap(api.GET('/api/v1/audit-log', { params: { query } }));
    },
    placeholderData: keepPreviousData,
    // An audit trail is read to find out what just happened: always ask again.
    staleTime: 0,
  });
}

export function verifyAuditLog(): Promise<AuditVerification> {
  return unwrap(api.GET('/api/v1/audit-log/verify'));
}
