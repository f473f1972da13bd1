import { describe, expect, it } from 'vitest';
import { fenToYuan, formatMoney, formatYuan, parseYuan } from './money';

describe('formatYuan', () => {
  it('writes fen as yuan with two decimals and thousands separators', () => {
    expect(formatYuan(0)).toBe('0.00');
    expect(formatYuan(5)).toBe('0.05');
    expect(formatYuan(100)).toBe('1.00');
    expect(formatYuan(123456)).toBe('1,234.56');
    expect(formatYuan(4766213)).toBe('47,662.13');
    expect(formatYuan(123456789012)).toBe('1,234,567,890.12');
  });

  it('keeps the sign of negative amounts', () => {
    expect(formatYuan(-5)).toBe('-0.05');
    expect(formatYuan(-123456)).toBe('-1,234.56');
    expect(formatMoney(-123456)).toBe('-¥1,234.56');
    expect(formatMoney(100)).toBe('¥1.00');
  });

  it('shows a dash for what is not a number', () => {
    expect(formatYuan(Number.NaN)).toBe('—');
  });
});

describe('parseYuan', () => {
  it('reads yuan as people type them into integer fen', () => {
    expect(parseYuan('0')).toBe(0);
    expect(parseYuan('12')).toBe(1200);
    expect(parseYuan('12.5')).toBe(1250);
    expect(parseYuan('12.05')).toBe(1205);
    expect(parseYuan('0.29')).toBe(29);
    expect(parseYuan('.5')).toBe(50);
    expect(parseYuan('12.')).toBe(1200);
    expect(parseYuan(' 1,234.56 ')).toBe(123456);
    expect(parseYuan('1，234')).toBe(123400);
    expect(parseYuan('￥88')).toBe(8800);
    expect(parseYuan('¥ 88.8')).toBe(8880);
    expect(parseYuan('1234.56元')).toBe(123456);
  });

  it('never goes through floating point', () => {
    // 1.1 + 2.2 in floats is 3.3000000000000003; typed amounts stay exact.
    expect((parseYuan('1.10') ?? 0) + (parseYuan('2.20') ?? 0)).toBe(330);
    expect(parseYuan('4.35')).toBe(435);
    expect(parseYuan('999999999999.99')).toBe(99999999999999);
  });

  it('refuses signs, more than two decimals and anything else', () => {
    for (const text of ['', '   ', '-5', '+5', '1.234', 'abc', '1e3', '12.3.4', '¥', '.', null, undefined]) {
      expect(parseYuan(text)).toBeNull();
    }
  });

  it('round-trips with formatYuan', () => {
    for (const fen of [0, 1, 99, 100, 123456, 987654321]) expect(parseYuan(formatYuan(fen))).toBe(fen);
  });
});

describe('fenToYuan', () => {
  it('gives charts yuan', () => {
    expect(fenToYuan(123456)).toBe(1234.56);
  });
});
