import { Drawer, Progress, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CommitteeSharePage } from '../../api/types';
import { Pager, useCursorPaging } from '../../lib/paging';
import { trimPercent } from '../registry/format';
import { useCommitteeShares } from './api';

type Row = CommitteeSharePage['items'][number];

/** Each owners' committee with its party members, from GET /stats/owners-committees. */
export function CommitteeSharesDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const paging = useCursorPaging('committees');
  const page = useCommitteeShares(paging.cursor, open);
  return (
    <Drawer open={open} onClose={onClose} title={t('dashboard.committeesTitle')} size={640} destroyOnHidden>
      <Table<Row>
        data-testid="committee-share-table"
        rowKey="organisation_id"
        size="small"
        pagination={false}
        loading={page.isFetching}
        dataSource={page.data?.items ?? []}
        columns={[
          {
            title: t('dashboard.committee'),
            dataIndex: 'organisation_name',
            render: (name: string, r) => <Link to={`/organisations/${r.organisation_id}`}>{name}</Link>,
          },
          {
            title: t('meetings.colCompound'),
            dataIndex: 'compound_name',
            render: (name: string, r) => <Link to={`/compounds/${r.compound_id}`}>{name}</Link>,
          },
          {
            title: t('dashboard.partyOfMembers'),
            key: 'count',
            align: 'right',
            render: (_, r) => `${r.party_members} / ${r.members}`,
          },
          {
            title: t('dashboard.committeeShare'),
            dataIndex: 'party_share_pct',
            width: 160,
            render: (pct: number) => (
              <Progress percent={pct} size="small" format={() => `${trimPercent(pct)}%`} strokeColor="#c0392b" />
            ),
          },
        ]}
      />
      <Pager paging={paging} nextCursor={page.data?.next_cursor} busy={page.isFetching || page.isPlaceholderData} />
    </Drawer>
  );
}
