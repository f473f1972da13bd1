// Names for the shapes the SPA uses, all taken from the generated contract
// (schema.d.ts). Nothing here is written by hand: each alias points at a path,
// so a rename of a schema in the server does not ripple through the pages.
import type { BodyOf, Ok, QueryOf } from './contract';
import type { paths } from './schema';


export type TokenPair = Ok<paths['/api/v1/auth/login']['post']>;
export type LoginRequest = BodyOf<paths['/api/v1/auth/login']['post']>;
export type Me = Ok<paths['/api/v1/me']['get']>;
export type Grant = Me['grants'][number];
export type Role = Grant['role'];
export type Permission = Me['permissions'][number];

export type AreaPage = Ok<paths['/api/v1/areas']['get']>;
export type Area = AreaPage['items'][number];
export type AreaKind = Area['kind'];
export type AreaQuery = QueryOf<paths['/api/v1/areas']['get']>;
export type NewArea = BodyOf<paths['/api/v1/areas']['post']>;
export type AreaUpdate = BodyOf<paths['/api/v1/areas/{id}']['put']>;

export type CompoundPage = Ok<paths['/api/v1/compounds']['get']>;
export type Compound = Ok<paths['/api/v1/compounds/{id}']['get']>;
export type CompoundQuery = QueryOf<paths['/api/v1/compounds']['get']>;
export type CompoundInput = BodyOf<paths['/api/v1/compounds']['post']>;
export type GovernanceMode = Compound['governance_mode'];

export type ModeStats = Ok<paths['/api/v1/stats/compounds-by-governance-mode']['get']>;
export type ModeStatsRow = ModeStats['items'][number];

export type UserPage = Ok<paths['/api/v1/users']['get']>;
export type User = Ok<paths['/api/v1/users/{id}']['get']>;
export type UserGrant = User['grants'][number];
export type UserQuery = QueryOf<paths['/api/v1/users']['get']>;
export type NewUser = BodyOf<paths['/api/v1/users']['post']>;
export type UserUpdate = BodyOf<paths['/api/v1/users/{id}']['put']>;
export type GrantInput = BodyOf<paths['/api/v1/users/{id}/grants']['post']>;
export type UnmaskRequest = BodyOf<paths['/api/v1/users/{id}/unmask']['post']>;
export type Unmasked = Ok<paths['/api/v1/users/{id}/unmask']['post']>;
export type PasswordChange = BodyOf<paths['/api/v1/me/password']['post']>;

export type ApiKeyPage = Ok<paths['/api/v1/api-keys']['get']>;
export type ApiKey = ApiKeyPage['items'][number];
export type ApiScope = ApiKey['scopes'][number];
export type NewApiKey = BodyOf<paths['/api/v1/api-keys']['post']>;
export type CreatedApiKey = Ok<paths['/api/v1/api-keys']['post']>;

export type AuditPage = Ok<paths['/api/v1/audit-log']['get']>;
export type AuditEntry = AuditPage['items'][number];
export type AuditQuery = QueryOf<paths['/api/v1/audit-log']['get']>;
export type AuditVerification = Ok<paths['/api/v1/audit-log/verify']['get']>;

export type OrganisationPage = Ok<paths['/api/v1/organisations']['get']>;
export type Organisation = Ok<paths['/api/v1/organisations/{id}']['get']>;
export type OrgKind = Organisation['kind'];
export type OrganisationQuery = QueryOf<paths['/api/v1/organisations']['get']>;
export type OrganisationInput = BodyOf<paths['/api/v1/organisations']['post']>;

export type PersonPage = Ok<paths['/api/v1/people']['get']>;
export type Person = Ok<paths['/api/v1/people/{id}']['get']>;
export type PersonQuery = QueryOf<paths['/api/v1/people']['get']>;
export type PersonInput = BodyOf<paths['/api/v1/people']['post']>;
export type PersonalData = Ok<paths['/api/v1/people/{id}/unmask']['post']>;

export type PostPage = Ok<paths['/api/v1/posts']['get']>;
export type Post = PostPage['items'][number];
export type PostQuery = QueryOf<paths['/api/v1/posts']['get']>;
export type PostInput = BodyOf<paths['/api/v1/posts']['post']>;

