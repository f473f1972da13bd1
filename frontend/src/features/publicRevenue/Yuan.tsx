import { formatYuan } from '../../lib/money';

/** An amount in yuan, digits aligned (for tables and totals). */
export function Yuan({ fen, strong, testId }: { fen: number; strong?: boolean; testId?: string }) {
  return (
    <span
      data-testid={testId}
      style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', fontWeight: strong ? 600 : undefined, color: fen < 0 ? '#cf1322' : undefined }}
    >
      {formatYuan(fen)}
    </span>
  );
}
