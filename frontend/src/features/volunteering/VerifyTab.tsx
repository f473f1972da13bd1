import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadFailed } from '../../components/LoadFailed';
import { useCheckIns, verifyCheckIn, volunteeringKeys } from './api';
import { CheckInTable } from './CheckInTable';
import { useRefusal } from './Refusal';
import type { CheckIn } from './types';

/** The verification queue query: closed check-ins whose hours wait for a verdict. */
export const PENDING_QUERY = { verification: 'pending', open: false } as const;

/** 核验通过 / 不予认定 for one check-in. */
export function VerifyButtons({ checkIn, size = 'small' }: { checkIn: CheckIn; size?: 'small' | 'middle' | 'large' }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refuse = useRefusal();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<'yes' | 'no' | null>(null);
  async function decide(accepted: boolean) {
    setBusy(accepted ? 'yes' : 'no');
    try {
      await verifyCheckIn(checkIn.id, accepted);
      void message.success(t(accepted ? 'volunteering.verify.accepted' : 'volunteering.verify.rejected'));
      await queryClient.invalidateQueries({ queryKey: volunteeringKeys.all });
    } catch (e) {
      refuse(e);
    } finally {
      setBusy(null);
    }
  }
  return (
    <Space wrap size={size === 'small' ? 4 : 8}>
      <Button type="primary" size={size} icon={<CheckOutlined />} loading={busy === 'yes'} disabled={!!busy} onClick={() => void decide(true)} data-testid="verify-accept">
        {t('volunteering.verify.accept')}
      </Button>
      <Popconfirm title={t('volunteering.verify.rejectConfirm')} onConfirm={() => void decide(false)} okText={t('volunteering.verify.reject')}>
        <Button danger size={size} icon={<CloseOutlined />} loading={busy === 'no'} disabled={!!busy} data-testid="verify-reject">
          {t('volunteering.verify.reject')}
        </Button>
      </Popconfirm>
    </Space>
  );
}

/** 时长核验: closed check-ins waiting for a verdict; flagged ones stand out with the reason. */
export function VerifyTab() {
  const { t } = useTranslation();
  const [flaggedOnly, setFlaggedOnly] = useState(false);
  const pending = useCheckIns(flaggedOnly ? { ...PENDING_QUERY, flagged: true } : PENDING_QUERY);
  const items = pending.data?.items ?? [];
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Typography.Text>{t('volunteering.verify.count', { count: items.length })}</Typography.Text>
        <Switch checked={flaggedOnly} onChange={setFlaggedOnly} data-testid="flagged-only" />
        <Typography.Text>{t('volunteering.verify.flaggedOnly')}</Typography.Text>
      </Space>
      <Typography.Paragraph type="secondary">{t('volunteering.verify.intro')}</Typography.Paragraph>
      <CheckInTable
        testId="verify-table"
        items={items}
        loading={pending.isFetching}
        highlightFlagged
        show={{ person: true, place: true, state: true }}
        extra={[{ title: t('common.actions'), key: 'verify', render: (_, c) => <VerifyButtons checkIn={c} /> }]}
      />
      <LoadFailed query={pending} />
    </>
  );
}
