import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isoWeekday, toRows, type DayRow } from './hours';

/** A centre's week, today's row marked. */
export function HoursTable({ hours }: { hours: unknown }) {
  const { t } = useTranslation();
  const today = isoWeekday(new Date());
  return (
    <Table<DayRow>
      data-testid="hours-table"
      rowKey="day"
      size="small"
      pagination={false}
      dataSource={toRows(hours)}
      columns={[
        {
          title: t('centres.weekday'),
          dataIndex: 'day',
          render: (day: number) => (
            <>
              {t(`weekdays.${day}`)} {day === today && <Tag color="blue">{t('centres.today')}</Tag>}
            </>
          ),
        },
        {
          title: t('centres.hours'),
          key: 'hours',
          render: (_, r) =>
            r.open ? `${r.from} – ${r.to}` : <Typography.Text type="secondary">{t('centres.closed')}</Typography.Text>,
        },
      ]}
    />
  );
}

/** Today's hours in a few words: "今日 08:30–20:00" or "今日休息". */
export function TodayHours({ hours }: { hours: unknown }) {
  const { t } = useTranslation();
  const row = toRows(hours).find((r) => r.day === isoWeekday(new Date()));
  return row?.open ? (
    <span>{t('centres.todayOpen', { from: row.from, to: row.to })}</span>
  ) : (
    <Typography.Text type="secondary">{t('centres.todayClosed')}</Typography.Text>
  );
}
