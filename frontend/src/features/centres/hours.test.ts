import { describe, expect, it } from 'vitest';
import { centreFieldPath, fromRows, isoWeekday, openAt, rowProblem, toRows } from './hours';

describe('opening hours', () => {
  const api = { '1': ['08:30', '20:00'], '6': ['09:00', '18:00'] };

  it('makes one row per weekday, closed where the API has no entry', () => {
    const rows = toRows(api);
    expect(rows).toHaveLength(7);
    expect(rows[0]).toEqual({ day: 1, open: true, from: '08:30', to: '20:00' });
    expect(rows[1]).toMatchObject({ day: 2, open: false });
    expect(rows[5]).toEqual({ day: 6, open: true, from: '09:00', to: '18:00' });
  });

  it('writes open days back and leaves closed ones out', () => {
    expect(fromRows(toRows(api))).toEqual(api);
    const rows = toRows(api);
    rows[0].open = false;
    expect(fromRows(rows)).toEqual({ '6': ['09:00', '18:00'] });
  });

  it('treats anything odd as closed', () => {
    expect(toRows(null).every((r) => !r.open)).toBe(true);
    expect(toRows({ '1': 'always', '2': ['08:00'] }).slice(0, 2).every((r) => !r.open)).toBe(true);
  });

  it('checks an open day has well-formed times, opening before closing', () => {
    expect(rowProblem({ open: true, from: '08:30', to: '20:00' })).toBeNull();
    expect(rowProblem({ open: true, from: '20:00', to: '08:30' })).toBe('order');
    expect(rowProblem({ open: true, from: '8:30', to: '20:00' })).toBe('format');
    expect(rowProblem({ open: false, from: 'x', to: 'y' })).toBeNull();
  });

  it('answers whether the centre is open at a time', () => {
    expect(openAt(api, 1, '08:30')).toBe(true);
    expect(openAt(api, 1, '20:00')).toBe(false);
    expect(openAt(api, 2, '10:00')).toBe(false);
  });

  it('numbers weekdays from Monday', () => {
    expect(isoWeekday(new Date(2026, 10, 23))).toBe(1); // a Monday
    expect(isoWeekday(new Date(2026, 10, 29))).toBe(7); // a Sunday
  });
});

describe('centreFieldPath', () => {
  it("puts a weekday's error under that day's row", () => {
    expect(centreFieldPath('opening_hours.1')).toEqual(['hours', 0, 'from']);
    expect(centreFieldPath('opening_hours.7')).toEqual(['hours', 6, 'from']);
  });

  it('puts errors about days that do not exist, or the whole object, under the first row', () => {
    expect(centreFieldPath('opening_hours.8')).toEqual(['hours', 0, 'from']);
    expect(centreFieldPath('opening_hours')).toEqual(['hours', 0, 'from']);
  });

  it('keeps the other fields and their nested parts', () => {
    expect(centreFieldPath('geofence_radius_m')).toEqual(['geofence_radius_m']);
    expect(centreFieldPath('location.lat')).toEqual(['location', 'lat']);
    expect(centreFieldPath('services')).toEqual(['services']);
    expect(centreFieldPath('version')).toBeNull();
  });
});
