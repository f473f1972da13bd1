import { afterEach, describe, expect, it, vi } from 'vitest';
import { fileDay, fileNameFrom } from './download';

describe('fileNameFrom', () => {
  it('prefers the UTF-8 name', () => {
    expect(fileNameFrom(`attachment; filename="compounds.csv"; filename*=UTF-8''%E5%B0%8F%E5%8C%BA.csv`)).toBe('小区.csv');
  });

  it('falls back to the plain name', () => {
    expect(fileNameFrom('attachment; filename="compounds.csv"')).toBe('compounds.csv');
    expect(fileNameFrom('attachment; filename=compounds.csv')).toBe('compounds.csv');
  });

  it('has nothing without a header', () => {
    expect(fileNameFrom(null)).toBeNull();
    expect(fileNameFrom('inline')).toBeNull();
  });
});

describe('fileDay', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    vi.useRealTimers();
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('writes the day of the browser’s calendar', () => {
    expect(fileDay(new Date(2026, 11, 1, 0, 30))).toBe('2026-12-01');
    expect(fileDay(new Date(2027, 0, 9, 23, 59))).toBe('2027-01-09');
  });

  it('is today in China before 08:00 there, not yesterday as in UTC', () => {
    process.env.TZ = 'Asia/Shanghai';
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-30T17:00:00Z')); // 01:00 on 1 December in Changsha
    expect(fileDay()).toBe('2026-12-01');
  });
});
