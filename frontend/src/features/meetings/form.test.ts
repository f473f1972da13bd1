import { describe, expect, it } from 'vitest';
import type { Meeting } from '../../api/types';
import { defaultAttendance, defaultConvener, meetingFieldPath, toMeetingBody, toMeetingValues, type MeetingValues } from './form';

const values: MeetingValues = {
  compound_id: 'c1',
  held_on: '2026-11-26',
  title: ' 融城花苑联席会议 ',
  location: '',
  convener_org_id: 'branch',
  minutes: {
    attendance: [
      { body: 'compound_party_branch', organisation_id: 'branch', attendees: ['张三', ' ', '李四 '] },
      { body: 'owners_committee', organisation_id: 'oc', attendees: [] },
    ],
    agenda: [{ title: '停车', discussion: '' }, { title: '续签物业合同' }],
    resolutions: [{ text: '增设车位' }, { text: ' 续签 ' }],
  },
  action_items: [{ resolution_no: 2, description: '起草合同', owner_org_id: 'oc', due_on: '2026-12-15' }],
};

describe('toMeetingBody', () => {
  it('numbers agenda items and resolutions in order and trims texts', () => {
    const body = toMeetingBody(values);
    expect(body.title).toBe('融城花苑联席会议');
    expect(body.minutes.agenda).toEqual([
      { no: 1, title: '停车', discussion: '' },
      { no: 2, title: '续签物业合同', discussion: '' },
    ]);
    expect(body.minutes.resolutions).toEqual([
      { no: 1, text: '增设车位' },
      { no: 2, text: '续签' },
    ]);
  });

  it('keeps attendee names, dropping blank ones', () => {
    expect(toMeetingBody(values).minutes.attendance[0].attendees).toEqual(['张三', '李四']);
  });

  it('sends action items with their resolution and date', () => {
    expect(toMeetingBody(values).action_items).toEqual([
      { resolution_no: 2, description: '起草合同', owner_org_id: 'oc', due_on: '2026-12-15' },
    ]);
  });
});

describe('toMeetingValues', () => {
  it('renumbers resolutions from 1 and moves action items with them', () => {
    const meeting = {
      compound_id: 'c1',
      held_on: '2026-11-01',
      title: 't',
      location: 'l',
      convener_org_id: 'x',
      minutes: {
        attendance: [{ organisation_id: 'branch', body: 'compound_party_branch', attendees: ['王五'] }],
        agenda: [
          { no: 5, title: 'b', discussion: '' },
          { no: 2, title: 'a' },
        ],
        resolutions: [
          { no: 7, text: 'second' },
          { no: 3, text: 'first' },
        ],
      },
      action_items: [
        { resolution_no: 7, description: 'd', owner_org_id: 'o', due_on: '2026-12-01' },
        { resolution_no: null, description: 'e', owner_org_id: 'o', due_on: '2026-12-02' },
      ],
    } as unknown as Meeting;
    const v = toMeetingValues(meeting);
    expect(v.minutes.agenda.map((a) => a.title)).toEqual(['a', 'b']);
    expect(v.minutes.resolutions.map((r) => r.text)).toEqual(['first', 'second']);
    expect(v.action_items.map((a) => a.resolution_no)).toEqual([2, null]);
    expect(v.minutes.attendance[0]).toEqual({ body: 'compound_party_branch', organisation_id: 'branch', attendees: ['王五'] });
  });
});

describe('defaultAttendance', () => {
  it('makes a row per body the compound has and fills in the only organisation of a kind', () => {
    const rows = defaultAttendance([
      { id: 'co', kind: 'property_company' },
      { id: 'oc', kind: 'owners_committee' },
      { id: 'br', kind: 'compound_party_branch' },
      { id: 'sc', kind: 'supervisory_committee' },
      { id: 'vt', kind: 'volunteer_team' },
    ]);
    expect(rows.map((r) => [r.body, r.organisation_id])).toEqual([
      ['compound_party_branch', 'br'],
      ['owners_committee', 'oc'],
      ['property_company', 'co'],
      ['supervisory_committee', 'sc'],
    ]);
  });

  it('leaves the choice open when a compound has two of a kind', () => {
    const rows = defaultAttendance([
      { id: 'a', kind: 'property_company' },
      { id: 'b', kind: 'property_company' },
    ]);
    expect(rows).toEqual([{ body: 'property_company', organisation_id: undefined, attendees: [] }]);
  });

  it('offers a self-managed compound its residents’ committee', () => {
    const rows = defaultAttendance([
      { id: 'br', kind: 'compound_party_branch' },
      { id: 'rc', kind: 'residents_committee' },
    ]);
    expect(rows.map((r) => r.body)).toEqual(['compound_party_branch', 'residents_committee']);
  });

  it('offers the four bodies, empty, when nothing is known', () => {
    expect(defaultAttendance([]).map((r) => r.body)).toEqual([
      'compound_party_branch',
      'owners_committee',
      'property_company',
      'supervisory_committee',
    ]);
  });

  it('prefers the community party committee as convener', () => {
    expect(defaultConvener([{ id: 'br', kind: 'compound_party_branch' }, { id: 'cc', kind: 'community_party_committee' }])).toBe('cc');
    expect(defaultConvener([{ id: 'br', kind: 'compound_party_branch' }])).toBe('br');
    expect(defaultConvener([])).toBeUndefined();
  });
});

describe('meetingFieldPath', () => {
  const map = meetingFieldPath({ attendance: 4, agenda: 1, resolutions: 1, actionItems: 1 });

  it('puts row errors under the row and field they name', () => {
    expect(map('minutes.attendance[0].organisation_id')).toEqual(['minutes', 'attendance', 0, 'organisation_id']);
    expect(map('minutes.attendance[3].attendees')).toEqual(['minutes', 'attendance', 3, 'attendees']);
    expect(map('action_items[0].due_on')).toEqual(['action_items', 0, 'due_on']);
    expect(map('action_items[0].owner_org_id')).toEqual(['action_items', 0, 'owner_org_id']);
    expect(map('minutes.agenda[0].title')).toEqual(['minutes', 'agenda', 0, 'title']);
    expect(map('minutes.resolutions[0].text')).toEqual(['minutes', 'resolutions', 0, 'text']);
  });

  it('puts errors about a whole list, or a row the form lacks, under the list', () => {
    expect(map('minutes.attendance')).toEqual(['minutes', 'attendance']);
    expect(map('minutes.resolutions')).toEqual(['minutes', 'resolutions']);
    expect(map('action_items[5].due_on')).toEqual(['action_items']);
  });

  it('puts a number the form keeps under the row’s text', () => {
    expect(map('minutes.agenda[0].no')).toEqual(['minutes', 'agenda', 0, 'title']);
  });

  it('keeps the meeting’s own fields and leaves unknown ones to the notification', () => {
    expect(map('convener_org_id')).toEqual(['convener_org_id']);
    expect(map('held_on')).toEqual(['held_on']);
    expect(map('status')).toBeNull();
    expect(map('minutes')).toBeNull();
  });
});
