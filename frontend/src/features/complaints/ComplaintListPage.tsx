import { Badge, Card, DatePicker, Form, Input, Result, Select, Space, Switch, Table, Tabs } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorNotice } from '../../api/problem';
import type { ComplaintStatus, ComplaintSummary } from '../../api/types';
import { useSession } from '../../auth/session';
import { translate } from '../../i18n';
import { dayjs, fromDay } from '../../lib/dates';
import { Pager, useCursorPaging, useRestartOnInvalidCursor } from '../../lib/paging';
import { oneOf, useUrlFilters } from '../../lib/urlFilters';
import { AreaTreeSelect } from '../areas/AreaTreeSelect';
import { useCategories, useComplaintCounts, useComplaintPage, type ComplaintFilters } from './api';
import { StatusTag } from './StatusTag';
import { DeadlineMark } from './DeadlineMark';
import { when } from './when';
import { STATUSES, tallyCounts } from './model';
import { CreateButton } from '../../components/CreateButton';
import { FilterBar } from '../../components/FilterBar';

function readFilters(params: URLSearchParams): ComplaintFilters {
  return {
    area_id: params.get('area_id') ?? undefined,
    status: oneOf(params.get('status'), STATUSES),
    category: params.get('category') ?? undefined,
    overdue: params.get('overdue') === 'true' || undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    q: params.get('q') ?? undefined,
  };
}

export default function ComplaintListPage() {
  const { t, i18n } = useTranslation();
  const { access } = useSession();
  const { filters, setFilter, filterKey } = useUrlFilters(readFilters);
  const paging = useCursorPaging(filterKey);
  const page = useComplaintPage(filters, paging.cursor);
  useRestartOnInvalidCursor(page.error, paging);
  const counts = useComplaintCounts();
  const categories = useCategories();
  const tally = tallyCounts(counts.data);
  const [text, setText] = useState(filters.q ?? '');

  const columns: ColumnsType<ComplaintSummary> = [
    {
      title: t('complaints.number'),
      dataIndex: 'number',
      render: (n: string, c) => (
        <Link to={`/complaints/${c.id}`} data-testid="complaint-link">
          {n}
        </Link>
      ),
    },
    { title: t('complaints.title'), dataIndex: 'title', ellipsis: true },
    { title: t('complaints.category'), dataIndex: 'category_name' },
    { title: t('complaints.compound'), dataIndex: 'compound_name' },
    { title: t('complaints.handler'), dataIndex: 'handler_org_name', render: (v: string | null) => v ?? '—' },
    { title: t('complaints.status'), dataIndex: 'status', render: (s: ComplaintStatus) => <StatusTag status={s} /> },
    { title: t('complaints.deadline'), key: 'deadline', render: (_, c) => <DeadlineMark complaint={c} /> },
    { title: t('complaints.filedAt'), dataIndex: 'created_at', render: (v: string) => when(v, i18n.language) },
  ];

  const tabs = [
    { key: '', label: <Space size={4}>{t('common.all')}<Badge count={tally.total} showZero={false} color="#999" overflowCount={999} /></Space> },
    ...STATUSES.map((s) => {
      const c = tally.byStatus[s];
      return {
        key: s,
        label: (
          <Space size={4} data-testid={`tab-${s}`}>
            {t(`complaintStatus.${s}`)}
            {c && c.count > 0 && <Badge count={c.count} color={c.overdue > 0 ? 'red' : 'blue'} overflowCount={999} />}
          </Space>
        ),
      };
    }),
  ];

  return (
    <Card
      title={t('complaints.inboxTitle')}
      extra={
        access.complaints.fileForCaller && (
          <CreateButton to="/complaints/new" testId="create-complaint">
            {t('complaints.create')}
          </CreateButton>
        )
      }
    >
      <Tabs activeKey={filters.status ?? ''} items={tabs} onChange={(k) => setFilter({ status: (k || undefined) as ComplaintStatus | undefined })} />
      <FilterBar>
        {access.areas.read && (
          <Form.Item label={t('complaints.filterArea')}>
            <AreaTreeSelect
              data-testid="filter-area"
              value={filters.area_id}
              onChange={(id) => setFilter({ area_id: id })}
              style={{ width: 200 }}
            />
          </Form.Item>
        )}
        <Form.Item label={t('complaints.category')}>
          <Select
            data-testid="filter-category"
            style={{ width: 150 }}
            value={filters.category ?? ''}
            onChange={(v) => setFilter({ category: v || undefined })}
            options={[
              { value: '', label: t('common.all') },
              ...(categories.data ?? []).map((c) => ({ value: c.code, label: i18n.language === 'en' ? c.name_en : c.name_zh })),
            ]}
          />
        </Form.Item>
        <Form.Item label={t('complaints.overdueOnly')}>
          <Switch data-testid="filter-overdue" checked={!!filters.overdue} onChange={(v) => setFilter({ overdue: v || undefined })} />
        </Form.Item>
        <Form.Item label={t('complaints.filedBetween')}>
          <DatePicker.RangePicker
            value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
            onChange={(r) => setFilter({ from: fromDay(r?.[0]) ?? undefined, to: fromDay(r?.[1]) ?? undefined })}
            allowEmpty={[true, true]}
          />
        </Form.Item>
        <Form.Item>
          <Input.Search
            data-testid="filter-q"
            allowClear
            placeholder={t('complaints.searchPlaceholder')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(v) => setFilter({ q: v.trim() || undefined })}
            style={{ width: 240 }}
          />
        </Form.Item>
      </FilterBar>
      {page.isError ? (
        <Result status="warning" title={errorNotice(page.error, translate).message} />
      ) : (
        <>
          <Table<ComplaintSummary>
            rowKey="id"
            data-testid="complaint-table"
            loading={page.isFetching}
            dataSource={page.data?.items ?? []}
            columns={columns}
            pagination={false}
            scroll={{ x: 1000 }}
            onRow={(c) => (c.overdue ? { style: { background: '#fff1f0' }, 'data-overdue': 'true' } as object : {})}
          />
          <Pager paging={paging} nextCursor={page.data?.next_cursor} busy={page.isFetching} />
        </>
      )}
    </Card>
  );
}
