import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, unwrapTagged, versionTag, type Tagged } from '../../api/client';
import { COMPLAINT_COUNTS_KEY } from '../../auth/session';
import type {
  CalendarDayInput,
  CategoryUpdate,
  Complaint,
  ComplaintCategory,
  ComplaintQuery,
  ComplaintStatus,
  ExtensionDecisionInput,
  ExtensionInput,
  NewComplaint,
  TransitionInput,
} from '../../api/types';

export const PAGE_SIZE = 20;

export interface ComplaintFilters {
  area_id?: string;
  compound_id?: string;
  status?: ComplaintStatus;
  category?: string;
  overdue?: boolean;
  from?: string;
  to?: string;
  q?: string;
}

export const complaintKeys = {
  all: ['complaints'] as const,
  counts: COMPLAINT_COUNTS_KEY,
  list: (filters: ComplaintFilters, cursor: string | undefined) => ['complaints', 'list', filters, cursor ?? null] as const,
  one: (id: string) => ['complaints', 'one', id] as const,
  duplicates: (id: string) => ['complaints', 'duplicates', id] as const,
  categories: ['complaint-categories'] as const,
  calendar: (year: number) => ['calendar-days', year] as const,
  stats: (groupBy: string) => ['stats', 'complaints', groupBy] as const,
};

/** Start of a `YYYY-MM-DD` day (local time) as the API's date-time. */
function dayStart(day: string): string {
  return new Date(`${day}T00:00:00`).toISOString();
}

/** Start of the day after `day`: `to` is exclusive, the picked day is included. */
function dayAfter(day: string): string {
  const d = new Date(`${day}T00:00:00`);
  d.setDate(d.getDate() + 1);
  return d.toISOString();
}

export function useComplaintPage(filters: ComplaintFilters, cursor: string | undefined, limit = PAGE_SIZE) {
  return useQuery({
    queryKey: complaintKeys.list(filters, cursor),
    queryFn: () => {
      const query: ComplaintQuery = { limit };
      if (filters.area_id) query.area_id = filters.area_id;
      if (filters.compound_id) query.compound_id = filters.compound_id;
      if (filters.status) query.status = filters.status;
      if (filters.category) query.category = filters.category;
      if (filters.overdue) query.overdue = true;
      if (filters.from) query.from = dayStart(filters.from);
      if (filters.to) query.to = dayAfter(filters.to);
      if (filters.q) query.q = filters.q;
      if (cursor) query.cursor = cursor;
      return unwrap(api.GET('/api/v1/complaints', { params: { query } }));
    },
    placeholderData: keepPreviousData,
  });
}

export function useComplaintCounts() {
  return useQuery({
    queryKey: complaintKeys.counts,
    queryFn: () => unwrap(api.GET('/api/v1/complaints/counts')),
    staleTime: 30_000,
  });
}

export function fetchComplaint(id: string): Promise<Tagged<Complaint>> {
  return unwrapTagged(api.GET('/api/v1/complaints/{id}', { params: { path: { id } } }));
}

export function useComplaint(id: string | undefined) {
  return useQuery({ queryKey: complaintKeys.one(id ?? ''), queryFn: () => fetchComplaint(id!), enabled: !!id });
}

/**
 * The complaint catalogue. Forms and filters want the active categories; the settings
 * page asks for `all` so a category switched off can be switched back on.
 */
export function useCategories(options: { all?: boolean } = {}) {
  const all = options.all ?? false;
  return useQuery({
    queryKey: all ? [...complaintKeys.categories, 'all'] : complaintKeys.categories,
    queryFn: () => unwrap(api.GET('/api/v1/complaint-categories', { params: { query: { all } } })),
    staleTime: 5 * 60_000,
  });
}

export function createComplaint(body: NewComplaint, idempotencyKey: string): Promise<Tagged<Complaint>> {
  return unwrapTagged(
    api.POST('/api/v1/complaints', { params: { header: { 'Idempotency-Key': idempotencyKey } }, body }),
  );
}

/** A transition, sent with the complaint's version as `If-Match`. */
export function transition(complaint: Pick<Complaint, 'id' | 'version'>, body: TransitionInput): Promise<Tagged<Complaint>> {
  return unwrapTagged(
    api.POST('/api/v1/complaints/{id}/transitions', {
      params: { path: { id: complaint.id }, header: { 'If-Match': versionTag(complaint.version) } },
      body,
    }),
  );
}

export function requestExtension(id: string, body: ExtensionInput) {
  return unwrap(api.POST('/api/v1/complaints/{id}/extensions', { params: { path: { id } }, body }));
}

export function decideExtension(id: string, extensionId: string, body: ExtensionDecisionInput) {
  return unwrap(
    api.POST('/api/v1/complaints/{id}/extensions/{extension_id}/decision', {
      params: { path: { id, extension_id: extensionId } },
      body,
    }),
  );
}

export function useDuplicates(id: string, enabled: boolean) {
  return useQuery({
    queryKey: complaintKeys.duplicates(id),
    queryFn: () => unwrap(api.GET('/api/v1/complaints/{id}/duplicates', { params: { path: { id } } })),
    enabled,
  });
}

/** Merges `complaint` (the duplicate) into `into`, which carries on. */
export function mergeComplaint(complaint: Pick<Complaint, 'id' | 'version'>, into: string) {
  return unwrap(
    api.POST('/api/v1/complaints/{id}/merge', {
      params: { path: { id: complaint.id }, header: { 'If-Match': versionTag(complaint.version) } },
      body: { into },
    }),
  );
}

/** Organisations working in a compound (the handler picker for 派单). */
export function useCompoundOrganisations(compoundId: string | undefined) {
  return useQuery({
    queryKey: ['organisations', 'of-compound', compoundId ?? ''],
    queryFn: () =>
      unwrap(api.GET('/api/v1/organisations', { params: { query: { compound_id: compoundId!, limit: 100 } } })),
    enabled: !!compoundId,
  });
}

export function updateCategory(category: ComplaintCategory, body: CategoryUpdate) {
  return unwrap(
    api.PUT('/api/v1/complaint-categories/{code}', {
      params: { path: { code: category.code }, header: { 'If-Match': versionTag(category.version) } },
      body,
    }),
  );
}

export function useCalendar(year: number) {
  return useQuery({
    queryKey: complaintKeys.calendar(year),
    queryFn: () => unwrap(api.GET('/api/v1/calendar-days', { params: { query: { year } } })),
  });
}

export function setCalendarDay(day: string, body: CalendarDayInput) {
  return unwrap(api.PUT('/api/v1/calendar-days/{day}', { params: { path: { day } }, body }));
}

export type StatsGrouping = 'subdistrict' | 'compound' | 'category' | 'handler';

export function useComplaintStats(groupBy: StatsGrouping, enabled = true) {
  return useQuery({
    queryKey: complaintKeys.stats(groupBy),
    queryFn: () => unwrap(api.GET('/api/v1/stats/complaints', { params: { query: { group_by: groupBy } } })),
    enabled,
  });
}
