import { Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ActionItem } from '../../api/types';
import { ActionStatusTag } from '../registry/Tags';
import { ActionItemActions } from './ActionItemActions';
import { DataTable } from '../../components/DataTable';

interface Props {
  items: ActionItem[];
  loading?: boolean;
  /** Show which compound and meeting each item comes from (the cross-meeting list). */
  withMeeting?: boolean;
  /** Offer follow-up buttons. */
  manage?: boolean;
  emptyText?: string;
}

/** Action items (待办事项); overdue ones in red. */
export function ActionItemsTable({ items, loading, withMeeting, manage, emptyText }: Props) {
  const { t } = useTranslation();
  const columns: ColumnsType<ActionItem> = [
    {
      title: t('actionItems.colResolution'),
      dataIndex: 'resolution_no',
      width: 90,
      render: (no: number | null) => (no != null ? t('meetings.resolutionNo', { no }) : '—'),
    },
    { title: t('actionItems.colDescription'), dataIndex: 'description' },
    ...(withMeeting
      ? [
          {
            title: t('actionItems.colCompound'),
            dataIndex: 'compound_name',
            render: (name: string, a: ActionItem) => (
              <Link to={`/meetings/${a.meeting_id}`} data-testid="action-meeting-link">
                {name}
              </Link>
            ),
          },
        ]
      : []),
    {
      title: t('actionItems.colOwner'),
      dataIndex: 'owner_org_name',
      render: (name: string, a) => <Link to={`/organisations/${a.owner_org_id}`}>{name}</Link>,
    },
    {
      title: t('actionItems.colDue'),
      dataIndex: 'due_on',
      width: 120,
      render: (due: string, a) =>
        a.overdue ? (
          <Typography.Text type="danger" strong data-testid="overdue-date">
            {due}
          </Typography.Text>
        ) : (
          due
        ),
    },
    {
      title: t('actionItems.colStatus'),
      dataIndex: 'status',
      width: 100,
      render: (_, a) => <ActionStatusTag status={a.status} overdue={a.overdue} />,
    },
    { title: t('fields.done_on'), dataIndex: 'done_on', width: 120, render: (d: string | null) => d ?? '—' },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 190,
      hidden: !manage,
      className: 'no-print',
      render: (_, a) => <ActionItemActions item={a} />,
    },
  ];
  return (
    <DataTable<ActionItem>
      testId="action-item-table"
      columns={columns}
      rows={items}
      loading={loading}
      onRow={(a) => ({ 'data-overdue': a.overdue ? 'true' : 'false', style: a.overdue ? { background: '#fff1f0' } : undefined }) as React.HTMLAttributes<HTMLElement>}
      empty={emptyText ?? t('actionItems.empty')}
      scrollX={900}
    />
  );
}
