import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Compound, GovernanceMode } from '../../api/types';
import { useSession } from '../../auth/session';
import { CreateButton } from '../../components/CreateButton';
import { ChoiceFilter, NameFilter } from '../../components/FilterBar';
import { ListPage } from '../../components/ListPage';
import { fileDay, fileNameFrom, saveBlob } from '../../lib/download';
import { usePagedList } from '../../lib/usePagedList';
import { useProblem } from '../../lib/useProblem';
import { AreaFilter } from '../areas/AreaTreeSelect';
import { exportCompounds, GOVERNANCE_MODES, useCompoundPage, type CompoundFilters } from './api';
import { GovernanceModeTag } from './GovernanceModeTag';

function readFilters(params: URLSearchParams): CompoundFilters {
  const mode = params.get('governance_mode');
  return {
    area_id: params.get('area_id') ?? undefined,
    governance_mode: GOVERNANCE_MODES.includes(mode as GovernanceMode) ? (mode as GovernanceMode) : undefined,
    name: params.get('name') ?? undefined,
  };
}

export default function CompoundListPage() {
  const { t } = useTranslation();
  const { access } = useSession();
  const { message } = App.useApp();
  const { notify } = useProblem();
  const list = usePagedList(readFilters, useCompoundPage, 'name');
  const { filters, setFilter } = list;
  const [exporting, setExporting] = useState(false);

  async function doExport() {
    setExporting(true);
    try {
      const { blob, disposition } = await exportCompounds(filters);
      const fileName = fileNameFrom(disposition) ?? `compounds-${fileDay()}.csv`;
      saveBlob(blob, fileName);
      void message.success(t('compounds.exported', { file: fileName }));
    } catch (e) {
      notify(e);
    } finally {
      setExporting(false);
    }
  }

  const columns: ColumnsType<Compound> = [
    {
      title: t('compounds.colName'),
      dataIndex: 'name',
      render: (name: string, c) => <Link to={`/compounds/${c.id}`}>{name}</Link>,
    },
    { title: t('compounds.colSubdistrict'), dataIndex: 'subdistrict_name' },
    { title: t('compounds.colCommunity'), dataIndex: 'community_name' },
    {
      title: t('compounds.colMode'),
      dataIndex: 'governance_mode',
      render: (mode: GovernanceMode) => <GovernanceModeTag mode={mode} />,
    },
    { title: t('compounds.colBuildings'), dataIndex: 'building_count', align: 'right' },
    { title: t('compounds.colHouseholds'), dataIndex: 'household_count', align: 'right' },
    {
      title: t('compounds.colOpen'),
      dataIndex: 'is_open',
      render: (open: boolean) => (open ? <Tag>{t('compounds.open')}</Tag> : t('compounds.closed')),
    },
    {
      title: t('compounds.colYear'),
      dataIndex: 'year_built',
      align: 'right',
      render: (y: number | null) => y ?? '—',
    },
  ];

  return (
    <ListPage<Compound>
      title={t('compounds.listTitle')}
      extra={
        <Space>
          {access.compounds.export && (
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void doExport()} data-testid="export-csv">
              {t('compounds.export')}
            </Button>
          )}
          {access.compounds.create && (
            <CreateButton to="/compounds/new" testId="create-compound">
              {t('compounds.create')}
            </CreateButton>
          )}
        </Space>
      }
      onReset={list.reset}
      filters={
        <>
          <AreaFilter
            label={t('compounds.filterArea')}
            value={filters.area_id}
            onChange={(area_id) => setFilter({ area_id })}
            placeholder={t('compounds.filterAreaPlaceholder')}
          />
          <ChoiceFilter
            label={t('compounds.filterMode')}
            testId="filter-mode"
            width={140}
            value={filters.governance_mode}
            onChange={(governance_mode) => setFilter({ governance_mode })}
            choices={GOVERNANCE_MODES.map((m) => ({ value: m, label: t(`governanceModes.${m}`) }))}
          />
          <NameFilter list={list} label={t('compounds.filterName')} width={220} placeholder={t('compounds.filterNamePlaceholder')} />
        </>
      }
      table={{
        testId: 'compound-table',
        columns,
        list,
        empty: t('compounds.empty'),
        scrollX: 900,
        pagerLabels: { prev: t('compounds.prevPage'), next: t('compounds.nextPage') },
      }}
    />
  );
}
