import { Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useProblem } from '../lib/useProblem';

/** Under a list whose page failed to load: the reason on demand, and a retry. */
export function LoadFailed({ query }: { query: { isError: boolean; error: unknown; refetch: () => unknown } }) {
  const { t } = useTranslation();
  const { notify } = useProblem();
  if (!query.isError) return null;
  return (
    <Typography.Paragraph type="danger" style={{ marginTop: 12 }}>
      <Button type="link" onClick={() => notify(query.error)}>
        {t('common.loadFailed')}
      </Button>
      <Button onClick={() => void query.refetch()}>{t('common.retry')}</Button>
    </Typography.Paragraph>
  );
}
