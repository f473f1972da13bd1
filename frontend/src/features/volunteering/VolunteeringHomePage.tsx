import { Card, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useSession } from '../../auth/session';
import { ActivitiesTab } from './ActivitiesTab';
import { useMyVolunteering } from './api';
import { DashboardTab } from './DashboardTab';
import { CentresTab, EmployerReportTab, TeamsTab } from './DirectoryTabs';
import { LiveTab } from './LiveTab';
import { ReportsTab } from './ReportsTab';
import { VerifyTab } from './VerifyTab';

const TABS = ['overview', 'activities', 'live', 'verify', 'reports', 'teams', 'centres', 'employer'] as const;
type TabKey = (typeof TABS)[number];

/**
 * 志愿服务 for staff: the dashboard, activities, the live monitor, the verification queue,
 * reports to compounds, teams, centres and the employer report. The tab is in the URL.
 */
export default function VolunteeringHomePage() {
  const { t } = useTranslation();
  const { access } = useSession();
  const [params, setParams] = useSearchParams();
  // Team leaders who also work here see the queue of their teams.
  const mine = useMyVolunteering(access.volunteering.participate);
  const mayVerify = access.volunteering.verify || (mine.data?.leads_teams.length ?? 0) > 0;
  const visible = TABS.filter((k) => k !== 'verify' || mayVerify);
  const asked = params.get('tab') as TabKey | null;
  const active: TabKey = asked && visible.includes(asked) ? asked : 'overview';

  const render = (key: TabKey) => {
    switch (key) {
      case 'overview':
        return <DashboardTab />;
      case 'activities':
        return <ActivitiesTab />;
      case 'live':
        return <LiveTab />;
      case 'verify':
        return <VerifyTab />;
      case 'reports':
        return <ReportsTab />;
      case 'teams':
        return <TeamsTab />;
      case 'centres':
        return <CentresTab />;
      case 'employer':
        return <EmployerReportTab />;
    }
  };

  return (
    <Card title={<span data-testid="volunteering-title">{t('volunteering.title')}</span>}>
      <Typography.Paragraph type="secondary">{t('volunteering.intro')}</Typography.Paragraph>
      <Tabs
        activeKey={active}
        onChange={(k) => setParams(k === 'overview' ? {} : { tab: k }, { replace: true })}
        destroyOnHidden
        data-testid="volunteering-tabs"
        items={visible.map((k) => ({ key: k, label: <span data-testid={`tab-${k}`}>{t(`volunteering.tabs.${k}`)}</span>, children: render(k) }))}
      />
    </Card>
  );
}
