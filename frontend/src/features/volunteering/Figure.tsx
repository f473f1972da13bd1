import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** A labelled big number for the dashboard tiles and the phone's summary. */
export function Figure({ label, value, footer, testId }: { label: ReactNode; value: ReactNode; footer?: ReactNode; testId?: string }) {
  return (
    <div data-testid={testId}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <div style={{ fontSize: 28, fontWeight: 600, lineHeight: 1.3 }}>{value}</div>
      {footer && <div style={{ fontSize: 13, color: '#888' }}>{footer}</div>}
    </div>
  );
}
