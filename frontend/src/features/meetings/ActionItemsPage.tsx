import { Card, Form, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ActionStatus } from '../../api/types';
import { useSession } from '../../auth/session';
import { Pager } from '../../lib/paging';
import { usePagedList } from '../../lib/usePagedList';
import { oneOf } from '../../lib/urlFilters';
import { CompoundSelect } from '../registry/CompoundSelect';
import { LoadFailed } from '../../components/LoadFailed';
import { ACTION_STATUSES } from '../registry/kinds';
import { ActionItemsTable } from './ActionItemsTable';
import { useActionItemPage, type ActionItemFilters } from './api';
import { useMeetingTabs } from './MeetingTabs';
import { FilterBar } from '../../components/FilterBar';

function readFilters(params: URLSearchParams): ActionItemFilters {
  return {
    overdue: params.get('overdue') === 'true' || undefined,
    status: oneOf(params.get('status'), ACTION_STATUSES),
    compound_id: params.get('compound_id') ?? undefined,
  };
}

export default function ActionItemsPage() {
  const { t } = useTranslation();
  const { access } = useSession();
  const tabs = useMeetingTabs('actions');
  const { filters, setFilter, reset, paging, page } = usePagedList(readFilters, useActionItemPage);

  return (
    <Card {...tabs} title={t('menu.meetings')}>
      <FilterBar onReset={reset}>
        <Form.Item label={t('actionItems.filterOverdue')}>
          <Switch
            checked={!!filters.overdue}
            onChange={(on) => setFilter({ overdue: on || undefined })}
            data-testid="filter-overdue"
          />
        </Form.Item>
        <Form.Item label={t('actionItems.filterStatus')}>
          <Select<ActionStatus | ''>
            data-testid="filter-status"
            style={{ width: 120 }}
            value={filters.status ?? ''}
            onChange={(v) => setFilter({ status: v || undefined })}
            options={[
              { value: '', label: t('common.all') },
              ...ACTION_STATUSES.map((s) => ({ value: s, label: t(`actionStatus.${s}`) })),
            ]}
          />
        </Form.Item>
        <Form.Item label={t('actionItems.filterCompound')}>
          <CompoundSelect
            data-testid="filter-compound"
            style={{ width: 200 }}
            value={filters.compound_id}
            onChange={(v) => setFilter({ compound_id: (v as string | undefined) ?? undefined })}
            placeholder={t('common.compoundPlaceholder')}
          />
        </Form.Item>
      </FilterBar>
      <ActionItemsTable
        items={page.data?.items ?? []}
        loading={page.isFetching}
        withMeeting
        manage={access.meetings.manage}
        emptyText={page.isError ? t('common.loadFailed') : undefined}
      />
      <LoadFailed query={page} />
      <Pager paging={paging} nextCursor={page.data?.next_cursor} busy={page.isFetching || page.isPlaceholderData} />
    </Card>
  );
}
