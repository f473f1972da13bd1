import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Placeholder until the page is built. */
export default function ActivityPage() {
  const { t } = useTranslation();
  return <Typography.Title level={3}>{t('volunteering.title')}</Typography.Title>;
}
