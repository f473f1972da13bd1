// Special audits (专项审计) over the API: campaigns, engagements, findings, rectification
// and the dashboard. Records changed with `If-Match` come back tagged with their ETag.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, unwrapTagged, versionTag, type Tagged } from '../../api/client';
import type {
  AuditDashboard,
  Campaign,
  CampaignInput,
  CompletionInput,
  Engagement,
  EngagementInput,
  EngagementTransition,
  FeeInput,
  Finding,
  FindingInput,
  FindingQuery,
  RectificationInput,
  VerificationInput,
} from './types';

export interface FindingFilters {
  campaign_id?: string;
  engagement_id?: string;
  status?: 'open' | 'closed';
  overdue?: boolean;
}

export const auditKeys = {
  all: ['audits'] as const,
  /** Campaigns. */
  list: ['audits', 'campaigns'] as const,
  /** One campaign (tagged). */
  one: (id: string) => ['audits', 'campaign', id] as const,
  engagements: (campaignId: string | null) => ['audits', 'engagements', campaignId] as const,
  engagement: (id: string) => ['audits', 'engagement', id] as const,
  findings: (filters: FindingFilters) => ['audits', 'findings', filters] as const,
  dashboard: (campaignId: string | null) => ['audits', 'dashboard', campaignId] as const,
  firms: ['audits', 'firms'] as const,
};

/** After any change: every audit view may show it (budgets, counts, boards, the dashboard). */
export function useAuditsChanged() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: auditKeys.all });
}

// Campaigns

export function useCampaigns() {
  return useQuery({
    queryKey: auditKeys.list,
    queryFn: async () => (await unwrap(api.GET('/api/v1/audit-campaigns'))).items,
  });
}

export function fetchCampaign(id: string): Promise<Tagged<Campaign>> {
  return unwrapTagged(api.GET('/api/v1/audit-campaigns/{id}', { params: { path: { id } } }));
}

export function useCampaign(id: string | undefined) {
  return useQuery({ queryKey: auditKeys.one(id ?? ''), queryFn: () => fetchCampaign(id!), enabled: !!id });
}

export function createCampaign(body: CampaignInput): Promise<Tagged<Campaign>> {
  return unwrapTagged(api.POST('/api/v1/audit-campaigns', { body }));
}

export function updateCampaign(id: string, etag: string, body: CampaignInput): Promise<Tagged<Campaign>> {
  return unwrapTagged(
    api.PUT('/api/v1/audit-campaigns/{id}', { params: { path: { id }, header: { 'If-Match': etag } }, body }),
  );
}

/** Audit firms a campaign may engage (organisations of kind `audit_firm`). */
export function useAuditFirms(enabled: boolean) {
  return useQuery({
    queryKey: auditKeys.firms,
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/organisations', { params: { query: { kind: 'audit_firm', limit: 100 } } }))).items,
    enabled,
    staleTime: 5 * 60_000,
  });
}

// Engagements

/** Engagements the user can see (auditors: their firm's), of one campaign or all. */
export function useEngagements(campaignId: string | null) {
  return useQuery({
    queryKey: auditKeys.engagements(campaignId),
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/v1/audit-engagements', { params: { query: campaignId ? { campaign_id: campaignId } : {} } }),
        )
      ).items,
  });
}

export function fetchEngagement(id: string): Promise<Tagged<Engagement>> {
  return unwrapTagged(api.GET('/api/v1/audit-engagements/{id}', { params: { path: { id } } }));
}

export function useEngagement(id: string | undefined) {
  return useQuery({ queryKey: auditKeys.engagement(id ?? ''), queryFn: () => fetchEngagement(id!), enabled: !!id });
}

export function createEngagement(campaignId: string, body: EngagementInput): Promise<Tagged<Engagement>> {
  return unwrapTagged(api.POST('/api/v1/audit-campaigns/{id}/engagements', { params: { path: { id: campaignId } }, body }));
}

/** The list carries `version`; the server's ETag is that version, so no extra read is needed. */
export function setFee(e: Pick<Engagement, 'id' | 'version'>, body: FeeInput): Promise<Tagged<Engagement>> {
  return unwrapTagged(
    api.PUT('/api/v1/audit-engagements/{id}/fee', {
      params: { path: { id: e.id }, header: { 'If-Match': versionTag(e.version) } },
      body,
    }),
  );
}

export function transitionEngagement(id: string, etag: string, body: EngagementTransition): Promise<Tagged<Engagement>> {
  return unwrapTagged(
    api.POST('/api/v1/audit-engagements/{id}/transitions', {
      params: { path: { id }, header: { 'If-Match': etag } },
      body,
    }),
  );
}

// Findings and rectification

function toFindingQuery(filters: FindingFilters): FindingQuery {
  const q: FindingQuery = {};
  if (filters.campaign_id) q.campaign_id = filters.campaign_id;
  if (filters.engagement_id) q.engagement_id = filters.engagement_id;
  if (filters.status) q.status = filters.status;
  if (filters.overdue) q.overdue = true;
  return q;
}

export function useFindings(filters: FindingFilters, enabled = true) {
  return useQuery({
    queryKey: auditKeys.findings(filters),
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/audit-findings', { params: { query: toFindingQuery(filters) } }))).items,
    enabled,
  });
}

export function raiseFinding(engagementId: string, body: FindingInput): Promise<Finding> {
  return unwrap(api.POST('/api/v1/audit-engagements/{id}/findings', { params: { path: { id: engagementId } }, body }));
}

export function addRectification(findingId: string, body: RectificationInput): Promise<Finding> {
  return unwrap(api.POST('/api/v1/audit-findings/{id}/rectifications', { params: { path: { id: findingId } }, body }));
}

export function completeRectification(id: string, body: CompletionInput): Promise<Finding> {
  return unwrap(api.POST('/api/v1/rectifications/{id}/completion', { params: { path: { id } }, body }));
}

/**
 * The verdict on a completed action. The server takes `{ accepted, note? }`, but the
 * generated contract currently names the volunteering check-in verdict `VerificationInput`
 * too and keeps only that one (without `note`): a schema-name clash in the backend,
 * reported. Drop the widening once the server's schemas have distinct names.
 */
export type RectificationVerdict = VerificationInput & { note?: string | null };

export function verifyRectification(id: string, body: RectificationVerdict): Promise<Finding> {
  return unwrap(api.POST('/api/v1/rectifications/{id}/verification', { params: { path: { id } }, body }));
}

// Dashboard

export function useAuditDashboard(campaignId: string | null, enabled = true) {
  return useQuery<AuditDashboard>({
    queryKey: auditKeys.dashboard(campaignId),
    queryFn: () =>
      unwrap(api.GET('/api/v1/stats/audits', { params: { query: campaignId ? { campaign_id: campaignId } : {} } })),
    enabled,
  });
}
