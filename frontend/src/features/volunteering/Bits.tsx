// Small pieces the volunteering pages share: tags, hours, times in China time, the
// check-in table, and the notification for refusals.
import { Alert, App, Progress, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { translate } from '../../i18n';
import {
  activityPhase,
  capacityOf,
  hours,
  PHASE_COLOR,
  refusal,
  REPORT_STATUS_COLOR,
  reportStatusOf,
  VERIFICATION_COLOR,
  verificationOf,
} from './model';
import type { Activity, CheckIn } from './types';

/** A date-time in China time, as the district works. */
export function when(iso: string | null | undefined, language: string): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(language.startsWith('en') ? 'en-GB' : 'zh-CN', {
    hour12: false,
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** Only the clock time (China time): `14:05`. */
export function clock(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleTimeString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' });
}

/** A start and end: the end's date is left out when it is the same day. */
export function span(from: string, to: string, language: string): string {
  const a = when(from, language);
  const b = when(to, language);
  const [dayA] = a.split(/[ ,]+/);
  const [dayB] = b.split(/[ ,]+/);
  return dayA === dayB ? `${a} – ${clock(to)}` : `${a} – ${b}`;
}

/** `1.5 小时`. */
export function Hours({ minutes, strong }: { minutes: number | null | undefined; strong?: boolean }) {
  const { t } = useTranslation();
  const text = t('volunteering.hoursValue', { hours: hours(minutes) });
  return strong ? <Typography.Text strong>{text}</Typography.Text> : <>{text}</>;
}

export function VerificationTag({ value }: { value: string }) {
  const { t } = useTranslation();
  const v = verificationOf(value);
  return (
    <Tag color={VERIFICATION_COLOR[v]} data-testid="verification-tag">
      {t(`volunteering.verification.${v}`)}
    </Tag>
  );
}

export function ReportStatusTag({ value }: { value: string }) {
  const { t } = useTranslation();
  const s = reportStatusOf(value);
  return (
    <Tag color={REPORT_STATUS_COLOR[s]} data-testid="report-status">
      {t(`volunteering.reportStatus.${s}`)}
    </Tag>
  );
}

export function PhaseTag({ activity }: { activity: Pick<Activity, 'status' | 'starts_at' | 'ends_at'> }) {
  const { t } = useTranslation();
  const phase = activityPhase(activity, Date.now());
  return (
    <Tag color={PHASE_COLOR[phase]} data-testid="activity-phase">
      {t(`volunteering.phase.${phase}`)}
    </Tag>
  );
}

/** Places taken of the capacity, with a bar. */
export function CapacityBar({ activity, compact }: { activity: Pick<Activity, 'signed_up' | 'capacity'>; compact?: boolean }) {
  const { t } = useTranslation();
  const c = capacityOf(activity);
  return (
    <div data-testid="capacity" style={{ minWidth: compact ? 120 : 200 }}>
      <Typography.Text type={c.full ? 'danger' : undefined}>
        {t('volunteering.activity.placesTaken', { taken: c.taken, capacity: c.capacity })}
        {c.full && ` · ${t('volunteering.activity.full')}`}
      </Typography.Text>
      <Progress percent={c.percent} size="small" showInfo={false} status={c.full ? 'exception' : 'normal'} />
    </div>
  );
}

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

/** The clock, ticking every `ms` (0: read once). */
export function useNow(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ms) return;
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

/** Shows a refusal the volunteering way: its title and the server's sentence (the numbers). */
export function useRefusal() {
  const { notification } = App.useApp();
  return useCallback(
    (error: unknown) => {
      const n = refusal(error, translate);
      notification.error({ title: n.message, description: n.description, placement: 'top' });
    },
    [notification],
  );
}

/** A refusal shown in place (on the phone, where a notification is easily missed). */
export function RefusalAlert({ error, onClose, testId = 'refusal' }: { error: unknown; onClose?: () => void; testId?: string }) {
  if (!error) return null;
  const n = refusal(error, translate);
  return (
    <Alert
      type="error"
      showIcon
      closable={!!onClose}
      onClose={onClose}
      title={n.message}
      description={n.description}
      data-testid={testId}
      style={{ marginBottom: 12 }}
    />
  );
}

/** A labelled big number for the dashboard tiles and the phone's summary. */
export function Figure({ label, value, footer, testId }: { label: ReactNode; value: ReactNode; footer?: ReactNode; testId?: string }) {
  return (
    <div data-testid={testId}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <div style={{ fontSize: 28, fontWeight: 600, lineHeight: 1.3 }}>{value}</div>
      {footer && <div style={{ fontSize: 13, color: '#888' }}>{footer}</div>}
    </div>
  );
}
