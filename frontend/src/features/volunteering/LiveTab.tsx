import { Badge, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadFailed } from '../../components/LoadFailed';
import { LIVE_REFRESH_MS, useCheckIns } from './api';
import { when } from './times';
import { CheckInTable } from './CheckInTable';

/** 实时签到: who is checked in right now, read again every 15 seconds. */
export function LiveTab() {
  const { t, i18n } = useTranslation();
  const open = useCheckIns({ open: true }, { refetchInterval: LIVE_REFRESH_MS });
  const items = open.data?.items ?? [];
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Text>
          <Badge status="processing" /> {t('volunteering.live.count', { count: items.length })}
        </Typography.Text>
        <Typography.Text type="secondary" data-testid="live-updated">
          {t('volunteering.live.updated', { at: open.dataUpdatedAt ? when(new Date(open.dataUpdatedAt).toISOString(), i18n.language) : '—', seconds: LIVE_REFRESH_MS / 1000 })}
        </Typography.Text>
      </Flex>
      <CheckInTable
        testId="live-table"
        items={items}
        loading={open.isPending}
        show={{ person: true, place: true, elapsed: true }}
        highlightFlagged
      />
      <LoadFailed query={open} />
    </>
  );
}
