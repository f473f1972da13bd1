import { AimOutlined, CloudSyncOutlined, LogoutOutlined, QrcodeOutlined, WifiOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, List, Result, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newIdempotencyKey } from '../../api/idempotency';
import { errorNotice } from '../../api/problem';
import { useSession } from '../../auth/session';
import { translate } from '../../i18n';
import { checkIn, checkOut, useActivities, useMyVolunteering, volunteeringKeys } from './api';
import { clock, span } from './times';
import { VerificationTag } from './VolunteeringTags';
import { useNow } from './useNow';
import { RefusalAlert } from './Refusal';
import { currentPosition, GeoError } from './geo';
import { centreOfToken, checkInChoices, elapsed, outcomeNotice } from './model';
import { ActivitiesCard, CertificateCard, HoursCard, LeaderCard, ReportCard } from './MySections';
import { QrScanner } from './QrScanner';
import { isNetworkFailure, pendingCheckIn, queuedCheckOut, type QueuedItem } from './queue';
import type { Activity, CheckIn, CheckInInput, MyVolunteering } from './types';
import { useOnline, useSyncQueue, type SyncQueue } from './useSyncQueue';

const BIG = { height: 56, fontSize: 18 } as const;

/**
 * The volunteer's phone page: check in (by position or the centre's QR code) and out, even
 * offline; the activities to sign up for; one's hours; the leader's queue; 报到; 服务证明.
 */
export default function MyVolunteeringPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const mine = useMyVolunteering();
  const queue = useSyncQueue(me.id);
  const online = useOnline();

  return (
    <div style={{ maxWidth: 640, margin: '0 auto' }} data-testid="my-volunteering">
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }} gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('volunteering.my.title')}
        </Typography.Title>
        {online ? (
          <Tag icon={<WifiOutlined />} color="green" data-testid="online-state">
            {t('volunteering.my.online')}
          </Tag>
        ) : (
          <Tag color="orange" data-testid="online-state">
            {t('volunteering.my.offline')}
          </Tag>
        )}
      </Flex>
      <SyncCard queue={queue} online={online} />
      {mine.isPending && queue.items.length === 0 ? (
        <Skeleton active />
      ) : mine.isError && !mine.data && queue.items.length === 0 ? (
        <Result status="warning" title={errorNotice(mine.error, translate).message} extra={<Button onClick={() => void mine.refetch()}>{t('common.retry')}</Button>} />
      ) : (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <CheckInCard mine={mine.data} queue={queue} />
          <ActivitiesCard />
          <HoursCard mine={mine.data} />
          {mine.data && mine.data.leads_teams.length > 0 && <LeaderCard personId={mine.data.person_id} />}
          {mine.data && <ReportCard mine={mine.data} />}
          <CertificateCard />
        </Space>
      )}
    </div>
  );
}

/** 待同步: what was recorded offline, and what the server refused when it came. */
function SyncCard({ queue, online }: { queue: SyncQueue; online: boolean }) {
  const { t, i18n } = useTranslation();
  if (queue.items.length === 0 && queue.rejected.length === 0) return null;
  return (
    <Card size="small" style={{ marginBottom: 12, borderColor: '#faad14' }} data-testid="sync-card">
      {queue.items.length > 0 && (
        <>
          <Flex justify="space-between" align="center" gap={8} wrap>
            <Typography.Text strong>
              <Tag color="orange" data-testid="pending-sync">
                {t('volunteering.sync.pending')}
              </Tag>
              {t('volunteering.sync.count', { count: queue.items.length })}
            </Typography.Text>
            <Button icon={<CloudSyncOutlined />} loading={queue.syncing} disabled={!online} onClick={() => void queue.sync()} data-testid="sync-now">
              {t('volunteering.sync.now')}
            </Button>
          </Flex>
          <List
            size="small"
            dataSource={queue.items}
            renderItem={(q) => (
              <List.Item data-testid="sync-item">
                {t(`volunteering.sync.kind.${q.kind}`)} · {q.place_name ?? '—'} · {clock(q.device_time)}
              </List.Item>
            )}
          />
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {online ? t('volunteering.sync.willUpload') : t('volunteering.sync.offlineHint')}
          </Typography.Text>
        </>
      )}
      {queue.rejected.length > 0 && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={queue.dismissRejected}
          style={{ marginTop: queue.items.length ? 8 : 0 }}
          data-testid="sync-rejected"
          title={t('volunteering.sync.rejected')}
          description={
            <ul style={{ paddingLeft: 16, margin: 0 }}>
              {queue.rejected.map((r) => {
                const n = outcomeNotice(r.code, r.detail, translate);
                return (
                  <li key={r.item.client_id}>
                    {t(`volunteering.sync.kind.${r.item.kind}`)} {r.item.place_name ?? ''} {clock(r.item.device_time)}：{n?.message ?? r.code}
                    {n?.description ? `（${n.description}）` : ''}
                  </li>
                );
              })}
            </ul>
          }
        />
      )}
      {queue.items.length === 0 && queue.rejected.length === 0 && queue.lastDelivered > 0 && (
        <Typography.Text>{t('volunteering.sync.done', { count: queue.lastDelivered, lng: i18n.language })}</Typography.Text>
      )}
    </Card>
  );
}

