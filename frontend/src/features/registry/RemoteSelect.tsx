import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface RemoteOption {
  value: string;
  label: string;
}

export interface RemoteSelectProps {
  value?: string | string[] | null;
  onChange?: (value: string | string[] | undefined) => void;
  mode?: 'multiple';
  placeholder?: string;
  disabled?: boolean;
  allowClear?: boolean;
  style?: React.CSSProperties;
  id?: string;
  'data-testid'?: string;
  /** Labels already known for some values (e.g. the names a record came with). */
  known?: Record<string, string>;
}

interface Source {
  /** Query key prefix for this kind of record, e.g. `['compounds', 'options']`. */
  keyPrefix: readonly unknown[];
  /** Options matching the typed text (at most a page). */
  search: (text: string) => Promise<RemoteOption[]>;
  /** The label of one value not among the options (a record read by id). */
  labelOf: (id: string) => Promise<string>;
}

function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * A Select whose options come from the API as the user types. Nothing is fetched until
 * it is opened; chosen values that are not among the options are named by reading them.
 */
export function RemoteSelect({ source, ...props }: RemoteSelectProps & { source: Source }) {
  const { t } = useTranslation();
  const { value, onChange, mode, known, placeholder, disabled, style, id } = props;
  const [opened, setOpened] = useState(false);
  const [text, setText] = useState('');
  const search = useDebounced(text.trim(), 250);
  const results = useQuery({
    queryKey: [...source.keyPrefix, 'search', search],
    queryFn: () => source.search(search),
    enabled: opened,
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });

  const values = useMemo(() => (value == null ? [] : Array.isArray(value) ? value : [value]), [value]);
  const found = useMemo(() => new Map((results.data ?? []).map((o) => [o.value, o.label])), [results.data]);
  const unnamed = values.filter((v) => !known?.[v] && !found.has(v));
  const named = useQueries({
    queries: unnamed.map((v) => ({
      queryKey: [...source.keyPrefix, 'label', v],
      queryFn: () => source.labelOf(v),
      staleTime: 5 * 60_000,
    })),
  });

  const options = useMemo(() => {
    const out: RemoteOption[] = [];
    const seen = new Set<string>();
    const push = (o: RemoteOption) => {
      if (!seen.has(o.value)) {
        seen.add(o.value);
        out.push(o);
      }
    };
    values.forEach((v) => {
      const i = unnamed.indexOf(v);
      const label = known?.[v] ?? found.get(v) ?? (i >= 0 ? named[i]?.data : undefined);
      push({ value: v, label: label ?? t('common.loading') });
    });
    (results.data ?? []).forEach(push);
    return out;
  }, [values, unnamed, known, found, named, results.data, t]);

  return (
    <Select<string | string[]>
      id={id}
      data-testid={props['data-testid']}
      mode={mode}
      value={mode ? values : (values[0] ?? undefined)}
      onChange={(v) => onChange?.(v ?? undefined)}
      options={options}
      placeholder={placeholder}
      disabled={disabled}
      allowClear={props.allowClear ?? true}
      style={{ width: '100%', ...style }}
      loading={results.isFetching}
      notFoundContent={results.isFetching ? t('common.loading') : t('common.noMatch')}
      onOpenChange={(open) => open && setOpened(true)}
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      onBlur={() => setText('')}
      maxTagCount={mode ? 'responsive' : undefined}
    />
  );
}
