import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

export type MeetingTab = 'meetings' | 'actions';

/** Card tabs switching between the meeting records and their action items. */
export function useMeetingTabs(active: MeetingTab) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return {
    tabList: [
      { key: 'meetings', label: <span data-testid="tab-meetings">{t('meetings.tabMeetings')}</span> },
      { key: 'actions', label: <span data-testid="tab-actions">{t('meetings.tabActions')}</span> },
    ],
    activeTabKey: active,
    onTabChange: (key: string) => navigate(key === 'actions' ? '/meetings/action-items' : '/meetings'),
  };
}
