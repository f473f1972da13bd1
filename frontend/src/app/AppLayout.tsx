import {
  AccountBookOutlined,
  ApartmentOutlined,
  FileSearchOutlined,
  MoneyCollectOutlined,
  NotificationOutlined,
  PayCircleOutlined,
  HeartOutlined,
  QrcodeOutlined,
  AuditOutlined,
  BankOutlined,
  CalendarOutlined,
  CommentOutlined,
  MessageOutlined,
  ScheduleOutlined,
  ClusterOutlined,
  FileProtectOutlined,
  IdcardOutlined,
  ShopOutlined,
  DashboardOutlined,
  DownOutlined,
  HomeOutlined,
  KeyOutlined,
  LockOutlined,
  LogoutOutlined,
  SettingOutlined,
  TeamOutlined,
  TranslationOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Avatar, Breadcrumb, Button, Dropdown, Grid, Layout, Menu, Space, Spin, Tag, Typography, theme } from 'antd';
import type { MenuProps } from 'antd';
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useMatches, useNavigate } from 'react-router';
import { menuEntries, moduleForPath, summariseGrants, type MenuGroupKey, type ModuleKey } from '../access';
import { useSession } from '../auth/session';
import { LANGUAGES, setLanguage, type Language } from '../i18n';
import type { RouteHandle } from './router';

const { Header, Sider, Content } = Layout;

// Loaded when the user opens it, not with the shell.
const ChangePasswordModal = lazy(() => import('../features/account/ChangePasswordModal'));

/** Menu icon per module; later modules add theirs here. */
const MODULE_ICONS: Record<ModuleKey, ReactNode> = {
  dashboard: <DashboardOutlined />,
  areas: <ApartmentOutlined />,
  compounds: <HomeOutlined />,
  organisations: <ClusterOutlined />,
  people: <IdcardOutlined />,
  contracts: <FileProtectOutlined />,
  meetings: <CalendarOutlined />,
  centres: <ShopOutlined />,
  users: <TeamOutlined />,
  apiKeys: <KeyOutlined />,
  auditLog: <AuditOutlined />,
  complaints: <MessageOutlined />,
  myComplaints: <CommentOutlined />,
  complaintSettings: <ScheduleOutlined />,
  publicRevenue: <AccountBookOutlined />,
  audits: <FileSearchOutlined />,
  disclosures: <NotificationOutlined />,
  allowances: <PayCircleOutlined />,
  volunteering: <HeartOutlined />,
  myVolunteering: <QrcodeOutlined />,
};

const GROUP_ICONS: Record<MenuGroupKey, ReactNode> = {
  registry: <BankOutlined />,
  revenue: <MoneyCollectOutlined />,
  system: <SettingOutlined />,
};

export function PageFallback() {
  const { t } = useTranslation();
  return (
    <div style={{ padding: 48, textAlign: 'center' }}>
      <Spin description={t('common.loading')} />
    </div>
  );
}

function Crumbs() {
  const { t } = useTranslation();
  const matches = useMatches();
  const crumbs = matches
    .filter((m) => (m.handle as RouteHandle | undefined)?.crumb)
    // a parent route and its index child share a pathname: keep one crumb per path
    .filter((m, i, all) => all.findIndex((o) => (o.handle as RouteHandle).crumb === (m.handle as RouteHandle).crumb) === i);
  const items = crumbs.map((m, i) => {
    const label = t((m.handle as RouteHandle).crumb!);
    const last = i === crumbs.length - 1;
    return { key: m.id, title: last ? label : <Link to={m.pathname}>{label}</Link> };
  });
  return <Breadcrumb items={items} style={{ marginBottom: 16 }} />;
}

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const items: MenuProps['items'] = LANGUAGES.map((lang) => ({ key: lang, label: t(`lang.${lang}`) }));
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items,
        selectable: true,
        selectedKeys: [i18n.language],
        onClick: ({ key }) => setLanguage(key as Language),
      }}
    >
      <Button type="text" icon={<TranslationOutlined />} data-testid="language-switch" aria-label={t('user.language')}>
        {t(`lang.${i18n.language}`)}
      </Button>
    </Dropdown>
  );
}

