import { EyeOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Person } from '../../api/types';
import { useSession } from '../../auth/session';
import { ChoiceFilter, NameFilter } from '../../components/FilterBar';
import { ListPage } from '../../components/ListPage';
import { usePagedList } from '../../lib/usePagedList';
import { oneOf } from '../../lib/urlFilters';
import { CompoundFilter } from '../registry/CompoundSelect';
import { PartyTag } from '../registry/Tags';
import { usePersonPage, type PersonFilters } from './api';
import { PersonUnmaskModal } from './PersonUnmaskModal';

function readFilters(params: URLSearchParams): PersonFilters {
  return {
    name: params.get('name') ?? undefined,
    compound_id: params.get('compound_id') ?? undefined,
    party: oneOf(params.get('party'), ['yes', 'no'] as const),
  };
}

/** A masked value, or a quiet dash. */
function Masked({ value, testId }: { value?: string | null; testId: string }) {
  return value ? (
    <Typography.Text code data-testid={testId}>
      {value}
    </Typography.Text>
  ) : (
    <Typography.Text type="secondary">—</Typography.Text>
  );
}

export default function PersonListPage() {
  const { t } = useTranslation();
  const { access } = useSession();
  const list = usePagedList(readFilters, usePersonPage, 'name');
  const { filters, setFilter } = list;
  const [unmasking, setUnmasking] = useState<Person | null>(null);

  const columns: ColumnsType<Person> = [
    {
      title: t('people.colName'),
      dataIndex: 'name',
      render: (name: string, p) => (
        <Space size={4}>
          <Link to={`/people/${p.id}`}>{name}</Link>
          <PartyTag member={p.is_party_member} />
        </Space>
      ),
    },
    {
      title: t('people.colPhone'),
      dataIndex: 'phone',
      render: (phone: string | null, p) => (
        <Space size={4}>
          <Masked value={phone} testId="masked-phone" />
          {access.registry.unmask && (phone || p.id_number) && (
            <Tooltip title={t('people.unmask')}>
              <Button
                type="text"
                size="small"
                icon={<EyeOutlined />}
                aria-label={t('people.unmask')}
                onClick={() => setUnmasking(p)}
                data-testid="unmask-person"
              />
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      title: t('people.colIdNumber'),
      dataIndex: 'id_number',
      render: (id: string | null) => <Masked value={id} testId="masked-id-number" />,
    },
    {
      title: t('people.colHome'),
      dataIndex: 'home_compound_name',
      render: (name: string | null, p) =>
        p.home_compound_id ? <Link to={`/compounds/${p.home_compound_id}`}>{name}</Link> : '—',
    },
    { title: t('people.colEmployer'), dataIndex: 'employer', render: (e: string | null) => e || '—' },
  ];

  return (
    <ListPage<Person>
      title={t('people.listTitle')}
      create={access.registry.manage && { to: '/people/new', testId: 'create-person', label: t('people.create') }}
      onReset={list.reset}
      filters={
        <>
          <NameFilter list={list} label={t('people.filterName')} width={200} maxLength={50} />
          <CompoundFilter label={t('people.filterCompound')} value={filters.compound_id} onChange={(compound_id) => setFilter({ compound_id })} />
          <ChoiceFilter<'yes' | 'no'>
            label={t('people.filterParty')}
            testId="filter-party"
            width={120}
            value={filters.party}
            onChange={(party) => setFilter({ party })}
            choices={[
              { value: 'yes', label: t('people.partyYes') },
              { value: 'no', label: t('people.partyNo') },
            ]}
          />
        </>
      }
      table={{ testId: 'person-table', columns, list, empty: t('people.empty'), scrollX: 800 }}
    >
      {unmasking && <PersonUnmaskModal person={unmasking} open onClose={() => setUnmasking(null)} />}
    </ListPage>
  );
}
