import { FileOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Popover, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/problem';
import { useRevenueNotify } from './useRevenueNotify';
import { fetchVoucher, MAX_VOUCHER_BYTES, uploadVoucher, useLedgerChanged } from './api';
import type { Entry, Voucher } from './types';

/** Files the server takes as vouchers; it checks the bytes again. */
export const VOUCHER_ACCEPT = 'image/jpeg,image/png,image/webp,application/pdf,.pdf';

/** Opens a voucher (read with the token) in a new tab. */
function VoucherLink({ entryId, voucher }: { entryId: string; voucher: Voucher }) {
  const notify = useRevenueNotify();
  const [busy, setBusy] = useState(false);
  async function open() {
    // The tab is opened before the await so the browser does not block it as a pop-up.
    const tab = window.open('', '_blank');
    setBusy(true);
    try {
      const blob = await fetchVoucher(entryId, voucher.id);
      const url = URL.createObjectURL(blob);
      if (tab) tab.location.href = url;
      else window.location.assign(url);
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (e) {
      tab?.close();
      notify(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Button type="link" size="small" icon={<FileOutlined />} loading={busy} onClick={() => void open()} data-testid="voucher-link">
      {voucher.file_name}
    </Button>
  );
}

/**
 * An entry's voucher count, the vouchers uploaded here (the API lists an entry's vouchers
 * only in the answer to an upload), and — unless read-only — a button to add one.
 */
export function VoucherCell({
  compoundId,
  entry,
  readOnly,
  uploaded,
  onUploaded,
}: {
  compoundId: string;
  entry: Entry;
  readOnly?: boolean;
  uploaded: Voucher[] | undefined;
  onUploaded: (vouchers: Voucher[]) => void;
}) {
  const { t } = useTranslation();
  const { message, notification } = App.useApp();
  const notify = useRevenueNotify();
  const changed = useLedgerChanged(compoundId);
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  async function upload(file: File) {
    if (file.size > MAX_VOUCHER_BYTES) {
      notification.error({ title: t('revenue.voucher.tooLarge'), placement: 'topRight' });
      return;
    }
    setBusy(true);
    try {
      const list = await uploadVoucher(entry.id, file);
      onUploaded(list.items);
      void message.success(t('revenue.voucher.uploaded', { count: list.items.length }));
      changed();
    } catch (e) {
      if (e instanceof ApiError && e.status === 415) {
        notification.error({ title: t('revenue.voucher.notAccepted'), description: t('revenue.voucher.types'), placement: 'topRight' });
      } else if (e instanceof ApiError && e.status === 413) {
        notification.error({ title: t('revenue.voucher.tooLarge'), placement: 'topRight' });
      } else notify(e);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  }

  const count = Math.max(entry.voucher_count, uploaded?.length ?? 0);
  const countText = (
    <Typography.Text type={count ? undefined : 'secondary'} data-testid="voucher-count">
      <PaperClipOutlined /> {count}
    </Typography.Text>
  );
  return (
    <Space size={4}>
      {uploaded?.length ? (
        <Popover
          title={t('revenue.voucher.listTitle', { number: entry.number })}
          content={
            <Space orientation="vertical" size={0}>
              {uploaded.map((v) => (
                <VoucherLink key={v.id} entryId={entry.id} voucher={v} />
              ))}
            </Space>
          }
        >
          <Button type="link" size="small" style={{ padding: 0 }}>
            {countText}
          </Button>
        </Popover>
      ) : (
        countText
      )}
      {!readOnly && (
        <>
          <input
            ref={input}
            type="file"
            accept={VOUCHER_ACCEPT}
            style={{ display: 'none' }}
            data-testid="voucher-input"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void upload(file);
            }}
          />
          <Button
            size="small"
            type="text"
            icon={<UploadOutlined />}
            loading={busy}
            title={t('revenue.voucher.upload')}
            aria-label={t('revenue.voucher.upload')}
            onClick={() => input.current?.click()}
            data-testid="voucher-upload"
          />
        </>
      )}
    </Space>
  );
}
