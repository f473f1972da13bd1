import { EyeOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Space, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { User } from '../../api/types';
import { useSession } from '../../auth/session';
import { useProblem } from '../../lib/useProblem';
import { Pager, useCursorPaging, useRestartOnInvalidCursor } from '../../lib/paging';
import { ActiveTag, GrantTags } from './GrantTags';
import { UnmaskModal } from './UnmaskModal';
import { useUserPage } from './api';

export default function UserListPage() {
  const { t } = useTranslation();
  const { access } = useSession();
  const { notify } = useProblem();
  const [unmasking, setUnmasking] = useState<User | null>(null);
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const paging = useCursorPaging(q);
  const page = useUserPage(q, paging.cursor);
  useRestartOnInvalidCursor(page.error, paging);
  const [input, setInput] = useState(q);

  function search(text: string) {
    const next = new URLSearchParams(params);
    if (text.trim()) next.set('q', text.trim());
    else next.delete('q');
    setParams(next, { replace: true });
  }

  const columns: ColumnsType<User> = [
    {
      title: t('users.colUsername'),
      dataIndex: 'username',
      render: (username: string, u) => <Link to={`/users/${u.id}`}>{username}</Link>,
    },
    { title: t('users.colName'), dataIndex: 'display_name' },
    {
      title: t('users.colPhone'),
      dataIndex: 'phone',
      render: (phone: string | null, u) =>
        phone ? (
          <Space size={4}>
            <Typography.Text code data-testid="masked-phone">
              {phone}
            </Typography.Text>
            {access.users.unmask && (
              <Tooltip title={t('users.unmask')}>
                <Button
                  type="text"
                  size="small"
                  icon={<EyeOutlined />}
                  aria-label={t('users.unmask')}
                  onClick={() => setUnmasking(u)}
                  data-testid="unmask-phone"
                />
              </Tooltip>
            )}
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('users.noPhone')}</Typography.Text>
        ),
    },
    {
      title: t('users.colActive'),
      dataIndex: 'is_active',
      render: (active: boolean) => <ActiveTag active={active} />,
    },
    {
      title: t('users.colGrants'),
      dataIndex: 'grants',
      render: (grants: User['grants']) => <GrantTags grants={grants} />,
    },
  ];

  return (
    <Card
      title={t('users.listTitle')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/users/new')} data-testid="create-user">
          {t('users.create')}
        </Button>
      }
    >
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 12 }}>
        <Form.Item label={t('users.search')}>
          <Input.Search
            data-testid="user-search"
            allowClear
            style={{ width: 280 }}
            maxLength={100}
            placeholder={t('users.searchPlaceholder')}
            value={input}
            onChange={(e) => setInput(e.target.value)}
            onSearch={search}
            enterButton={t('common.search')}
          />
        </Form.Item>
      </Form>
      <Table<User>
        data-testid="user-table"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={page.data?.items ?? []}
        loading={page.isFetching}
        pagination={false}
        locale={{ emptyText: page.isError ? t('common.loadFailed') : t('users.empty') }}
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
      <Pager paging={paging} nextCursor={page.data?.next_cursor} busy={page.isFetching || page.isPlaceholderData} />
      {unmasking && <UnmaskModal user={unmasking} open onClose={() => setUnmasking(null)} />}
    </Card>
  );
}
