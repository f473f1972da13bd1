import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Organisation, OrgKind } from '../../api/types';
import { useSession } from '../../auth/session';
import { ChoiceFilter, NameFilter } from '../../components/FilterBar';
import { ListPage } from '../../components/ListPage';
import { usePagedList } from '../../lib/usePagedList';
import { oneOf } from '../../lib/urlFilters';
import { AreaFilter } from '../areas/AreaTreeSelect';
import { ORG_KINDS } from '../registry/kinds';
import { OrgKindTag } from '../registry/Tags';
import { useOrganisationPage, type OrganisationFilters } from './api';

function readFilters(params: URLSearchParams): OrganisationFilters {
  return {
    kind: oneOf(params.get('kind'), ORG_KINDS),
    area_id: params.get('area_id') ?? undefined,
    name: params.get('name') ?? undefined,
  };
}

export default function OrganisationListPage() {
  const { t } = useTranslation();
  const { access } = useSession();
  const list = usePagedList(readFilters, useOrganisationPage, 'name');
  const { filters, setFilter } = list;

  const columns: ColumnsType<Organisation> = [
    {
      title: t('organisations.colName'),
      dataIndex: 'name',
      render: (name: string, o) => <Link to={`/organisations/${o.id}`}>{name}</Link>,
    },
    { title: t('organisations.colKind'), dataIndex: 'kind', render: (kind: OrgKind) => <OrgKindTag kind={kind} /> },
    { title: t('organisations.colArea'), dataIndex: 'area_name' },
    {
      title: t('organisations.colCompounds'),
      dataIndex: 'compound_ids',
      align: 'right',
      render: (ids: string[]) => ids.length,
    },
    { title: t('organisations.colPhone'), dataIndex: 'contact_phone', render: (p: string | null) => p || '—' },
  ];

  return (
    <ListPage<Organisation>
      title={t('organisations.listTitle')}
      create={access.registry.manage && { to: '/organisations/new', testId: 'create-organisation', label: t('organisations.create') }}
      onReset={list.reset}
      filters={
        <>
          <ChoiceFilter
            label={t('organisations.filterKind')}
            testId="filter-kind"
            width={180}
            value={filters.kind}
            onChange={(kind) => setFilter({ kind })}
            choices={ORG_KINDS.map((k) => ({ value: k, label: t(`orgKinds.${k}`) }))}
          />
          <AreaFilter
            label={t('organisations.filterArea')}
            deepest="compound"
            value={filters.area_id}
            onChange={(area_id) => setFilter({ area_id })}
            placeholder={t('organisations.filterAreaPlaceholder')}
          />
          <NameFilter list={list} label={t('organisations.filterName')} width={220} maxLength={100} />
        </>
      }
      table={{ testId: 'organisation-table', columns, list, empty: t('organisations.empty'), scrollX: 800 }}
    />
  );
}