/** The open check-in as the phone sees it: the server's, or one waiting in the queue. */
interface OpenState {
  placeName: string;
  since: string;
  local: boolean;
}

function openState(mine: MyVolunteering | undefined, items: readonly QueuedItem[]): OpenState | null {
  const local = pendingCheckIn(items);
  if (local) return { placeName: local.place_name ?? '', since: local.device_time, local: true };
  const server = mine?.open_check_in;
  // A check-out queued for the server's check-in closes it already on this phone.
  const closedHere = items.some((q) => q.kind === 'check_out' && !q.check_in_client_id);
  if (server && !closedHere) {
    return { placeName: server.activity_title ? `${server.activity_title} · ${server.place_name}` : server.place_name, since: server.checked_in_at, local: false };
  }
  return null;
}

function CheckInCard({ mine, queue }: { mine: MyVolunteering | undefined; queue: SyncQueue }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const activities = useActivities({});
  const choices = useMemo(() => checkInChoices(activities.data?.items ?? [], Date.now()), [activities.data]);
  const [picked, setPicked] = useState<string | undefined>();
  const target: Activity | undefined = choices.find((a) => a.id === picked) ?? choices[0];
  const [busy, setBusy] = useState<'geo' | 'qr' | 'out' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [scanning, setScanning] = useState(false);
  const [closed, setClosed] = useState<CheckIn | null>(null);
  const open = openState(mine, queue.items);
  const now = useNow(open ? 1000 : 0);

  const refresh = useCallback(() => queryClient.invalidateQueries({ queryKey: volunteeringKeys.all }), [queryClient]);

  /** Sends a check-in; without network it is queued as 待同步. */
  async function send(body: CheckInInput, placeName: string) {
    const queueIt = () => {
      queue.add({
        client_id: newIdempotencyKey(),
        kind: 'check_in',
        device_time: new Date().toISOString(),
        activity_id: body.activity_id ?? null,
        centre_id: body.centre_id ?? null,
        location: body.location ?? null,
        qr_token: body.qr_token ?? null,
        place_name: placeName,
      });
      void message.warning(t('volunteering.sync.queuedIn'));
    };
    if (!navigator.onLine) return queueIt();
    try {
      await checkIn(body);
      setClosed(null);
      void message.success(t('volunteering.my.checkedInOk'));
      await refresh();
    } catch (e) {
      if (isNetworkFailure(e, navigator.onLine)) queueIt();
      else setError(e);
    }
  }

  async function byLocation() {
    setError(null);
    if (!target) return;
    setBusy('geo');
    try {
      const location = await currentPosition();
      await send({ activity_id: target.id, location }, target.title);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }

  async function byCode(token: string) {
    setScanning(false);
    setError(null);
    setBusy('qr');
    try {
      const centre = centreOfToken(token);
      const atActivity = target && (!centre || target.centre_id === centre);
      const body: CheckInInput = atActivity ? { activity_id: target.id, qr_token: token } : { centre_id: centre, qr_token: token };
      await send(body, atActivity ? target.title : t('volunteering.my.centre'));
    } finally {
      setBusy(null);
    }
  }

  async function out() {
    setError(null);
    setBusy('out');
    const queueIt = () => {
      queue.add(queuedCheckOut(queue.items, newIdempotencyKey(), new Date()));
      void message.warning(t('volunteering.sync.queuedOut'));
    };
    try {
      // A check-in the server has not received yet is closed in the queue too.
      if (pendingCheckIn(queue.items) || !navigator.onLine) {
        queueIt();
        if (navigator.onLine) void queue.sync();
        return;
      }
      try {
        const c = await checkOut();
        setClosed(c);
        void message.success(t('volunteering.my.checkedOutOk'));
        await refresh();
      } catch (e) {
        if (isNetworkFailure(e, navigator.onLine)) queueIt();
        else setError(e);
      }
    } finally {
      setBusy(null);
    }
  }

  return (
    <Card data-testid="check-in-card" styles={{ body: { padding: 16 } }}>
      {error instanceof GeoError ? (
        <Alert type="warning" showIcon title={t(`volunteering.geo.${error.reason}`)} closable onClose={() => setError(null)} style={{ marginBottom: 12 }} data-testid="refusal" />
      ) : (
        <RefusalAlert error={error} onClose={() => setError(null)} />
      )}
      {open ? (
        <div data-testid="checked-in">
          <Flex align="center" gap={8} wrap>
            <Tag color="processing" style={{ fontSize: 16, padding: '4px 10px' }} data-testid="check-in-state">
              {t('volunteering.my.checkedIn')}
            </Tag>
            {open.local && (
              <Tag color="orange" data-testid="local-pending">
                {t('volunteering.sync.pending')}
              </Tag>
            )}
          </Flex>
          <Typography.Paragraph style={{ margin: '8px 0 0', fontSize: 16 }}>{open.placeName}</Typography.Paragraph>
          <Typography.Text type="secondary">{t('volunteering.my.since', { at: clock(open.since) })}</Typography.Text>
          <div style={{ fontSize: 40, fontWeight: 600, fontVariantNumeric: 'tabular-nums', margin: '8px 0' }} data-testid="elapsed">
            {elapsed(open.since, now)}
          </div>
          <Button type="primary" danger block icon={<LogoutOutlined />} style={BIG} loading={busy === 'out'} onClick={() => void out()} data-testid="check-out">
            {t('volunteering.my.checkOut')}
          </Button>
        </div>
      ) : (
        <div data-testid="check-in-form">
          {closed && (
            <Alert
              type="success"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="checked-out"
              title={t('volunteering.my.checkedOut', { minutes: closed.minutes ?? 0 })}
              description={
                <Space size={4} wrap>
                  <span>
                    {closed.activity_title ?? closed.place_name} · {span(closed.checked_in_at, closed.checked_out_at ?? closed.checked_in_at, i18n.language)}
                  </span>
                  <VerificationTag value={closed.verification} />
                </Space>
              }
            />
          )}
          <Typography.Text strong style={{ fontSize: 16 }}>
            {t('volunteering.my.checkInAt')}
          </Typography.Text>
          {choices.length ? (
            <Select
              size="large"
              style={{ width: '100%', margin: '8px 0 12px' }}
              value={target?.id}
              onChange={setPicked}
              data-testid="check-in-activity"
              options={choices.map((a) => ({
                value: a.id,
                label: `${a.title} · ${clock(a.starts_at)}–${clock(a.ends_at)} · ${a.place_name}${a.signed_up_by_me ? ` · ${t('volunteering.my.signedUp')}` : ''}`,
              }))}
            />
          ) : (
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 12px' }} data-testid="no-activity-today">
              {activities.isPending ? t('common.loading') : t('volunteering.my.noActivityToday')}
            </Typography.Paragraph>
          )}
          <Flex gap={12} vertical>
            <Button type="primary" block icon={<AimOutlined />} style={BIG} disabled={!target} loading={busy === 'geo'} onClick={() => void byLocation()} data-testid="check-in-location">
              {t('volunteering.my.byLocation')}
            </Button>
            <Button block icon={<QrcodeOutlined />} style={BIG} loading={busy === 'qr'} onClick={() => setScanning(true)} data-testid="check-in-qr">
              {t('volunteering.my.byQr')}
            </Button>
          </Flex>
          <Typography.Paragraph type="secondary" style={{ fontSize: 13, margin: '8px 0 0' }}>
            {t('volunteering.my.checkInHelp')}
          </Typography.Paragraph>
        </div>
      )}
      <QrScanner open={scanning} onClose={() => setScanning(false)} onCode={(token) => void byCode(token)} />
    </Card>
  );
}
