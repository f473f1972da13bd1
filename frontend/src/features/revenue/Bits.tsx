// Small pieces the public revenue pages share: amounts, category and kind labels, tags,
// CSV downloads.
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Tag } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorNotice } from '../../api/problem';
import { translate } from '../../i18n';
import { fileNameFrom, saveBlob } from '../../lib/download';
import type { CsvFile } from './api';
import { entryState, withRevenueTitle } from './model';
import { formatYuan } from './money';
import type { AccountKind, Entry, EntrySource } from './types';

/** Raises a notification for a failed request, titled in this feature's words where it has them. */
export function useRevenueNotify(): (error: unknown) => void {
  const { notification } = App.useApp();
  return useCallback(
    (error: unknown) => {
      const n = withRevenueTitle(errorNotice(error, translate), error, translate);
      notification.error({ title: n.message, description: n.description, placement: 'topRight' });
    },
    [notification],
  );
}

/** An amount in yuan, digits aligned (for tables and totals). */
export function Yuan({ fen, strong, testId }: { fen: number; strong?: boolean; testId?: string }) {
  return (
    <span
      data-testid={testId}
      style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', fontWeight: strong ? 600 : undefined, color: fen < 0 ? '#cf1322' : undefined }}
    >
      {formatYuan(fen)}
    </span>
  );
}

/** A category code (`tidal_parking`) as its label (潮汐停车收益); unknown codes as sent. */
export function useCategoryLabel(): (category: string) => string {
  const { t } = useTranslation();
  return useCallback((category: string) => t(`revenue.categories.${category}`, { defaultValue: category }), [t]);
}

const KIND_COLOURS: Record<AccountKind, string> = {
  asset: 'blue',
  liability: 'purple',
  income: 'green',
  expense: 'orange',
};

export function KindTag({ kind }: { kind: AccountKind }) {
  const { t } = useTranslation();
  return <Tag color={KIND_COLOURS[kind]}>{t(`revenue.kinds.${kind}`)}</Tag>;
}

const SOURCE_COLOURS: Record<EntrySource, string> = { manual: 'default', import: 'cyan', reversal: 'magenta' };

export function SourceTag({ source }: { source: EntrySource }) {
  const { t } = useTranslation();
  return <Tag color={SOURCE_COLOURS[source]}>{t(`revenue.sources.${source}`)}</Tag>;
}

/** 已冲销 / 冲销分录 for entries that are part of a reversal; nothing otherwise. */
export function ReversalTag({ entry }: { entry: Pick<Entry, 'reversed_by' | 'reverses_id'> }) {
  const { t } = useTranslation();
  const state = entryState(entry);
  if (state === 'reversed') {
    return (
      <Tag color="red" data-testid="entry-reversed">
        {t('revenue.journal.reversedTag')}
      </Tag>
    );
  }
  if (state === 'reversal') {
    return (
      <Tag color="magenta" data-testid="entry-reversal">
        {t('revenue.journal.reversalTag')}
      </Tag>
    );
  }
  return null;
}

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

/** `2026-07` as 2026年7月 / Jul 2026. */
export function useMonthLabel(): (month: string) => string {
  const { t } = useTranslation();
  return useCallback(
    (month: string) => {
      const [y, m] = month.split('-');
      if (!y || !m) return month;
      return t('revenue.monthLabel', { year: y, month: Number(m) });
    },
    [t],
  );
}
