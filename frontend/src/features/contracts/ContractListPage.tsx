import { Checkbox, Form, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Contract } from '../../api/types';
import { useSession } from '../../auth/session';
import { ListPage } from '../../components/ListPage';
import { todayIso } from '../../lib/dates';
import { usePagedList } from '../../lib/usePagedList';
import { CompoundFilter } from '../registry/CompoundSelect';
import { OrganisationSelect } from '../registry/OrganisationSelect';
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

/** The page of contracts for the filters in the address (在期 means in force today). */
function useContractListPage(filters: UrlFilters, cursor: string | undefined) {
  const query: ContractFilters = {
    company_id: filters.company_id,
    compound_id: filters.compound_id,
    active_on: filters.in_force ? todayIso() : undefined,
  };
  return useContractPage(query, cursor);
}

export default function ContractListPage() {
  const { t } = useTranslation();
  const { access } = useSession();
  const list = usePagedList(readFilters, useContractListPage);
  const { filters, setFilter } = list;

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
    <ListPage<Contract>
      title={t('contracts.listTitle')}
      create={access.registry.manage && { to: '/contracts/new', testId: 'create-contract', label: t('contracts.create') }}
      onReset={list.reset}
      filters={
        <>
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
          <CompoundFilter label={t('contracts.filterCompound')} value={filters.compound_id} onChange={(compound_id) => setFilter({ compound_id })} />
          <Form.Item>
            <Checkbox
              checked={!!filters.in_force}
              onChange={(e) => setFilter({ in_force: e.target.checked || undefined })}
              data-testid="filter-in-force"
            >
              {t('contracts.filterInForce')}
            </Checkbox>
          </Form.Item>
        </>
      }
      table={{ testId: 'contract-table', columns, list, empty: t('contracts.empty'), scrollX: 1000 }}
    />
  );
}
