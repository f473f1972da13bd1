import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, unwrapTagged, versionTag, type Tagged } from '../../api/client';
import type {
  ActionItem,
  ActionItemQuery,
  ActionItemStatusInput,
  ActionStatus,
  AmendmentInput,
  Meeting,
  MeetingInput,
  MeetingQuery,
  MeetingStatus,
} from '../../api/types';

export const PAGE_SIZE = 20;

export interface MeetingFilters {
  compound_id?: string;
  status?: MeetingStatus;
  from?: string;
  to?: string;
}

export interface ActionItemFilters {
  compound_id?: string;
  status?: ActionStatus;
  /** Only open items past their due date. */
  overdue?: boolean;
}

export const meetingKeys = {
  all: ['meetings'] as const,
  list: (filters: MeetingFilters, cursor: string | undefined) => ['meetings', 'list', filters, cursor ?? null] as const,
  one: (id: string) => ['meetings', 'one', id] as const,
};

export const actionItemKeys = {
  all: ['action-items'] as const,
  list: (filters: ActionItemFilters, cursor: string | undefined) =>
    ['action-items', 'list', filters, cursor ?? null] as const,
};

export function useMeetingPage(filters: MeetingFilters, cursor: string | undefined) {
  return useQuery({
    queryKey: meetingKeys.list(filters, cursor),
    queryFn: () => {
      const query: MeetingQuery = { limit: PAGE_SIZE };
      if (filters.compound_id) query.compound_id = filters.compound_id;
      if (filters.status) query.status = filters.status;
      if (filters.from) query.from = filters.from;
      if (filters.to) query.to = filters.to;
      if (cursor) query.cursor = cursor;
      return unwrap(api.GET('/api/v1/joint-meetings', { params: { query } }));
    },
    placeholderData: keepPreviousData,
  });
}

export function fetchMeeting(id: string): Promise<Tagged<Meeting>> {
  return unwrapTagged(api.GET('/api/v1/joint-meetings/{id}', { params: { path: { id } } }));
}

export function useMeeting(id: string | undefined) {
  return useQuery({ queryKey: meetingKeys.one(id ?? ''), queryFn: () => fetchMeeting(id!), enabled: !!id });
}

export function createMeeting(body: MeetingInput): Promise<Tagged<Meeting>> {
  return unwrapTagged(api.POST('/api/v1/joint-meetings', { body }));
}

export function updateMeeting(id: string, etag: string, body: MeetingInput): Promise<Tagged<Meeting>> {
  return unwrapTagged(
    api.PUT('/api/v1/joint-meetings/{id}', { params: { path: { id }, header: { 'If-Match': etag } }, body }),
  );
}

export function finaliseMeeting(id: string, etag: string): Promise<Tagged<Meeting>> {
  return unwrapTagged(
    api.POST('/api/v1/joint-meetings/{id}/finalise', { params: { path: { id }, header: { 'If-Match': etag } } }),
  );
}

export function amendMeeting(id: string, body: AmendmentInput): Promise<Meeting> {
  return unwrap(api.POST('/api/v1/joint-meetings/{id}/amendments', { params: { path: { id } }, body }));
}

export function useActionItemPage(filters: ActionItemFilters, cursor: string | undefined) {
  return useQuery({
    queryKey: actionItemKeys.list(filters, cursor),
    queryFn: () => {
      const query: ActionItemQuery = { limit: PAGE_SIZE };
      if (filters.compound_id) query.compound_id = filters.compound_id;
      if (filters.status) query.status = filters.status;
      if (filters.overdue) query.overdue = true;
      if (cursor) query.cursor = cursor;
      return unwrap(api.GET('/api/v1/action-items', { params: { query } }));
    },
    placeholderData: keepPreviousData,
  });
}

/** Follows an action item up (done with its date, cancelled, reopened); the item's version is its tag. */
export function setActionItemStatus(item: ActionItem, body: ActionItemStatusInput): Promise<ActionItem> {
  return unwrap(
    api.PUT('/api/v1/action-items/{id}', {
      params: { path: { id: item.id }, header: { 'If-Match': versionTag(item.version) } },
      body,
    }),
  );
}
