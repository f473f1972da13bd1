import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { hours } from './model';

/** `1.5 小时`. */
export function Hours({ minutes, strong }: { minutes: number | null | undefined; strong?: boolean }) {
  const { t } = useTranslation();
  const text = t('volunteering.hoursValue', { hours: hours(minutes) });
  return strong ? <Typography.Text strong>{text}</Typography.Text> : <>{text}</>;
}
