import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Select, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Organisation, OrgKind } from '../../api/types';
import { useSession } from '../../auth/session';
import { Pager, useCursorPaging, useRestartOnInvalidCursor } from '../../lib/paging';
import { oneOf, useUrlFilters } from '../../lib/urlFilters';
import { AreaTreeSelect } from '../areas/AreaTreeSelect';
import { LoadFailed } from '../registry/LoadFailed';
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
  const navigate = useNavigate();
  const { filters, setFilter, reset, filterKey } = useUrlFilters(readFilters);
  const paging = useCursorPaging(filterKey);
  const page = useOrganisationPage(filters, paging.cursor);
  useRestartOnInvalidCursor(page.error, paging);
  const [nameInput, setNameInput] = useState(filters.name ?? '');

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
    <Card
      title={t('organisations.listTitle')}
      extra={
        access.registry.manage && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => navigate('/organisations/new')}
            data-testid="create-organisation"
          >
            {t('organisations.create')}
          </Button>
        )
      }
    >
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 12 }}>
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
        <Form.Item label={t('organisations.filterName')}>
          <Input.Search
            data-testid="filter-name"
            allowClear
            style={{ width: 220 }}
            maxLength={100}
            value={nameInput}
            onChange={(e) => setNameInput(e.target.value)}
            onSearch={(v) => setFilter({ name: v.trim() || undefined })}
            enterButton={t('common.search')}
          />
        </Form.Item>
        <Form.Item>
          <Button
            onClick={() => {
              setNameInput('');
              reset();
            }}
          >
            {t('common.reset')}
          </Button>
        </Form.Item>
      </Form>
      <Table<Organisation>
        data-testid="organisation-table"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={page.data?.items ?? []}
        loading={page.isFetching}
        pagination={false}
        locale={{ emptyText: page.isError ? t('common.loadFailed') : t('organisations.empty') }}
        scroll={{ x: 800 }}
      />
      <LoadFailed query={page} />
      <Pager paging={paging} nextCursor={page.data?.next_cursor} busy={page.isFetching || page.isPlaceholderData} />
    </Card>
  );
}
