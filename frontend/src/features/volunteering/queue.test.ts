import { describe, expect, it } from 'vitest';
import {
  applyOutcomes,
  isNetworkFailure,
  loadQueue,
  MAX_TRIES,
  pendingCheckIn,
  queuedCheckOut,
  queueKey,
  saveQueue,
  toUpload,
  type QueuedItem,
  type StorageLike,
} from './queue';

function memory(): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

const checkIn = (id: string, over: Partial<QueuedItem> = {}): QueuedItem => ({
  client_id: id,
  kind: 'check_in',
  device_time: '2026-07-01T02:00:00.000Z',
  activity_id: 'act-1',
  location: { lat: 28.1, lon: 113.0, accuracy_m: 10 },
  place_name: '敲门行动',
  ...over,
});

describe('storage', () => {
  it('keeps each user’s queue under its own key', () => {
    const s = memory();
    saveQueue(s, queueKey('u1'), [checkIn('c-000001')]);
    expect(loadQueue(s, queueKey('u1'))).toHaveLength(1);
    expect(loadQueue(s, queueKey('u2'))).toEqual([]);
  });

  it('removes the key when the queue is empty', () => {
    const s = memory();
    saveQueue(s, 'k', [checkIn('c-000001')]);
    saveQueue(s, 'k', []);
    expect(s.data.has('k')).toBe(false);
  });

  it('reads anything broken as empty and skips malformed records', () => {
    const s = memory();
    s.setItem('k', '{not json');
    expect(loadQueue(s, 'k')).toEqual([]);
    s.setItem('k', JSON.stringify([checkIn('ok-000001'), { kind: 'check_in' }, 42]));
    expect(loadQueue(s, 'k').map((q) => q.client_id)).toEqual(['ok-000001']);
    expect(loadQueue(null, 'k')).toEqual([]);
  });
});

describe('the open check-in and check-outs', () => {
  it('finds the queued check-in no queued check-out closed', () => {
    expect(pendingCheckIn([])).toBeNull();
    const a = checkIn('a-000001');
    expect(pendingCheckIn([a])).toBe(a);
    const out = queuedCheckOut([a], 'o-000001', new Date('2026-07-01T03:00:00Z'));
    expect(out).toMatchObject({ kind: 'check_out', check_in_client_id: 'a-000001', device_time: '2026-07-01T03:00:00.000Z' });
    expect(pendingCheckIn([a, out])).toBeNull();
  });

  it('closes the server’s check-in when none is queued', () => {
    const out = queuedCheckOut([], 'o-000001', new Date('2026-07-01T03:00:00Z'));
    expect(out.check_in_client_id).toBeNull();
  });

  it('sends only what the server takes', () => {
    const [item] = toUpload([checkIn('a-000001', { tries: 2, qr_token: null })]);
    expect(item).toEqual({
      client_id: 'a-000001',
      kind: 'check_in',
      device_time: '2026-07-01T02:00:00.000Z',
      activity_id: 'act-1',
      location: { lat: 28.1, lon: 113.0, accuracy_m: 10 },
    });
  });
});

describe('applying the outcomes', () => {
  const a = checkIn('a-000001');
  const out = queuedCheckOut([a], 'o-000001', new Date('2026-07-01T03:00:00Z'));

  it('removes accepted and duplicate records', () => {
    const r = applyOutcomes([a, out], [
      { client_id: 'a-000001', result: 'accepted' },
      { client_id: 'o-000001', result: 'duplicate' },
    ]);
    expect(r).toEqual({ queue: [], done: 2, rejected: [] });
  });

  it('drops a refused record with its reason, and the check-out of a refused check-in', () => {
    const r = applyOutcomes([a, out], [
      { client_id: 'a-000001', result: 'rejected', code: 'outside_geofence', detail: '约 350 米 / 350 m' },
      { client_id: 'o-000001', result: 'rejected', code: 'check_in_unknown', detail: 'x' },
    ]);
    expect(r.queue).toEqual([]);
    expect(r.rejected.map((x) => [x.item.client_id, x.code])).toEqual([
      ['a-000001', 'outside_geofence'],
      ['o-000001', 'outside_geofence'],
    ]);
  });

  it('keeps a check-out whose check-in is unknown yet, for a few tries', () => {
    const lone = queuedCheckOut([], 'o-000002', new Date('2026-07-01T03:00:00Z'));
    let queue: QueuedItem[] = [lone];
    for (let i = 1; i < MAX_TRIES; i++) {
      const r = applyOutcomes(queue, [{ client_id: 'o-000002', result: 'rejected', code: 'check_in_unknown' }]);
      expect(r.queue).toHaveLength(1);
      expect(r.queue[0].tries).toBe(i);
      expect(r.rejected).toEqual([]);
      queue = r.queue;
    }
    const last = applyOutcomes(queue, [{ client_id: 'o-000002', result: 'rejected', code: 'check_in_unknown' }]);
    expect(last.queue).toEqual([]);
    expect(last.rejected[0].code).toBe('check_in_unknown');
  });

  it('keeps a check-out while its check-in still waits in the queue', () => {
    const r = applyOutcomes([a, { ...out, tries: MAX_TRIES + 3 }], [{ client_id: 'o-000001', result: 'rejected', code: 'check_in_unknown' }]);
    expect(r.queue.map((q) => q.client_id)).toEqual(['a-000001', 'o-000001']);
  });

  it('keeps records the server did not answer for', () => {
    const r = applyOutcomes([a, out], [{ client_id: 'a-000001', result: 'accepted' }]);
    expect(r.queue.map((q) => q.client_id)).toEqual(['o-000001']);
    expect(r.done).toBe(1);
  });
});

describe('network failures', () => {
  it('counts a thrown fetch or an offline browser as no network', () => {
    expect(isNetworkFailure(new TypeError('Failed to fetch'), true)).toBe(true);
    expect(isNetworkFailure(new Error('HTTP 500'), true)).toBe(false);
    expect(isNetworkFailure(new Error('anything'), false)).toBe(true);
  });
});
