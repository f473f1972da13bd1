import { EyeOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { User } from '../../api/types';
import { useSession } from '../../auth/session';
import { CreateButton } from '../../components/CreateButton';
import { SearchFilter } from '../../components/FilterBar';
import { ListPage } from '../../components/ListPage';
import { useCursorPaging, useRestartOnInvalidCursor } from '../../lib/paging';
import { ActiveTag, GrantTags } from './GrantTags';
import { UnmaskModal } from './UnmaskModal';
import { useUserPage } from './api';

export default function UserListPage() {
  const { t } = useTranslation();
  const { access } = useSession();
  const [unmasking, setUnmasking] = useState<User | null>(null);
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
    <ListPage<User>
      title={t('users.listTitle')}
      extra={
        <CreateButton to="/users/new" testId="create-user">
          {t('users.create')}
        </CreateButton>
      }
      filters={
        <SearchFilter
          label={t('users.search')}
          testId="user-search"
          width={280}
          maxLength={100}
          placeholder={t('users.searchPlaceholder')}
          text={input}
          onText={setInput}
          onSearch={search}
        />
      }
      table={{ testId: 'user-table', columns, list: { page, paging }, empty: t('users.empty'), scrollX: 900 }}
    >
      {unmasking && <UnmaskModal user={unmasking} open onClose={() => setUnmasking(null)} />}
    </ListPage>
  );
}
