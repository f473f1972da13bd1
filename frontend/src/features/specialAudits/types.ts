// Names for the special-audit shapes, all taken from the generated contract (schema.d.ts),
// as src/api/types.ts does for the older modules: a renamed schema surfaces here only.
import type { QueryOf, Schemas } from '../../api/contract';
import type { paths } from '../../api/schema';


export type Campaign = Schemas['CampaignView'];
export type CampaignInput = Schemas['CampaignInput'];
export type Engagement = Schemas['EngagementView'];
export type EngagementInput = Schemas['EngagementInput'];
export type EngagementStatus = Schemas['EngagementStatus'];
export type EngagementTransition = Schemas['EngagementTransition'];
export type FeeInput = Schemas['FeeInput'];
export type Opinion = Schemas['Opinion'];
export type Finding = Schemas['FindingView'];
export type FindingInput = Schemas['FindingInput'];
export type FindingKind = Schemas['FindingKind'];
export type Severity = Schemas['Severity'];
export type Rectification = Schemas['RectificationView'];
export type RectificationInput = Schemas['RectificationInput'];
export type RectificationStatus = Schemas['RectificationStatus'];
export type CompletionInput = Schemas['CompletionInput'];
export type VerificationInput = Schemas['VerificationInput'];
export type AuditDashboard = Schemas['AuditDashboard'];
export type AreaFindings = Schemas['AreaFindingsView'];
export type FindingQuery = QueryOf<paths['/api/v1/audit-findings']['get']>;
export type EngagementQuery = QueryOf<paths['/api/v1/audit-engagements']['get']>;
