import type { ActionStatus, MeetingStatus, OrgKind } from '../../api/types';

/** Every kind of organisation, in the order forms offer them. */
export const ORG_KINDS: readonly OrgKind[] = [
  'compound_party_branch',
  'community_party_committee',
  'owners_committee',
  'supervisory_committee',
  'property_company',
  'property_company_party_org',
  'residents_committee',
  'volunteer_team',
  'audit_firm',
  'law_enforcement',
  'partner',
];

/**
 * The four bodies of the "four-in-one" model: the party branch leads, the owners'
 * committee defends rights, the property company serves, the supervisory committee oversees.
 */
export const FOUR_BODIES: readonly OrgKind[] = [
  'compound_party_branch',
  'owners_committee',
  'property_company',
  'supervisory_committee',
];

/** Bodies a joint meeting usually hears: the four, and for self-managed compounds the residents' committee. */
export const MEETING_BODIES: readonly OrgKind[] = [...FOUR_BODIES, 'residents_committee'];

/** Tag colours per kind: party organisations red, committees blue, companies gold. */
export const KIND_COLOURS: Record<OrgKind, string> = {
  compound_party_branch: 'red',
  community_party_committee: 'volcano',
  owners_committee: 'blue',
  supervisory_committee: 'geekblue',
  property_company: 'gold',
  property_company_party_org: 'magenta',
  residents_committee: 'green',
  volunteer_team: 'cyan',
  audit_firm: 'purple',
  law_enforcement: 'default',
  partner: 'default',
};

export const MEETING_STATUSES: readonly MeetingStatus[] = ['draft', 'finalised'];
export const ACTION_STATUSES: readonly ActionStatus[] = ['open', 'done', 'cancelled'];
