import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { entryState } from './model';
import type { AccountKind, Entry, EntrySource } from './types';

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
