import { Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { translate } from '../../i18n';
import type { CheckIn } from './types';
import { when, span } from './times';
import { VerificationTag } from './VolunteeringTags';
import { useNow } from './useNow';

/** The check-in's state: open (已签到) or closed with its minutes. */
export function CheckInState({ c }: { c: CheckIn }) {
  const { t } = useTranslation();
  if (!c.checked_out_at) return <Tag color="processing">{t('volunteering.checkIn.open')}</Tag>;
  return <Typography.Text style={{ whiteSpace: 'nowrap' }}>{t('volunteering.minutesValue', { minutes: c.minutes ?? 0 })}</Typography.Text>;
}

/** The flag on a check-in that looks wrong (e.g. forgotten check-out closed by the system). */
export function FlagMark({ c }: { c: CheckIn }) {
  const { t, i18n } = useTranslation();
  if (!c.flagged) return null;
  return (
    <Tooltip title={c.flag_reason ? translateFlag(c.flag_reason, i18n.language) : undefined}>
      <Tag color="volcano" data-testid="flag-tag">
        {t('volunteering.checkIn.flagged')}
        {c.flag_reason ? `：${translateFlag(c.flag_reason, i18n.language)}` : ''}
      </Tag>
    </Tooltip>
  );
}

function translateFlag(reason: string, language: string): string {
  return translate(`volunteering.flags.${reason}`) ?? pickHalf(reason, language);
}

function pickHalf(text: string, language: string): string {
  const at = text.indexOf(' / ');
  if (at < 0) return text;
  return language.startsWith('en') ? text.slice(at + 3) : text.slice(0, at);
}

/** Check-ins as a table; `extra` adds columns (actions). */
export function CheckInTable({
  items,
  loading,
  extra = [],
  show = { person: true, place: true, state: true, verification: true },
  testId = 'check-in-table',
  highlightFlagged,
}: {
  items: readonly CheckIn[];
  loading?: boolean;
  extra?: ColumnsType<CheckIn>;
  show?: { person?: boolean; place?: boolean; state?: boolean; verification?: boolean; elapsed?: boolean };
  testId?: string;
  highlightFlagged?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const now = useNow(show.elapsed ? 1000 : 0);
  const columns: ColumnsType<CheckIn> = [];
  if (show.person) columns.push({ title: t('volunteering.checkIn.person'), dataIndex: 'person_name', key: 'person' });
  if (show.place) {
    columns.push({
      title: t('volunteering.checkIn.place'),
      key: 'place',
      render: (_, c) => (
        <div>
          <div>{c.activity_title ?? c.place_name}</div>
          {c.activity_title && <Typography.Text type="secondary">{c.place_name}</Typography.Text>}
        </div>
      ),
    });
  }
  columns.push({
    title: t('volunteering.checkIn.method'),
    dataIndex: 'method',
    key: 'method',
    render: (m: string, c) => (
      <Space size={4} wrap>
        <span>{t(`volunteering.method.${m === 'qr' ? 'qr' : 'geofence'}`)}</span>
        {c.distance_m != null && <Typography.Text type="secondary">{t('volunteering.checkIn.distance', { m: Math.round(c.distance_m) })}</Typography.Text>}
        {c.client_id && <Tag>{t('volunteering.checkIn.offline')}</Tag>}
      </Space>
    ),
  });
  columns.push({
    title: t('volunteering.checkIn.time'),
    key: 'time',
    render: (_, c) => (c.checked_out_at ? span(c.checked_in_at, c.checked_out_at, i18n.language) : when(c.checked_in_at, i18n.language)),
  });
  if (show.elapsed) {
    columns.push({
      title: t('volunteering.checkIn.elapsed'),
      key: 'elapsed',
      render: (_, c) => <span data-testid="elapsed">{elapsedText(c.checked_in_at, now)}</span>,
    });
  }
  if (show.state) {
    columns.push({ title: t('volunteering.checkIn.minutes'), key: 'minutes', render: (_, c) => <CheckInState c={c} /> });
  }
  if (show.verification) {
    columns.push({
      title: t('volunteering.checkIn.verification'),
      key: 'verification',
      render: (_, c) => (
        <Space size={4} wrap>
          <VerificationTag value={c.verification} />
          <FlagMark c={c} />
        </Space>
      ),
    });
  } else {
    columns.push({ title: '', key: 'flag', render: (_, c) => <FlagMark c={c} /> });
  }
  columns.push(...extra);
  return (
    <Table<CheckIn>
      data-testid={testId}
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items as CheckIn[]}
      columns={columns}
      pagination={items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      rowClassName={(c) => (highlightFlagged && c.flagged ? 'linli-flagged-row' : '')}
      onRow={(c) => ({
        'data-testid': 'check-in-row',
        style: highlightFlagged && c.flagged ? { background: '#fff2e8' } : undefined,
      }) as React.HTMLAttributes<HTMLElement>}
    />
  );
}

function elapsedText(from: string, now: number): string {
  const total = Math.max(0, Math.floor((now - Date.parse(from)) / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  return `${h}:${String(m).padStart(2, '0')}`;
}
