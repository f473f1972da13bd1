// Names for the volunteering shapes, all taken from the generated contract (schema.d.ts):
// a renamed schema surfaces here only.
import type { QueryOf, Schemas } from '../../api/contract';
import type { paths } from '../../api/schema';


export type Activity = Schemas['ActivityView'];
export type ActivityInput = Schemas['ActivityInput'];
export type ActivityQuery = QueryOf<paths['/api/v1/activities']['get']>;
export type CheckIn = Schemas['CheckInView'];
export type CheckInInput = Schemas['CheckInInput'];
export type CheckInQuery = QueryOf<paths['/api/v1/check-ins']['get']>;
export type Position = Schemas['Position'];
export type SyncItem = Schemas['SyncItem'];
export type SyncOutcome = Schemas['SyncOutcome'];
export type MyVolunteering = Schemas['MyVolunteering'];
export type Report = Schemas['ReportView'];
export type ReportAction = Schemas['ReportAction'];
export type TeamMember = Schemas['TeamMemberView'];
export type TeamMemberList = Schemas['TeamMemberList'];
export type VolunteeringStats = Schemas['VolunteeringStats'];
export type HoursRow = Schemas['HoursView'];
export type QrCode = Schemas['QrCodeView'];
export type Certificate = Schemas['CertificateView'];

/** `verification` is a plain string in the contract; these are the values the server writes. */
export type Verification = 'pending' | 'verified' | 'rejected';
/** `status` of a report (报到). */
export type ReportStatus = 'requested' | 'confirmed' | 'declined' | 'withdrawn' | 'ended';
/** A team member's `role`. */
export type TeamRole = 'leader' | 'member';
