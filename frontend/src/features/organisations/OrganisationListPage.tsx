import { Form, Select } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Organisation, OrgKind } from '../../api/types';
import { useSession } from '../../auth/session';
import { CreateButton } from '../../components/CreateButton';
import { SearchFilter } from '../../components/FilterBar';
import { ListPage } from '../../components/ListPage';
import { usePagedList } from '../../lib/usePagedList';
import { oneOf } from '../../lib/urlFilters';
import { AreaTreeSelect } from '../areas/AreaTreeSelect';
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
      extra={
        access.registry.manage && (
          <CreateButton to="/organisations/new" testId="create-organisation">
            {t('organisations.create')}
          </CreateButton>
        )
      }
      onReset={list.reset}
      filters={
        <>
          <Form.Item label={t('organisations.filterKind')}>
            <Select<OrgKind | ''>
              data-testid="filter-kind"
              style={{ width: 180 }}
              value={filters.kind ?? ''}
              onChange={(v) => setFilter({ kind: v || undefined })}
              options={[
                { value: '', label: t('common.all') },
                ...ORG_KINDS.map((k) => ({ value: k, label: t(`orgKinds.${k}`) })),
              ]}
            />
          </Form.Item>
          {access.areas.read && (
            <Form.Item label={t('organisations.filterArea')}>
              <AreaTreeSelect
                data-testid="filter-area"
                deepest="compound"
                value={filters.area_id}
                onChange={(id) => setFilter({ area_id: id })}
                placeholder={t('organisations.filterAreaPlaceholder')}
                style={{ width: 220 }}
              />
            </Form.Item>
          )}
          <SearchFilter
            label={t('organisations.filterName')}
            width={220}
            maxLength={100}
            text={list.searchText}
            onText={list.setSearchText}
            onSearch={(v) => setFilter({ name: v.trim() || undefined })}
          />
        </>
      }
      table={{ testId: 'organisation-table', columns, list, empty: t('organisations.empty'), scrollX: 800 }}
    />
  );
}
