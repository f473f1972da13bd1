import { Card, Form, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session';
import { Pager } from '../../lib/paging';
import { usePagedList } from '../../lib/usePagedList';
import { oneOf } from '../../lib/urlFilters';
import { CompoundFilter } from '../registry/CompoundSelect';
import { LoadFailed } from '../../components/LoadFailed';
import { ACTION_STATUSES } from '../registry/kinds';
import { ActionItemsTable } from './ActionItemsTable';
import { useActionItemPage, type ActionItemFilters } from './api';
import { useMeetingTabs } from './MeetingTabs';
import { ChoiceFilter, FilterBar } from '../../components/FilterBar';

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
        <ChoiceFilter
          label={t('actionItems.filterStatus')}
          testId="filter-status"
          width={120}
          value={filters.status}
          onChange={(status) => setFilter({ status })}
          choices={ACTION_STATUSES.map((s) => ({ value: s, label: t(`actionStatus.${s}`) }))}
        />
        <CompoundFilter label={t('actionItems.filterCompound')} value={filters.compound_id} onChange={(compound_id) => setFilter({ compound_id })} />
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
