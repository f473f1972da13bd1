import { describe, expect, it } from 'vitest';
import {
  countdown,
  currentDeadline,
  mayMerge,
  mayRequestExtension,
  needsReason,
  orderedActions,
  residentCompounds,
  routingText,
  tallyCounts,
} from './model';

describe('complaint rules', () => {
  it('measures an assigned order by its signing deadline, a signed one by its resolution deadline', () => {
    const c = { sign_by: '2026-11-26T15:00:00Z', resolve_by: '2026-11-30T11:00:00Z' };
    expect(currentDeadline({ ...c, status: 'assigned' })).toEqual({ kind: 'sign', at: c.sign_by });
    expect(currentDeadline({ ...c, status: 'signed' })).toEqual({ kind: 'resolve', at: c.resolve_by });
    expect(currentDeadline({ ...c, status: 'in_progress' })).toEqual({ kind: 'resolve', at: c.resolve_by });
    expect(currentDeadline({ ...c, status: 'resolved' })).toBeNull();
    expect(currentDeadline({ status: 'assigned', sign_by: null, resolve_by: null })).toBeNull();
  });

  it('counts down to a deadline and past it', () => {
    const now = new Date('2026-11-26T10:00:00Z');
    expect(countdown('2026-11-27T12:30:00Z', now)).toEqual({ overdue: false, days: 1, hours: 2, minutes: 30 });
    expect(countdown('2026-11-26T07:15:00Z', now)).toEqual({ overdue: true, days: 0, hours: 2, minutes: 45 });
  });

  it('offers the allowed actions in a steady order', () => {
    expect(orderedActions(['reject', 'accept'])).toEqual(['accept', 'reject']);
    expect(orderedActions(['resolve', 'return', 'start'])).toEqual(['start', 'resolve', 'return']);
  });

  it('asks a reason for refusing and returning only', () => {
    expect(needsReason('reject')).toContain('judicial_matter');
    expect(needsReason('return')).toContain('wrong_compound');
    expect(needsReason('accept')).toBeNull();
  });

  it('adds up the counts for the tabs', () => {
    const t = tallyCounts([
      { status: 'submitted', count: 3, overdue: 0 },
      { status: 'assigned', count: 2, overdue: 1 },
    ]);
    expect(t.total).toBe(5);
    expect(t.overdue).toBe(1);
    expect(t.byStatus.assigned).toEqual({ count: 2, overdue: 1 });
    expect(tallyCounts(undefined).total).toBe(0);
  });

  it('lets the handler ask for more time once at a time', () => {
    const pending = { id: 'e', hours: 8, reason: 'x', status: 'pending', requester_name: 'h', created_at: '' };
    expect(mayRequestExtension({ allowed_actions: ['start', 'resolve'], extensions: [] })).toBe(true);
    expect(mayRequestExtension({ allowed_actions: ['resolve'], extensions: [pending] })).toBe(false);
    expect(mayRequestExtension({ allowed_actions: ['close'], extensions: [] })).toBe(false);
  });

  it('offers merging to dispatchers on open complaints that are not merged already', () => {
    expect(mayMerge({ status: 'submitted', duplicate_of: null }, true)).toBe(true);
    expect(mayMerge({ status: 'submitted', duplicate_of: null }, false)).toBe(false);
    expect(mayMerge({ status: 'resolved', duplicate_of: null }, true)).toBe(false);
    expect(mayMerge({ status: 'submitted', duplicate_of: 'x' }, true)).toBe(false);
  });

  it('puts the routing rule in words', () => {
    const names: Record<string, string> = { 'handlerRules.governance_mode': '按小区治理模式', 'governanceModes.self_managed': '自治管理' };
    expect(routingText('governance_mode/self_managed: 居民自治委员会', (k) => names[k])).toBe('按小区治理模式（自治管理） → 居民自治委员会');
    expect(routingText('something else', () => undefined)).toBe('something else');
  });

  it("takes a resident's compounds from their resident grants", () => {
    expect(
      residentCompounds([
        { role: 'resident', area_id: 'a', area_name: '卫技新村', area_kind: 'compound' },
        { role: 'resident', area_id: 'a', area_name: '卫技新村', area_kind: 'compound' },
        { role: 'volunteer', area_id: 'b', area_name: '融城花苑', area_kind: 'compound' },
      ]),
    ).toEqual([{ id: 'a', name: '卫技新村' }]);
  });
});
