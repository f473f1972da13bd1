import { describe, expect, it } from 'vitest';
import { ApiError, type Translate } from '../../api/problem';
import {
  activityPhase,
  capacityOf,
  centreOfToken,
  checkInChoices,
  chinaDay,
  elapsed,
  hours,
  lastEndedQuarter,
  outcomeNotice,
  quarterOf,
  recentQuarters,
  refusal,
  reportActive,
  reportingPercent,
  reportStatusOf,
  secondsUntil,
  verificationOf,
  VERIFICATION_COLOR,
} from './model';
import type { Activity } from './types';
import { volunteeringEn, volunteeringZh } from './i18n';

function tr(table: Record<string, string>, language = 'zh-CN'): Translate {
  const f = ((key: string) => table[key]) as Translate;
  f.language = language;
  return f;
}

const activity = (over: Partial<Activity> = {}): Activity => ({
  id: 'a1',
  title: '敲门行动',
  place_name: '融城社区邻里中心',
  starts_at: '2026-07-01T01:00:00Z',
  ends_at: '2026-07-01T04:00:00Z',
  capacity: 10,
  signed_up: 3,
  checked_in: 0,
  status: 'open',
  signed_up_by_me: false,
  ...over,
});

describe('hours', () => {
  it('shows minutes as hours with one decimal', () => {
    expect(hours(0)).toBe('0.0');
    expect(hours(90)).toBe('1.5');
    expect(hours(100)).toBe('1.7');
    expect(hours(59)).toBe('1.0');
    expect(hours(2)).toBe('0.0');
    expect(hours(3)).toBe('0.1');
    expect(hours(13_000 * 60)).toBe('13000.0');
  });

  it('takes nothing and negatives as zero', () => {
    expect(hours(null)).toBe('0.0');
    expect(hours(undefined)).toBe('0.0');
    expect(hours(-30)).toBe('0.0');
  });
});

describe('status labels', () => {
  it('reads verification and report statuses, unknown ones as the first', () => {
    expect(verificationOf('verified')).toBe('verified');
    expect(verificationOf('rejected')).toBe('rejected');
    expect(verificationOf('weird')).toBe('pending');
    expect(reportStatusOf('confirmed')).toBe('confirmed');
    expect(reportStatusOf('nonsense')).toBe('requested');
    expect(VERIFICATION_COLOR.verified).toBe('green');
  });

  it('has a label in both languages for every status', () => {
    for (const v of ['pending', 'verified', 'rejected'] as const) {
      expect(volunteeringZh.volunteering.verification[v]).toBeTruthy();
      expect(volunteeringEn.volunteering.verification[v]).toBeTruthy();
    }
    expect(volunteeringZh.volunteering.verification.verified).toBe('已核验');
    expect(volunteeringZh.volunteering.reportStatus.requested).toBe('待确认');
  });

  it('counts a requested or confirmed report as active', () => {
    expect(reportActive({ status: 'requested' })).toBe(true);
    expect(reportActive({ status: 'confirmed' })).toBe(true);
    expect(reportActive({ status: 'declined' })).toBe(false);
    expect(reportActive(null)).toBe(false);
  });
});

describe('capacity', () => {
  it('gives places taken, left and the bar', () => {
    expect(capacityOf({ signed_up: 3, capacity: 10 })).toEqual({ taken: 3, capacity: 10, left: 7, full: false, percent: 30 });
  });

  it('is full at capacity and never shows more than 100%', () => {
    expect(capacityOf({ signed_up: 10, capacity: 10 }).full).toBe(true);
    expect(capacityOf({ signed_up: 12, capacity: 10 })).toMatchObject({ left: 0, full: true, percent: 100 });
  });
});

