import { useQueries } from '@tanstack/react-query';
import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { compoundKeys, fetchCompound } from '../compounds/api';

/** Names of compounds known only by id (read one by one, shared with the compound pages' cache). */
export function useCompoundNames(ids: readonly string[]): Record<string, string | undefined> {
  const results = useQueries({
    queries: ids.map((id) => ({
      queryKey: compoundKeys.one(id),
      queryFn: () => fetchCompound(id),
      staleTime: 5 * 60_000,
    })),
  });
  return Object.fromEntries(ids.map((id, i) => [id, results[i]?.data?.data.name]));
}

/** Compounds as links to their pages, named from `names` or read by id. */
export function CompoundLinks({ ids, names }: { ids: readonly string[]; names?: readonly string[] }) {
  const { t } = useTranslation();
  const fetched = useCompoundNames(names ? [] : ids);
  if (ids.length === 0) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <Space size={[4, 4]} wrap data-testid="compound-links">
      {ids.map((id, i) => (
        <Tag key={id}>
          <Link to={`/compounds/${id}`}>{names?.[i] ?? fetched[id] ?? t('common.loading')}</Link>
        </Tag>
      ))}
    </Space>
  );
}
