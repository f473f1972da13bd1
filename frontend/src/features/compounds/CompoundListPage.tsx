import { DownloadOutlined, LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/problem';
import type { Compound, GovernanceMode } from '../../api/types';
import { useSession } from '../../auth/session';
import { fileDay, fileNameFrom, saveBlob } from '../../lib/download';
import { useProblem } from '../../lib/useProblem';
import { AreaTreeSelect } from '../areas/AreaTreeSelect';
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
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readFilters(params), [params]);
  const filterKey = JSON.stringify(filters);

  // Keyset pagination: a stack of the cursors that opened each page seen so far.
  const [paging, setPaging] = useState<{ key: string; cursors: (string | undefined)[] }>({
    key: filterKey,
    cursors: [undefined],
  });
  const cursors = paging.key === filterKey ? paging.cursors : [undefined];
  const cursor = cursors[cursors.length - 1];
  const page = useCompoundPage(filters, cursor);
  const [nameInput, setNameInput] = useState(filters.name ?? '');

  // A cursor the server no longer accepts: start again from the first page.
  const cursorRejected = page.error instanceof ApiError && page.error.code === 'invalid_cursor';
  useEffect(() => {
    if (cursorRejected && cursors.length > 1) setPaging({ key: filterKey, cursors: [undefined] });
  }, [cursorRejected, cursors.length, filterKey]);
  const [exporting, setExporting] = useState(false);

  function setFilter(patch: Partial<CompoundFilters>) {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  }

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

  const pageNumber = cursors.length;
  const nextCursor = page.data?.next_cursor ?? null;

  return (
    <Card
      title={t('compounds.listTitle')}
      extra={
        <Space>
          {access.compounds.export && (
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void doExport()} data-testid="export-csv">
              {t('compounds.export')}
            </Button>
          )}
          {access.compounds.create && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/compounds/new')} data-testid="create-compound">
              {t('compounds.create')}
            </Button>
          )}
        </Space>
      }
    >
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 12 }}>
        {access.areas.read && (
          <Form.Item label={t('compounds.filterArea')}>
            <AreaTreeSelect
              data-testid="filter-area"
              value={filters.area_id}
              onChange={(id) => setFilter({ area_id: id })}
              placeholder={t('compounds.filterAreaPlaceholder')}
              style={{ width: 220 }}
            />
          </Form.Item>
        )}
        <Form.Item label={t('compounds.filterMode')}>
          <Select<GovernanceMode | ''>
            data-testid="filter-mode"
            style={{ width: 140 }}
            value={filters.governance_mode ?? ''}
            onChange={(v) => setFilter({ governance_mode: v || undefined })}
            options={[
              { value: '', label: t('common.all') },
              ...GOVERNANCE_MODES.map((m) => ({ value: m, label: t(`governanceModes.${m}`) })),
            ]}
          />
        </Form.Item>
        <Form.Item label={t('compounds.filterName')}>
          <Input.Search
            data-testid="filter-name"
            allowClear
            style={{ width: 220 }}
            placeholder={t('compounds.filterNamePlaceholder')}
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
              setParams(new URLSearchParams(), { replace: true });
            }}
          >
            {t('common.reset')}
          </Button>
        </Form.Item>
      </Form>

      <Table<Compound>
        data-testid="compound-table"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={page.data?.items ?? []}
        loading={page.isFetching}
        pagination={false}
        locale={{ emptyText: page.isError ? t('common.loadFailed') : t('compounds.empty') }}
        scroll={{ x: 900 }}
      />
      {page.isError && (
        <Typography.Paragraph type="danger" style={{ marginTop: 12 }}>
          <Button type="link" onClick={() => notify(page.error)}>
            {t('common.loadFailed')}
          </Button>
          <Button onClick={() => void page.refetch()}>{t('common.retry')}</Button>
        </Typography.Paragraph>
      )}
      <Flex justify="flex-end" align="center" gap={12} style={{ marginTop: 16 }}>
        <Typography.Text type="secondary" data-testid="page-number">
          {t('compounds.page', { page: pageNumber })}
        </Typography.Text>
        <Button
          icon={<LeftOutlined />}
          disabled={pageNumber <= 1 || page.isFetching}
          onClick={() => setPaging({ key: filterKey, cursors: cursors.slice(0, -1) })}
        >
          {t('compounds.prevPage')}
        </Button>
        <Button
          disabled={!nextCursor || page.isFetching || page.isPlaceholderData}
          onClick={() => nextCursor && setPaging({ key: filterKey, cursors: [...cursors, nextCursor] })}
        >
          {t('compounds.nextPage')} <RightOutlined />
        </Button>
      </Flex>
    </Card>
  );
}
