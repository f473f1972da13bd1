import { describe, expect, it } from 'vitest';
import { daysBetween, feeYuan, meetingOverdue, percent, postActiveOn, trimPercent, yuanToFen } from './format';

describe('fees', () => {
  it('shows fen per m² as yuan with two decimals', () => {
    expect(feeYuan(93)).toBe('0.93');
    expect(feeYuan(150)).toBe('1.50');
    expect(feeYuan(0)).toBe('0.00');
    expect(feeYuan(1205)).toBe('12.05');
  });

  it('stores typed yuan as whole fen', () => {
    expect(yuanToFen(0.93)).toBe(93);
    expect(yuanToFen(1.1)).toBe(110);
    expect(yuanToFen(0.935)).toBe(94);
    expect(yuanToFen(2.675)).toBe(268);
  });
});

describe('percentages', () => {
  it('gives one decimal and survives an empty total', () => {
    expect(percent(547, 600)).toBe('91.2');
    expect(percent(1, 0)).toBe('0');
  });

  it('drops a needless .0', () => {
    expect(trimPercent(50)).toBe('50');
    expect(trimPercent(50.0)).toBe('50');
    expect(trimPercent(50.8)).toBe('50.8');
    expect(trimPercent(33.333)).toBe('33.3');
  });
});

describe('dates', () => {
  it('counts whole days, across months and years', () => {
    expect(daysBetween('2026-11-10', '2026-11-26')).toBe(16);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2026-11-26', '2026-11-10')).toBe(-16);
  });

  it('flags compounds without a joint meeting in the last 90 days, as the indicators do', () => {
    expect(meetingOverdue('2026-11-10', '2026-11-26')).toBe(false);
    expect(meetingOverdue('2026-08-29', '2026-11-26')).toBe(false); // 89 days
    expect(meetingOverdue('2026-08-28', '2026-11-26')).toBe(true); // 90 days
    expect(meetingOverdue(null, '2026-11-26')).toBe(true);
  });

  it('holds a post from its start until (not on) its end date', () => {
    const post = { start_date: '2024-01-01', end_date: '2026-11-26' };
    expect(postActiveOn(post, '2024-01-01')).toBe(true);
    expect(postActiveOn(post, '2026-11-25')).toBe(true);
    expect(postActiveOn(post, '2026-11-26')).toBe(false);
    expect(postActiveOn(post, '2023-12-31')).toBe(false);
    expect(postActiveOn({ start_date: '2024-01-01', end_date: null }, '2030-01-01')).toBe(true);
  });
});
