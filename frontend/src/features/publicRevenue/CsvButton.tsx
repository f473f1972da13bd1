import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fileNameFrom, saveBlob } from '../../lib/download';
import type { CsvFile } from './api';
import { useRevenueNotify } from './useRevenueNotify';

/** A button that downloads a CSV the server writes (with the token) and saves it. */
export function CsvButton({
  fetchCsv,
  fallbackName,
  testId,
  label,
}: {
  fetchCsv: () => Promise<CsvFile>;
  fallbackName: string;
  testId: string;
  label?: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notify = useRevenueNotify();
  const [busy, setBusy] = useState(false);
  async function download() {
    setBusy(true);
    try {
      const { blob, disposition } = await fetchCsv();
      const name = fileNameFrom(disposition) ?? fallbackName;
      saveBlob(blob, name);
      void message.success(t('revenue.downloaded', { file: name }));
    } catch (e) {
      notify(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void download()} data-testid={testId}>
      {label ?? t('revenue.downloadCsv')}
    </Button>
  );
}