export type ContractPage = Ok<paths['/api/v1/service-contracts']['get']>;
export type Contract = Ok<paths['/api/v1/service-contracts/{id}']['get']>;
export type ContractQuery = QueryOf<paths['/api/v1/service-contracts']['get']>;
export type ContractInput = BodyOf<paths['/api/v1/service-contracts']['post']>;

export type Governance = Ok<paths['/api/v1/compounds/{id}/governance']['get']>;
export type CrossAppointment = Governance['cross_appointments'][number];

export type MeetingPage = Ok<paths['/api/v1/joint-meetings']['get']>;
export type MeetingSummary = MeetingPage['items'][number];
export type Meeting = Ok<paths['/api/v1/joint-meetings/{id}']['get']>;
export type MeetingStatus = Meeting['status'];
export type MeetingQuery = QueryOf<paths['/api/v1/joint-meetings']['get']>;
export type MeetingInput = BodyOf<paths['/api/v1/joint-meetings']['post']>;
export type Minutes = Meeting['minutes'];
export type AmendmentInput = BodyOf<paths['/api/v1/joint-meetings/{id}/amendments']['post']>;
export type Amendment = Meeting['amendments'][number];

export type ActionItemPage = Ok<paths['/api/v1/action-items']['get']>;
export type ActionItem = ActionItemPage['items'][number];
export type ActionStatus = ActionItem['status'];
export type ActionItemQuery = QueryOf<paths['/api/v1/action-items']['get']>;
export type ActionItemStatusInput = BodyOf<paths['/api/v1/action-items/{id}']['put']>;

export type CentrePage = Ok<paths['/api/v1/centres']['get']>;
export type Centre = Ok<paths['/api/v1/centres/{id}']['get']>;
export type CentreQuery = QueryOf<paths['/api/v1/centres']['get']>;
export type CentreInput = BodyOf<paths['/api/v1/centres']['post']>;

export type RegistryIndicators = Ok<paths['/api/v1/stats/registry']['get']>;
export type Indicators = RegistryIndicators['totals'];
export type CommitteeSharePage = Ok<paths['/api/v1/stats/owners-committees']['get']>;

/** RFC 9457 problem body as the contract describes it (taken from the login 401). */
export type Problem = paths['/api/v1/auth/login']['post']['responses'][401]['content']['application/problem+json'];

export type ComplaintPage = Ok<paths['/api/v1/complaints']['get']>;
export type ComplaintSummary = ComplaintPage['items'][number];
export type Complaint = Ok<paths['/api/v1/complaints/{id}']['get']>;
export type ComplaintQuery = QueryOf<paths['/api/v1/complaints']['get']>;
export type ComplaintStatus = Complaint['status'];
export type ComplaintAction = Complaint['allowed_actions'][number];
export type ComplaintEvent = Complaint['timeline'][number];
export type ComplaintAttachment = Complaint['attachments'][number];
export type ComplaintExtension = Complaint['extensions'][number];
export type NewComplaint = BodyOf<paths['/api/v1/complaints']['post']>;
export type TransitionInput = BodyOf<paths['/api/v1/complaints/{id}/transitions']['post']>;
export type ExtensionInput = BodyOf<paths['/api/v1/complaints/{id}/extensions']['post']>;
export type ExtensionDecisionInput = BodyOf<paths['/api/v1/complaints/{id}/extensions/{extension_id}/decision']['post']>;
export type ComplaintCounts = Ok<paths['/api/v1/complaints/counts']['get']>;
export type ComplaintCategory = Ok<paths['/api/v1/complaint-categories']['get']>[number];
export type CategoryUpdate = BodyOf<paths['/api/v1/complaint-categories/{code}']['put']>;
export type CalendarDay = Ok<paths['/api/v1/calendar-days']['get']>[number];
export type CalendarDayInput = BodyOf<paths['/api/v1/calendar-days/{day}']['put']>;
export type ComplaintGroupStats = Ok<paths['/api/v1/stats/complaints']['get']>[number];
