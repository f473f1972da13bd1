// The joint-meeting editor's values, and how they become the API's body and back.
// Dates stay `YYYY-MM-DD` strings here (the pickers convert), so this is pure and tested.
import { fieldPath, type FieldPath } from '../../api/problem';
import type { Meeting, MeetingInput, Organisation, OrgKind } from '../../api/types';
import { MEETING_BODIES } from '../registry/kinds';

export interface AttendanceRow {
  /** The body this row is for; picks which organisations are offered. */
  body?: OrgKind | null;
  organisation_id?: string;
  attendees?: string[];
}

export interface ActionItemRow {
  resolution_no?: number | null;
  description?: string;
  owner_org_id?: string;
  due_on?: string;
}

export interface MeetingValues {
  compound_id?: string;
  held_on?: string;
  title?: string;
  location?: string;
  convener_org_id?: string;
  minutes: {
    attendance: AttendanceRow[];
    agenda: { title?: string; discussion?: string }[];
    resolutions: { text?: string }[];
  };
  action_items: ActionItemRow[];
}

export const EMPTY_MEETING: MeetingValues = {
  minutes: { attendance: [], agenda: [{}], resolutions: [] },
  action_items: [],
};

const trim = (s: string | undefined) => (s ?? '').trim();

/** The form -> the API's body. Agenda items and resolutions are numbered in the order shown. */
export function toMeetingBody(v: MeetingValues): MeetingInput {
  return {
    compound_id: v.compound_id ?? '',
    held_on: v.held_on ?? '',
    title: trim(v.title),
    location: trim(v.location),
    convener_org_id: v.convener_org_id ?? '',
    minutes: {
      attendance: v.minutes.attendance.map((a) => ({
        organisation_id: a.organisation_id ?? '',
        body: a.body ?? null,
        attendees: (a.attendees ?? []).map((n) => n.trim()).filter(Boolean),
      })),
      agenda: v.minutes.agenda.map((a, i) => ({ no: i + 1, title: trim(a.title), discussion: trim(a.discussion) })),
      resolutions: v.minutes.resolutions.map((r, i) => ({ no: i + 1, text: trim(r.text) })),
    },
    action_items: v.action_items.map((a) => ({
      resolution_no: a.resolution_no ?? null,
      description: trim(a.description),
      owner_org_id: a.owner_org_id ?? '',
      due_on: a.due_on ?? '',
    })),
  };
}

/**
 * A stored meeting -> the form. Items are put in number order and renumbered from 1;
 * action items follow their resolution's new number.
 */
export function toMeetingValues(m: Meeting): MeetingValues {
  const agenda = [...m.minutes.agenda].sort((a, b) => a.no - b.no);
  const resolutions = [...m.minutes.resolutions].sort((a, b) => a.no - b.no);
  const renumber = new Map(resolutions.map((r, i) => [r.no, i + 1]));
  return {
    compound_id: m.compound_id,
    held_on: m.held_on,
    title: m.title,
    location: m.location,
    convener_org_id: m.convener_org_id,
    minutes: {
      attendance: m.minutes.attendance.map((a) => ({
        body: a.body ?? null,
        organisation_id: a.organisation_id,
        attendees: a.attendees,
      })),
      agenda: agenda.map((a) => ({ title: a.title, discussion: a.discussion ?? '' })),
      resolutions: resolutions.map((r) => ({ text: r.text })),
    },
    action_items: m.action_items.map((a) => ({
      resolution_no: a.resolution_no != null ? (renumber.get(a.resolution_no) ?? null) : null,
      description: a.description,
      owner_org_id: a.owner_org_id,
      due_on: a.due_on,
    })),
  };
}

/**
 * One attendance row per body the compound has (the four bodies, and a residents'
 * committee where there is one), with the organisation filled in when the compound has
 * exactly one of that kind. Without any, the four bodies' rows, empty.
 */
export function defaultAttendance(orgs: readonly Pick<Organisation, 'id' | 'kind'>[]): AttendanceRow[] {
  const rows = MEETING_BODIES.filter((kind) => orgs.some((o) => o.kind === kind)).map((kind) => {
    const ofKind = orgs.filter((o) => o.kind === kind);
    return { body: kind, organisation_id: ofKind.length === 1 ? ofKind[0].id : undefined, attendees: [] };
  });
  return rows.length ? rows : MEETING_BODIES.slice(0, 4).map((kind) => ({ body: kind, attendees: [] }));
}

/** The convener offered first: the community's party committee, else the compound's party branch. */
export function defaultConvener(orgs: readonly Pick<Organisation, 'id' | 'kind'>[]): string | undefined {
  return (
    orgs.find((o) => o.kind === 'community_party_committee')?.id ?? orgs.find((o) => o.kind === 'compound_party_branch')?.id
  );
}

export interface RowCounts {
  attendance: number;
  agenda: number;
  resolutions: number;
  actionItems: number;
}

const TOP = new Set(['compound_id', 'held_on', 'title', 'location', 'convener_org_id']);
const LISTS: Record<string, { count: keyof RowCounts; fields: Record<string, string> }> = {
  'minutes.attendance': {
    count: 'attendance',
    fields: { organisation_id: 'organisation_id', body: 'organisation_id', attendees: 'attendees' },
  },
  'minutes.agenda': { count: 'agenda', fields: { title: 'title', discussion: 'discussion', no: 'title' } },
  'minutes.resolutions': { count: 'resolutions', fields: { text: 'text', no: 'text' } },
  action_items: {
    count: 'actionItems',
    fields: { description: 'description', owner_org_id: 'owner_org_id', due_on: 'due_on', resolution_no: 'resolution_no' },
  },
};

/**
 * Where the server's field errors for a meeting go on the editor: the fields of each row
 * it has (`minutes.attendance[0].organisation_id`, `action_items[0].due_on`), the list
 * itself for complaints about a whole list or a row the form no longer has. A row's
 * number (`no`) is the form's to keep: its errors go under the row's text.
 */
export function meetingFieldPath(counts: RowCounts): (field: string) => FieldPath | null {
  return (field) => {
    if (TOP.has(field)) return [field];
    if (field === 'minutes') return null;
    for (const [list, spec] of Object.entries(LISTS)) {
      const base = list.split('.');
      if (field === list) return base;
      if (!field.startsWith(`${list}[`)) continue;
      const path = fieldPath(field).slice(base.length);
      const [index, name] = path;
      if (typeof index !== 'number' || index >= counts[spec.count]) return base;
      const target = typeof name === 'string' ? spec.fields[name] : undefined;
      return target ? [...base, index, target] : base;
    }
    return null;
  };
}
