import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Centre } from '../../api/types';
import { useSession } from '../../auth/session';
import { Pager, useCursorPaging, useRestartOnInvalidCursor } from '../../lib/paging';
import { useUrlFilters } from '../../lib/urlFilters';
import { AreaTreeSelect } from '../areas/AreaTreeSelect';
import { LoadFailed } from '../registry/LoadFailed';
import { useCentrePage, type CentreFilters } from './api';
import { TodayHours } from './HoursTable';

function readFilters(params: URLSearchParams): CentreFilters {
  return { area_id: params.get('area_id') ?? undefined, name: params.get('name') ?? undefined };
}

export default function CentreListPage() {
  const { t } = useTranslation();
  const { access } = useSession();
  const navigate = useNavigate();
  const { filters, setFilter, reset, filterKey } = useUrlFilters(readFilters);
  const paging = useCursorPaging(filterKey);
  const page = useCentrePage(filters, paging.cursor);
  useRestartOnInvalidCursor(page.error, paging);
  const [nameInput, setNameInput] = useState(filters.name ?? '');

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
      render: (services: string[]) => (
        <Space size={[4, 4]} wrap>
          {services.slice(0, 4).map((s) => (
            <Tag key={s}>{s}</Tag>
          ))}
          {services.length > 4 && <Tag>+{services.length - 4}</Tag>}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t('centres.listTitle')}
      extra={
        access.registry.manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/centres/new')} data-testid="create-centre">
            {t('centres.create')}
          </Button>
        )
      }
    >
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 12 }}>
        {access.areas.read && (
          <Form.Item label={t('centres.filterArea')}>
            <AreaTreeSelect
              data-testid="filter-area"
              value={filters.area_id}
              onChange={(id) => setFilter({ area_id: id })}
              placeholder={t('compounds.filterAreaPlaceholder')}
              style={{ width: 220 }}
            />
          </Form.Item>
        )}
        <Form.Item label={t('centres.filterName')}>
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
      <Table<Centre>
        data-testid="centre-table"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={page.data?.items ?? []}
        loading={page.isFetching}
        pagination={false}
        locale={{ emptyText: page.isError ? t('common.loadFailed') : t('centres.empty') }}
        scroll={{ x: 1000 }}
      />
      <LoadFailed query={page} />
      <Pager paging={paging} nextCursor={page.data?.next_cursor} busy={page.isFetching || page.isPlaceholderData} />
    </Card>
  );
}
