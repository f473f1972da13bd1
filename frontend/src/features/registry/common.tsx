// Small pieces the registry pages share: load errors, stale-record handling, compound links.
import { useQueries } from '@tanstack/react-query';
import { Button, Result, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, errorNotice } from '../../api/problem';
import { translate } from '../../i18n';
import { useProblem } from '../../lib/useProblem';
import { compoundKeys, fetchCompound } from '../compounds/api';
import { fetchOrganisation, organisationKeys } from '../organisations/api';

/** 412 (changed meanwhile) or 428 (no version sent): reload the record and say so. */
export function isStale(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 412 || error.status === 428);
}

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

/** A record that could not be read (gone, or outside the user's area). */
export function RecordError({ error, back }: { error: unknown; back: string }) {
  const { t } = useTranslation();
  return (
    <Result
      status="warning"
      title={errorNotice(error, translate).message}
      extra={
        <Link to={back}>
          <Button>{t('common.back')}</Button>
        </Link>
      }
    />
  );
}

/** Names of compounds known only by id (read one by one, shared with the compound pages' cache). */
export function useCompoundNames(ids: readonly string[]): Record<string, string | undefined> {
  const results = useQueries({
    queries: ids.map((id) => ({
      queryKey: compoundKeys.one(id),
      queryFn: () => fetchCompound(id),
      staleTime: 5 * 60_000,
    })),
  });
  return Object.fromEntries(ids.map((id, i) => [id, results[i]?.data?.compound.name]));
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

/** Names of organisations known only by id; those the user may not read stay unnamed. */
export function useOrganisationNames(ids: readonly string[]): Record<string, string | undefined> {
  const results = useQueries({
    queries: ids.map((id) => ({
      queryKey: organisationKeys.one(id),
      queryFn: () => fetchOrganisation(id),
      staleTime: 5 * 60_000,
      retry: false,
    })),
  });
  return Object.fromEntries(ids.map((id, i) => [id, results[i]?.data?.data.name]));
}