describe('activity phases and today’s choices', () => {
  const a = activity();
  it('tells upcoming, ongoing, over and cancelled', () => {
    expect(activityPhase(a, Date.parse('2026-07-01T00:59:00Z'))).toBe('upcoming');
    expect(activityPhase(a, Date.parse('2026-07-01T02:00:00Z'))).toBe('ongoing');
    expect(activityPhase(a, Date.parse('2026-07-01T04:01:00Z'))).toBe('ended');
    expect(activityPhase({ ...a, status: 'cancelled' }, Date.parse('2026-07-01T02:00:00Z'))).toBe('cancelled');
  });

  it('uses the China calendar day', () => {
    expect(chinaDay('2026-06-30T16:30:00Z')).toBe('2026-07-01');
    expect(chinaDay('2026-06-30T15:59:00Z')).toBe('2026-06-30');
  });

  it('offers today’s open activities, mine and ongoing first', () => {
    const now = Date.parse('2026-07-01T02:00:00Z');
    const later = activity({ id: 'later', starts_at: '2026-07-01T06:00:00Z', ends_at: '2026-07-01T08:00:00Z', signed_up_by_me: true });
    const ongoingMine = activity({ id: 'mine', signed_up_by_me: true });
    const ongoing = activity({ id: 'other' });
    const tomorrow = activity({ id: 'tomorrow', starts_at: '2026-07-02T01:00:00Z', ends_at: '2026-07-02T03:00:00Z' });
    const cancelled = activity({ id: 'cancelled', status: 'cancelled' });
    const over = activity({ id: 'over', starts_at: '2026-07-01T00:00:00Z', ends_at: '2026-07-01T01:00:00Z' });
    expect(checkInChoices([tomorrow, later, ongoing, cancelled, over, ongoingMine], now).map((x) => x.id)).toEqual(['mine', 'later', 'other']);
  });

  it('counts time served and seconds left', () => {
    expect(elapsed('2026-07-01T02:00:00Z', Date.parse('2026-07-01T03:02:05Z'))).toBe('1:02:05');
    expect(elapsed('2026-07-01T02:00:00Z', Date.parse('2026-07-01T01:00:00Z'))).toBe('0:00:00');
    expect(secondsUntil(10_500, 1_000)).toBe(10);
    expect(secondsUntil(1_000, 2_000)).toBe(0);
  });
});

describe('refusals', () => {
  const table = {
    'volunteering.errors.outside_geofence': '不在签到范围内',
    'volunteering.errors.activity_full': '活动名额已满',
    'errors.unknown': '操作失败',
  };
  const geofence = new ApiError(409, {
    type: 'urn:linli:problem:outside_geofence',
    title: '状态冲突 / Conflict',
    status: 409,
    code: 'outside_geofence',
    detail: '您距离签到地点约 350 米，超出 100 米签到范围 / you are about 350 m away, outside the 100 m check-in area',
  });

  it('names the refusal and keeps the server’s sentence with the distance', () => {
    expect(refusal(geofence, tr(table))).toEqual({
      message: '不在签到范围内',
      description: '您距离签到地点约 350 米，超出 100 米签到范围',
    });
    expect(refusal(geofence, tr(table, 'en')).description).toBe('you are about 350 m away, outside the 100 m check-in area');
  });

  it('shows an unknown code by the server’s words', () => {
    const other = new ApiError(409, { type: 'x', title: 'T / T', status: 409, code: 'something_new', detail: '出错了 / went wrong' });
    expect(refusal(other, tr(table))).toEqual({ message: '出错了' });
  });

  it('reads sync outcomes the same way', () => {
    expect(outcomeNotice('activity_full', null, tr(table))).toEqual({ message: '活动名额已满' });
    expect(outcomeNotice(null, null, tr(table))).toBeNull();
  });

  it('has a text for every refusal code in both languages', () => {
    expect(Object.keys(volunteeringZh.volunteering.errors).sort()).toEqual(Object.keys(volunteeringEn.volunteering.errors).sort());
  });
});

describe('QR tokens', () => {
  it('reads the centre a token names', () => {
    const uuid = '0190f5a2-1b2c-7d3e-8f40-5a6b7c8d9e0f';
    const bytes = uuid.replace(/-/g, '').match(/../g)!.map((h) => parseInt(h, 16));
    const payload = Buffer.from([...bytes, 0, 0, 0, 0, 0x68, 0x70, 0, 0]).toString('base64url');
    expect(centreOfToken(`${payload}.c2lnbmF0dXJl`)).toBe(uuid);
  });

  it('gives nothing for garbage', () => {
    expect(centreOfToken('')).toBeNull();
    expect(centreOfToken('not a token!')).toBeNull();
    expect(centreOfToken('YWJj.x')).toBeNull();
  });
});

describe('quarters and the target', () => {
  it('names quarters as the API does', () => {
    expect(quarterOf('2026-08-15')).toBe('2026Q3');
    expect(lastEndedQuarter('2026-08-15')).toBe('2026Q2');
    expect(lastEndedQuarter('2026-02-01')).toBe('2025Q4');
    expect(recentQuarters('2026-02-01', 3)).toEqual(['2026Q1', '2025Q4', '2025Q3']);
  });

  it('gives the share of the 13,000 target', () => {
    expect(reportingPercent(6500, 13000)).toBe(50);
    expect(reportingPercent(1, 13000)).toBe(0);
    expect(reportingPercent(13, 13000)).toBe(0.1);
    expect(reportingPercent(20000, 13000)).toBe(100);
    expect(reportingPercent(5, 0)).toBe(0);
  });
});
