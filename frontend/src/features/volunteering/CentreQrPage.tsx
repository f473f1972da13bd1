import { CompressOutlined, ExpandOutlined } from '@ant-design/icons';
import { Button, QRCode, Result, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { errorNotice } from '../../api/problem';
import { translate } from '../../i18n';
import { useCentreQr } from './api';
import { useNow } from './useNow';
import { secondsUntil } from './model';

/**
 * The screen at the centre's door: a big QR code that changes every 30 seconds (a photo of
 * it sent home is useless by the time it is used), the countdown, and how to scan it.
 */
export default function CentreQrPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation();
  const qr = useCentreQr(id);
  const now = useNow(1000);
  const box = useRef<HTMLDivElement>(null);
  const [full, setFull] = useState(false);

  useEffect(() => {
    const onChange = () => setFull(document.fullscreenElement === box.current);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  // Keep the screen awake where the browser allows it (a wall screen must not dim).
  useEffect(() => {
    const nav = navigator as Navigator & { wakeLock?: { request(type: 'screen'): Promise<{ release(): Promise<void> }> } };
    let lock: { release(): Promise<void> } | null = null;
    nav.wakeLock?.request('screen').then((l) => (lock = l)).catch(() => {});
    return () => void lock?.release().catch(() => {});
  }, []);

  function toggleFull() {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    else void box.current?.requestFullscreen?.().catch(() => {});
  }

  const data = qr.data;
  if (!data && qr.isError) {
    return <Result status="warning" title={errorNotice(qr.error, translate).message} />;
  }
  const expired = data ? Date.parse(data.expires_at) <= now : false;
  const next = data ? Math.min(data.refresh_in_seconds, secondsUntil(qr.dataUpdatedAt + data.refresh_in_seconds * 1000, now)) : 0;
  const size = Math.max(240, Math.min(520, Math.floor(Math.min(window.innerWidth, window.innerHeight) * (full ? 0.6 : 0.5))));

  return (
    <div
      ref={box}
      data-testid="qr-screen"
      style={{
        background: '#fff',
        minHeight: full ? '100vh' : 'calc(100vh - 180px)',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        gap: 16,
        padding: 24,
        position: 'relative',
        textAlign: 'center',
      }}
    >
      <Button
        icon={full ? <CompressOutlined /> : <ExpandOutlined />}
        onClick={toggleFull}
        style={{ position: 'absolute', top: 16, right: 16 }}
        data-testid="qr-fullscreen"
      >
        {t(full ? 'volunteering.qr.exitFullscreen' : 'volunteering.qr.fullscreen')}
      </Button>
      <Typography.Title level={1} style={{ margin: 0, fontSize: full ? 56 : 40 }} data-testid="qr-centre-name">
        {data?.centre_name ?? t('common.loading')}
      </Typography.Title>
      <Typography.Title level={2} style={{ margin: 0, fontWeight: 400, fontSize: full ? 36 : 28 }}>
        {t('volunteering.qr.heading')}
      </Typography.Title>
      <div data-testid="qr-code" data-token={data?.token ?? ''} data-issued={data?.issued_at ?? ''}>
        <QRCode
          value={data?.token ?? '-'}
          size={size}
          errorLevel="M"
          bordered
          status={!data ? 'loading' : expired ? 'expired' : 'active'}
          onRefresh={() => void qr.refetch()}
        />
      </div>
      <Typography.Paragraph style={{ fontSize: full ? 32 : 24, margin: 0 }} strong data-testid="qr-instructions">
        {t('volunteering.qr.instructions')}
      </Typography.Paragraph>
      <Typography.Text type="secondary" style={{ fontSize: 18 }} data-testid="qr-countdown">
        {data ? t('volunteering.qr.countdown', { seconds: next, every: data.refresh_in_seconds }) : ''}
      </Typography.Text>
      {qr.isError && data && (
        <Typography.Text type="danger" style={{ fontSize: 18 }}>
          {t('volunteering.qr.offline')}
        </Typography.Text>
      )}
      <Typography.Text type="secondary">{t('volunteering.qr.english')}</Typography.Text>
    </div>
  );
}
