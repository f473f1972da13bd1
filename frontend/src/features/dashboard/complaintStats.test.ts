import { describe, expect, it } from 'vitest';
import { complaintTotals } from './complaintStats';

const group = (o: Partial<Parameters<typeof complaintTotals>[1] extends (infer G)[] | undefined ? G : never>) => ({
  volume: 0,
  accepted: 0,
  resolved: 0,
  open_overdue: 0,
  rated: 0,
  percentiles_estimated: true,
  ...o,
});

describe('complaintTotals', () => {
  it('counts open and overdue complaints from the status counts', () => {
    const t = complaintTotals(
      [
        { status: 'submitted', count: 2, overdue: 0 },
        { status: 'assigned', count: 3, overdue: 2 },
        { status: 'closed', count: 5, overdue: 0 },
      ],
      [],
    );
    expect(t.open).toBe(5);
    expect(t.overdue).toBe(2);
  });

  it('weights satisfaction by rated complaints and punctuality by resolved ones', () => {
    const t = complaintTotals(undefined, [
      group({ volume: 4, rated: 1, satisfaction: 5, resolved: 1, on_time_rate: 1 }),
      group({ volume: 6, rated: 3, satisfaction: 3, resolved: 3, on_time_rate: 0 }),
      group({ volume: 1, rated: 0, satisfaction: null, resolved: 0, on_time_rate: null }),
    ]);
    expect(t.volume).toBe(11);
    expect(t.satisfaction).toBeCloseTo(3.5);
    expect(t.onTimeRate).toBeCloseTo(0.25);
    expect(complaintTotals([], []).satisfaction).toBeNull();
  });
});
