// Sums for the dashboard's complaint tiles (pure, tested).
import type { ComplaintCounts, ComplaintGroupStats } from '../../api/types';

const FINISHED = new Set(['resolved', 'closed', 'rejected']);

export function complaintTotals(counts: ComplaintCounts | undefined, groups: ComplaintGroupStats[] | undefined) {
  let open = 0;
  let overdue = 0;
  for (const c of counts ?? []) {
    if (!FINISHED.has(c.status)) open += c.count;
    overdue += c.overdue;
  }
  let volume = 0;
  let rated = 0;
  let ratingSum = 0;
  let resolved = 0;
  let onTime = 0;
  for (const g of groups ?? []) {
    volume += g.volume;
    if (g.satisfaction !== null && g.satisfaction !== undefined && g.rated > 0) {
      rated += g.rated;
      ratingSum += g.satisfaction * g.rated;
    }
    if (g.on_time_rate !== null && g.on_time_rate !== undefined && g.resolved > 0) {
      resolved += g.resolved;
      onTime += g.on_time_rate * g.resolved;
    }
  }
  return {
    open,
    overdue,
    volume,
    rated,
    /** Mean rating weighted by the rated complaints of each group; null when none is rated. */
    satisfaction: rated > 0 ? ratingSum / rated : null,
    /** Share resolved on time, weighted by resolved complaints; null when none is resolved. */
    onTimeRate: resolved > 0 ? onTime / resolved : null,
  };
}
