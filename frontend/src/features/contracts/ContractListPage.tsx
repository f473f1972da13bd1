import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Form, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Contract } from '../../api/types';
import { useSession } from '../../auth/session';
import { todayIso } from '../../lib/dates';
import { Pager, useCursorPaging, useRestartOnInvalidCursor } from '../../lib/paging';
import { useUrlFilters } from '../../lib/urlFilters';
import { CompoundSelect } from '../registry/CompoundSelect';
import { OrganisationSelect } from '../registry/OrganisationSelect';
import { LoadFailed } from '../registry/LoadFailed';
import { useContractPage, type ContractFilters } from './api';
import { Fee } from './ContractFee';
import { BundleTag, TermTag } from './ContractTags';

interface UrlFilters {
  company_id?: string;
  compound_id?: string;
  in_force?: boolean;
}

function readFilters(params: URLSearchParams): UrlFilters {
  return {
    company_id: params.get('company_id') ?? undefined,
    compound_id: params.get('compound_id') ?? undefined,
    in_force: params.get('in_force') === 'true' || undefined,
  };
}

export default function ContractListPage() {
  const { t } = useTranslation();
  const { access } = useSession();
  const navigate = useNavigate();
  const { filters, setFilter, reset, filterKey } = useUrlFilters(readFilters);
  const query: ContractFilters = {
    company_id: filters.company_id,
    compound_id: filters.compound_id,
    active_on: filters.in_force ? todayIso() : undefined,
  };
  const paging = useCursorPaging(filterKey);
  const page = useContractPage(query, paging.cursor);
  useRestartOnInvalidCursor(page.error, paging);

  const columns: ColumnsType<Contract> = [
    {
      title: t('contracts.colTitle'),
      dataIndex: 'title',
      render: (title: string, c) => <Link to={`/contracts/${c.id}`}>{title}</Link>,
    },
    {
      title: t('contracts.colCompany'),
      dataIndex: 'company_name',
      render: (name: string, c) => <Link to={`/organisations/${c.company_id}`}>{name}</Link>,
    },
    {
      title: t('contracts.colCompounds'),
      dataIndex: 'compound_names',
      render: (names: string[], c) => (
        <Space size={4} wrap>
          <BundleTag contract={c} />
          <Typography.Text ellipsis={{ tooltip: names.join(t('common.listSeparator')) }} style={{ maxWidth: 220 }}>
            {names.join(t('common.listSeparator'))}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('contracts.colBuildings'), dataIndex: 'building_count', align: 'right' },
    {
      title: t('contracts.colTerm'),
      key: 'term',
      render: (_, c) => (
        <Space size={4}>
          <span>{t('contracts.term', { start: c.start_date, end: c.end_date })}</span>
          <TermTag contract={c} />
        </Space>
      ),
    },
    { title: t('contracts.colFee'), dataIndex: 'fee_fen_per_sqm', align: 'right', render: (fen: number) => <Fee fen={fen} /> },
  ];

  return (
    <Card
      title={t('contracts.listTitle')}
      extra={
        access.registry.manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/contracts/new')} data-testid="create-contract">
            {t('contracts.create')}
          </Button>
        )
      }
    >
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 12 }}>
        <Form.Item label={t('contracts.filterCompany')}>
          <OrganisationSelect
            kind="property_company"
            data-testid="filter-company"
            style={{ width: 240 }}
            value={filters.company_id}
            onChange={(v) => setFilter({ company_id: (v as string | undefined) ?? undefined })}
            placeholder={t('contracts.companyPlaceholder')}
          />
        </Form.Item>
        <Form.Item label={t('contracts.filterCompound')}>
          <CompoundSelect
            data-testid="filter-compound"
            style={{ width: 200 }}
            value={filters.compound_id}
            onChange={(v) => setFilter({ compound_id: (v as string | undefined) ?? undefined })}
            placeholder={t('common.compoundPlaceholder')}
          />
        </Form.Item>
        <Form.Item>
          <Checkbox
            checked={!!filters.in_force}
            onChange={(e) => setFilter({ in_force: e.target.checked || undefined })}
            data-testid="filter-in-force"
          >
            {t('contracts.filterInForce')}
          </Checkbox>
        </Form.Item>
        <Form.Item>
          <Button onClick={reset}>{t('common.reset')}</Button>
        </Form.Item>
      </Form>
      <Table<Contract>
        data-testid="contract-table"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={page.data?.items ?? []}
        loading={page.isFetching}
        pagination={false}
        locale={{ emptyText: page.isError ? t('common.loadFailed') : t('contracts.empty') }}
        scroll={{ x: 1000 }}
      />
      <LoadFailed query={page} />
      <Pager paging={paging} nextCursor={page.data?.next_cursor} busy={page.isFetching || page.isPlaceholderData} />
    </Card>
  );
}
