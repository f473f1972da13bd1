import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { pickLanguage } from '../../api/problem';
import type { ComplaintEvent } from '../../api/types';
import { routingText } from './model';
import { translate } from '../../i18n';
import { when } from './when';

/** The complaint's history: who did what when, with the note. */
export function ComplaintTimeline({ events }: { events: ComplaintEvent[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Timeline
      data-testid="complaint-timeline"
      items={events.map((e, i) => ({
        key: i,
        color: e.action === 'reject' || e.action === 'return' ? 'red' : e.to_status === 'closed' ? 'gray' : 'blue',
        content: (
          <div>
            <Typography.Text strong>{t(`complaintEvents.${e.action}`, { defaultValue: e.action })}</Typography.Text>{' '}
            <Typography.Text type="secondary">
              {e.actor_name} · {when(e.at, i18n.language)}
            </Typography.Text>
            {e.note && (
              <div style={{ whiteSpace: 'pre-wrap' }}>
                {e.action === 'submit' ? routingText(e.note, translate) : pickLanguage(e.note, i18n.language)}
              </div>
            )}
          </div>
        ),
      }))}
    />
  );
}
