import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Centre } from '../../api/types';
import { useSession } from '../../auth/session';
import { NameFilter } from '../../components/FilterBar';
import { ListPage } from '../../components/ListPage';
import { usePagedList } from '../../lib/usePagedList';
import { AreaFilter } from '../areas/AreaTreeSelect';
import { TagList } from '../registry/Tags';
import { useCentrePage, type CentreFilters } from './api';
import { TodayHours } from './HoursTable';

function readFilters(params: URLSearchParams): CentreFilters {
  return { area_id: params.get('area_id') ?? undefined, name: params.get('name') ?? undefined };
}

export default function CentreListPage() {
  const { t } = useTranslation();
  const { access } = useSession();
  const list = usePagedList(readFilters, useCentrePage, 'name');
  const { filters, setFilter } = list;

  const columns: ColumnsType<Centre> = [
    { title: t('centres.colName'), dataIndex: 'name', render: (name: string, c) => <Link to={`/centres/${c.id}`}>{name}</Link> },
    { title: t('centres.colCommunity'), dataIndex: 'community_name' },
    { title: t('centres.colAddress'), dataIndex: 'address', ellipsis: true },
    { title: t('centres.colHours'), dataIndex: 'opening_hours', render: (h: unknown) => <TodayHours hours={h} /> },
    {
      title: t('centres.colRadius'),
      dataIndex: 'geofence_radius_m',
      align: 'right',
      render: (m: number) => t('centres.metres', { m }),
    },
    {
      title: t('centres.colServices'),
      dataIndex: 'services',
      render: (services: string[]) => <TagList items={services} max={4} />,
    },
  ];

  return (
    <ListPage<Centre>
      title={t('centres.listTitle')}
      create={access.registry.manage && { to: '/centres/new', testId: 'create-centre', label: t('centres.create') }}
      onReset={list.reset}
      filters={
        <>
          <AreaFilter
            label={t('centres.filterArea')}
            value={filters.area_id}
            onChange={(area_id) => setFilter({ area_id })}
            placeholder={t('compounds.filterAreaPlaceholder')}
          />
          <NameFilter list={list} label={t('centres.filterName')} width={220} maxLength={100} />
        </>
      }
      table={{ testId: 'centre-table', columns, list, empty: t('centres.empty'), scrollX: 1000 }}
    />
  );
}
