import { Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { capacityOf } from './model';
import type { Activity } from './types';

/** Places taken of the capacity, with a bar. */
export function CapacityBar({ activity, compact }: { activity: Pick<Activity, 'signed_up' | 'capacity'>; compact?: boolean }) {
  const { t } = useTranslation();
  const c = capacityOf(activity);
  return (
    <div data-testid="capacity" style={{ minWidth: compact ? 120 : 200 }}>
      <Typography.Text type={c.full ? 'danger' : undefined}>
        {t('volunteering.activity.placesTaken', { taken: c.taken, capacity: c.capacity })}
        {c.full && ` · ${t('volunteering.activity.full')}`}
      </Typography.Text>
      <Progress percent={c.percent} size="small" showInfo={false} status={c.full ? 'exception' : 'normal'} />
    </div>
  );
}
