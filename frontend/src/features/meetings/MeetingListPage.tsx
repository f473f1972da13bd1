import { DatePicker, Form, Space } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MeetingStatus, MeetingSummary, OrgKind } from '../../api/types';
import { useSession } from '../../auth/session';
import { CreateButton } from '../../components/CreateButton';
import { ChoiceFilter } from '../../components/FilterBar';
import { ListPage } from '../../components/ListPage';
import { fromDay, toDay } from '../../lib/dates';
import { usePagedList } from '../../lib/usePagedList';
import { oneOf } from '../../lib/urlFilters';
import { CompoundFilter } from '../registry/CompoundSelect';
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
  const tabs = useMeetingTabs('meetings');
  const list = usePagedList(readFilters, useMeetingPage);
  const { filters, setFilter } = list;

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
    <ListPage<MeetingSummary>
      {...tabs}
      title={t('menu.meetings')}
      tabBarExtraContent={
        access.meetings.manage && (
          <CreateButton to="/meetings/new" testId="create-meeting">
            {t('meetings.create')}
          </CreateButton>
        )
      }
      onReset={list.reset}
      filters={
        <>
          <CompoundFilter label={t('meetings.filterCompound')} value={filters.compound_id} onChange={(compound_id) => setFilter({ compound_id })} />
          <ChoiceFilter
            label={t('meetings.filterStatus')}
            testId="filter-status"
            width={120}
            value={filters.status}
            onChange={(status) => setFilter({ status })}
            choices={MEETING_STATUSES.map((s) => ({ value: s, label: t(`meetingStatus.${s}`) }))}
          />
          <Form.Item label={t('meetings.filterDates')}>
            <DatePicker.RangePicker
              value={[toDay(filters.from) ?? null, toDay(filters.to) ?? null]}
              allowEmpty={[true, true]}
              onChange={(range) =>
                setFilter({ from: fromDay(range?.[0]) ?? undefined, to: fromDay(range?.[1]) ?? undefined })
              }
            />
          </Form.Item>
        </>
      }
      table={{ testId: 'meeting-table', columns, list, empty: t('meetings.empty'), scrollX: 1000 }}
    />
  );
}
