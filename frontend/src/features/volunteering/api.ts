// Calls of the volunteering pages: TanStack Query hooks for reads, plain functions for writes.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { ApiError, asProblem } from '../../api/problem';
import type {
  ActivityInput,
  ActivityQuery,
  Certificate,
  CheckIn,
  CheckInInput,
  CheckInQuery,
  ReportAction,
  SyncItem,
  TeamRole,
} from './types';

export const volunteeringKeys = {
  all: ['volunteering'] as const,
  stats: ['volunteering', 'stats'] as const,
  activities: (q: ActivityQuery) => ['volunteering', 'activities', q] as const,
  activity: (id: string) => ['volunteering', 'activity', id] as const,
  checkIns: (q: CheckInQuery) => ['volunteering', 'check-ins', q] as const,
  reports: (status: string | undefined) => ['volunteering', 'reports', status ?? 'all'] as const,
  members: (teamId: string) => ['volunteering', 'members', teamId] as const,
  me: ['volunteering', 'me'] as const,
  qr: (centreId: string) => ['volunteering', 'qr', centreId] as const,
  teams: (cursor: string | undefined) => ['volunteering', 'teams', cursor ?? null] as const,
};

/** How often the live monitor reads the open check-ins again. */
export const LIVE_REFRESH_MS = 15_000;

export function useVolunteeringStats(enabled = true) {
  return useQuery({
    queryKey: volunteeringKeys.stats,
    queryFn: () => unwrap(api.GET('/api/v1/stats/volunteering')),
    enabled,
  });
}

export function useActivities(q: ActivityQuery, enabled = true) {
  return useQuery({
    queryKey: volunteeringKeys.activities(q),
    queryFn: () => unwrap(api.GET('/api/v1/activities', { params: { query: q } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useActivity(id: string | undefined) {
  return useQuery({
    queryKey: volunteeringKeys.activity(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/activities/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}

export function createActivity(body: ActivityInput) {
  return unwrap(api.POST('/api/v1/activities', { body }));
}

export function cancelActivity(id: string) {
  return unwrap(api.POST('/api/v1/activities/{id}/cancel', { params: { path: { id } } }));
}

export function signUp(id: string) {
  return unwrap(api.POST('/api/v1/activities/{id}/signups', { params: { path: { id } } }));
}

export function cancelSignUp(id: string) {
  return unwrap(api.DELETE('/api/v1/activities/{id}/signups/me', { params: { path: { id } } }));
}

export function useCheckIns(q: CheckInQuery, options: { enabled?: boolean; refetchInterval?: number } = {}) {
  return useQuery({
    queryKey: volunteeringKeys.checkIns(q),
    queryFn: () => unwrap(api.GET('/api/v1/check-ins', { params: { query: q } })),
    enabled: options.enabled ?? true,
    refetchInterval: options.refetchInterval,
    placeholderData: keepPreviousData,
  });
}

export function checkIn(body: CheckInInput): Promise<CheckIn> {
  return unwrap(api.POST('/api/v1/check-ins', { body }));
}

export function checkOut(): Promise<CheckIn> {
  return unwrap(api.POST('/api/v1/check-ins/check-out', { body: {} }));
}

export function syncCheckIns(items: SyncItem[]) {
  return unwrap(api.POST('/api/v1/check-ins/sync', { body: { items } }));
}

export function verifyCheckIn(id: string, accepted: boolean) {
  return unwrap(api.POST('/api/v1/check-ins/{id}/verification', { params: { path: { id } }, body: { accepted } }));
}

export function useMyVolunteering(enabled = true) {
  return useQuery({
    queryKey: volunteeringKeys.me,
    queryFn: () => unwrap(api.GET('/api/v1/me/volunteering')),
    enabled,
  });
}

export function useReports(status: string | undefined, enabled = true) {
  return useQuery({
    queryKey: volunteeringKeys.reports(status),
    queryFn: () => unwrap(api.GET('/api/v1/reports', { params: { query: status ? { status } : {} } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function requestReport(compound_id: string, note: string | null) {
  return unwrap(api.POST('/api/v1/reports', { body: { compound_id, note } }));
}

export function decideReport(id: string, action: ReportAction, reason?: string | null) {
  return unwrap(
    api.POST('/api/v1/reports/{id}/decision', { params: { path: { id } }, body: { action, reason: reason || null } }),
  );
}

export function useTeamMembers(teamId: string | undefined) {
  return useQuery({
    queryKey: volunteeringKeys.members(teamId ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/volunteer-teams/{id}/members', { params: { path: { id: teamId! } } })),
    enabled: !!teamId,
  });
}

export function setTeamMember(teamId: string, personId: string, role: TeamRole) {
  return unwrap(
    api.PUT('/api/v1/volunteer-teams/{id}/members/{person_id}', {
      params: { path: { id: teamId, person_id: personId } },
      body: { role },
    }),
  );
}

export async function removeTeamMember(teamId: string, personId: string): Promise<void> {
  const { error, response } = await api.DELETE('/api/v1/volunteer-teams/{id}/members/{person_id}', {
    params: { path: { id: teamId, person_id: personId } },
  });
  if (!response.ok) throw new ApiError(response.status, asProblem(error));
}

/** The centre's current QR code, fetched again every `refresh_in_seconds`. */
export function useCentreQr(centreId: string | undefined) {
  return useQuery({
    queryKey: volunteeringKeys.qr(centreId ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/centres/{id}/qr', { params: { path: { id: centreId! } } })),
    enabled: !!centreId,
    refetchInterval: (query) => Math.max(5, query.state.data?.refresh_in_seconds ?? 30) * 1000,
    refetchIntervalInBackground: true,
    // The screen hangs on a wall: when a fetch fails, try again soon rather than give up.
    retry: true,
    retryDelay: 5_000,
    gcTime: 0,
  });
}

export function issueCertificate(from: string, to: string): Promise<Certificate> {
  return unwrap(api.POST('/api/v1/service-certificates', { body: { from, to } }));
}

/** The printable certificate (HTML), read with the token. */
export async function fetchCertificateHtml(code: string): Promise<string> {
  const { data, error, response } = await api.GET('/api/v1/service-certificates/{code}/print', {
    params: { path: { code } },
    parseAs: 'text',
  });
  if (!response.ok || data === undefined) {
    throw new ApiError(response.status, asProblem(typeof error === 'string' ? safeJson(error) : error));
  }
  return data as string;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export interface CsvFile {
  blob: Blob;
  disposition: string | null;
}

/** The quarterly feedback to employers (CSV). */
export async function fetchEmployerReport(quarter: string): Promise<CsvFile> {
  const { data, error, response } = await api.GET('/api/v1/volunteering/employer-report', {
    params: { query: { quarter } },
    parseAs: 'blob',
  });
  if (!response.ok || !data) {
    let problem: unknown = error;
    if (error instanceof Blob) problem = safeJson(await error.text());
    throw new ApiError(response.status, asProblem(problem));
  }
  return { blob: data as Blob, disposition: response.headers.get('Content-Disposition') };
}
