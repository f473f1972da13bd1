import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, Select, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { MeetingStatus, MeetingSummary, OrgKind } from '../../api/types';
import { useSession } from '../../auth/session';
import { fromDay, toDay } from '../../lib/dates';
import { Pager, useCursorPaging, useRestartOnInvalidCursor } from '../../lib/paging';
import { oneOf, useUrlFilters } from '../../lib/urlFilters';
import { CompoundSelect } from '../registry/CompoundSelect';
import { LoadFailed } from '../registry/LoadFailed';
import { MEETING_STATUSES } from '../registry/kinds';
import { MeetingStatusTag, OrgKindTag } from '../registry/Tags';
import { useMeetingPage, type MeetingFilters } from './api';
import { useMeetingTabs } from './MeetingTabs';

function readFilters(params: URLSearchParams): MeetingFilters {
  return {
    compound_id: params.get('compound_id') ?? undefined,
    status: oneOf(params.get('status'), MEETING_STATUSES),
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
  };
}

export default function MeetingListPage() {
  const { t } = useTranslation();
  const { access } = useSession();
  const navigate = useNavigate();
  const tabs = useMeetingTabs('meetings');
  const { filters, setFilter, reset, filterKey } = useUrlFilters(readFilters);
  const paging = useCursorPaging(filterKey);
  const page = useMeetingPage(filters, paging.cursor);
  useRestartOnInvalidCursor(page.error, paging);

  const columns: ColumnsType<MeetingSummary> = [
    { title: t('meetings.colDate'), dataIndex: 'held_on', width: 120 },
    {
      title: t('meetings.colTitle'),
      dataIndex: 'title',
      render: (title: string, m) => <Link to={`/meetings/${m.id}`}>{title}</Link>,
    },
    { title: t('meetings.colCompound'), dataIndex: 'compound_name' },
    { title: t('meetings.colConvener'), dataIndex: 'convener_name' },
    {
      title: t('meetings.colBodies'),
      dataIndex: 'bodies',
      render: (bodies: OrgKind[]) => (
        <Space size={[0, 4]} wrap>
          {bodies.map((b) => (
            <OrgKindTag key={b} kind={b} />
          ))}
        </Space>
      ),
    },
    {
      title: t('meetings.colStatus'),
      dataIndex: 'status',
      width: 100,
      render: (s: MeetingStatus) => <MeetingStatusTag status={s} />,
    },
  ];

  return (
    <Card
      {...tabs}
      title={t('menu.meetings')}
      tabBarExtraContent={
        access.meetings.manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/meetings/new')} data-testid="create-meeting">
            {t('meetings.create')}
          </Button>
        )
      }
    >
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 12 }}>
        <Form.Item label={t('meetings.filterCompound')}>
          <CompoundSelect
            data-testid="filter-compound"
            style={{ width: 200 }}
            value={filters.compound_id}
            onChange={(v) => setFilter({ compound_id: (v as string | undefined) ?? undefined })}
            placeholder={t('common.compoundPlaceholder')}
          />
        </Form.Item>
        <Form.Item label={t('meetings.filterStatus')}>
          <Select<MeetingStatus | ''>
            data-testid="filter-status"
            style={{ width: 120 }}
            value={filters.status ?? ''}
            onChange={(v) => setFilter({ status: v || undefined })}
            options={[
              { value: '', label: t('common.all') },
              ...MEETING_STATUSES.map((s) => ({ value: s, label: t(`meetingStatus.${s}`) })),
            ]}
          />
        </Form.Item>
        <Form.Item label={t('meetings.filterDates')}>
          <DatePicker.RangePicker
            value={[toDay(filters.from) ?? null, toDay(filters.to) ?? null]}
            allowEmpty={[true, true]}
            onChange={(range) =>
              setFilter({ from: fromDay(range?.[0]) ?? undefined, to: fromDay(range?.[1]) ?? undefined })
            }
          />
        </Form.Item>
        <Form.Item>
          <Button onClick={reset}>{t('common.reset')}</Button>
        </Form.Item>
      </Form>
      <Table<MeetingSummary>
        data-testid="meeting-table"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={page.data?.items ?? []}
        loading={page.isFetching}
        pagination={false}
        locale={{ emptyText: page.isError ? t('common.loadFailed') : t('meetings.empty') }}
        scroll={{ x: 1000 }}
      />
      <LoadFailed query={page} />
      <Pager paging={paging} nextCursor={page.data?.next_cursor} busy={page.isFetching || page.isPlaceholderData} />
    </Card>
  );
}
