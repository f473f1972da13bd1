import { formatYuan } from './model';

/** An amount in yuan, digits aligned (for tables and totals). */
export function Yuan({ fen, strong, testId }: { fen: number | null | undefined; strong?: boolean; testId?: string }) {
  return (
    <span data-testid={testId} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', fontWeight: strong ? 600 : undefined }}>
      {formatYuan(fen)}
    </span>
  );
}