function UserMenu() {
  const { t } = useTranslation();
  const { me, signOut } = useSession();
  const roles = summariseGrants(me);
  const narrow = !Grid.useBreakpoint().md;
  const [changingPassword, setChangingPassword] = useState(false);
  const items: MenuProps['items'] = [
    {
      key: 'who',
      type: 'group',
      label: (
        <div style={{ maxWidth: 320 }} data-testid="user-roles">
          <Typography.Text strong>{me.display_name}</Typography.Text>{' '}
          <Typography.Text type="secondary">({me.username})</Typography.Text>
          <div style={{ marginTop: 8 }}>
            {roles.length === 0 && <Typography.Text type="secondary">{t('user.noGrants')}</Typography.Text>}
            {roles.map((r) => (
              <div key={r.role} style={{ marginBottom: 4 }}>
                <Tag color="red" data-testid="role-tag">{t(`roles.${r.role}`)}</Tag>
                <Typography.Text type="secondary">{r.areaNames.join(t('common.listSeparator'))}</Typography.Text>
              </div>
            ))}
          </div>
        </div>
      ),
    },
    { type: 'divider' },
    { key: 'change-password', icon: <LockOutlined />, label: t('user.changePassword') },
    { key: 'sign-out', icon: <LogoutOutlined />, label: t('user.signOut'), danger: true },
  ];
  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items,
          onClick: ({ key }) => {
            if (key === 'sign-out') void signOut();
            if (key === 'change-password') setChangingPassword(true);
          },
        }}
      >
        <Button type="text" data-testid="user-menu">
          <Space>
            <Avatar size="small" icon={<UserOutlined />} />
            <span>{me.username}</span>
            {roles[0] && !narrow && <Typography.Text type="secondary">{t(`roles.${roles[0].role}`)}</Typography.Text>}
            <DownOutlined />
          </Space>
        </Button>
      </Dropdown>
      {changingPassword && (
        <Suspense fallback={null}>
          <ChangePasswordModal open onClose={() => setChangingPassword(false)} />
        </Suspense>
      )}
    </>
  );
}

export default function AppLayout() {
  const { t } = useTranslation();
  const { access } = useSession();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const { token } = theme.useToken();
  // Phones (residents filing complaints): the menu folds away completely, the page gets the width.
  const narrow = !Grid.useBreakpoint().md;
  const current = moduleForPath(pathname);
  const [collapsed, setCollapsed] = useState(false);
  const [openGroups, setOpenGroups] = useState<string[]>(current?.group ? [current.group] : []);
  // Arriving at a grouped page (a link, the address bar) opens its group.
  useEffect(() => {
    const group = current?.group;
    if (group) setOpenGroups((open) => (open.includes(group) ? open : [...open, group]));
  }, [current?.group]);

  const menuItems: MenuProps['items'] = menuEntries(access.modules).map((entry) =>
    entry.kind === 'module'
      ? { key: entry.module.key, icon: MODULE_ICONS[entry.module.key], label: t(entry.module.label) }
      : {
          key: entry.key,
          icon: GROUP_ICONS[entry.key],
          label: t(entry.label),
          children: entry.modules.map((m) => ({ key: m.key, icon: MODULE_ICONS[m.key], label: t(m.label) })),
        },
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider breakpoint="lg" collapsedWidth={narrow ? 0 : 64} width={208} theme="dark" onCollapse={setCollapsed}>
        <Link
          to="/"
          style={{ display: 'flex', alignItems: 'center', gap: 8, height: 64, padding: '0 20px', color: '#fff' }}
        >
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span style={{ fontSize: 18, fontWeight: 600, whiteSpace: 'nowrap' }}>{t('app.name')}</span>
        </Link>
        <Menu
          theme="dark"
          mode="inline"
          data-testid="side-menu"
          selectedKeys={current ? [current.key] : []}
          // Collapsed, groups open as fly-outs on hover: only the wide menu keeps them open.
          {...(collapsed ? {} : { openKeys: openGroups, onOpenChange: setOpenGroups })}
          items={menuItems}
          onClick={({ key }) => {
            const mod = access.modules.find((m) => m.key === key);
            if (mod) navigate(mod.path);
          }}
        />
      </Sider>
      <Layout>
        <Header
          style={{
            background: token.colorBgContainer,
            padding: narrow ? '0 8px' : '0 24px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          {narrow ? <span /> : <Typography.Text strong>{t('app.subtitle')}</Typography.Text>}
          <Space>
            <LanguageSwitch />
            <UserMenu />
          </Space>
        </Header>
        <Content style={{ margin: narrow ? '52px 10px 12px' : 24 }}>
          <Crumbs />
          <Suspense fallback={<PageFallback />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
