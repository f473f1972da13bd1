import { Button, Form, Input, Select } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The filters above a list, in a row, ending with 重置 when `onReset` is given. */
export function FilterBar({ onReset, children }: { onReset?: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Form layout="inline" style={{ marginBottom: 16, rowGap: 12 }}>
      {children}
      {onReset && (
        <Form.Item>
          <Button onClick={onReset}>{t('common.reset')}</Button>
        </Form.Item>
      )}
    </Form>
  );
}

interface SearchFilterProps {
  label: ReactNode;
  /** What is typed; applied only by `onSearch` (the button, or Enter). */
  text: string;
  onText: (text: string) => void;
  onSearch: (text: string) => void;
  width: number;
  maxLength?: number;
  placeholder?: string;
  testId?: string;
}

/** A labelled search box in a filter bar. */
export function SearchFilter({ label, text, onText, onSearch, width, maxLength, placeholder, testId = 'filter-name' }: SearchFilterProps) {
  const { t } = useTranslation();
  return (
    <Form.Item label={label}>
      <Input.Search
        data-testid={testId}
        allowClear
        style={{ width }}
        maxLength={maxLength}
        placeholder={placeholder}
        value={text}
        onChange={(e) => onText(e.target.value)}
        onSearch={onSearch}
        enterButton={t('common.search')}
      />
    </Form.Item>
  );
}

interface ChoiceFilterProps<V extends string> {
  label: ReactNode;
  testId: string;
  width: number;
  /** The choice made; none means 全部. */
  value: V | undefined;
  onChange: (value: V | undefined) => void;
  choices: { value: V; label: ReactNode }[];
}

/** A labelled choice in a filter bar, led by 全部 (no filter). */
export function ChoiceFilter<V extends string>({ label, testId, width, value, onChange, choices }: ChoiceFilterProps<V>) {
  const { t } = useTranslation();
  return (
    <Form.Item label={label}>
      <Select<V | ''>
        data-testid={testId}
        style={{ width }}
        value={value ?? ''}
        onChange={(v) => onChange(v || undefined)}
        options={[{ value: '', label: t('common.all') }, ...choices]}
      />
    </Form.Item>
  );
}

interface NameFilterProps extends Pick<SearchFilterProps, 'label' | 'width' | 'maxLength' | 'placeholder'> {
  /** The list page's state (`usePagedList`), whose `name` filter the box sets. */
  list: { searchText: string; setSearchText: (text: string) => void; setFilter: (patch: { name?: string }) => void };
}

/** The search by name of a list page: what is typed applies when searched, blank clears it. */
export function NameFilter({ list, ...box }: NameFilterProps) {
  return (
    <SearchFilter
      {...box}
      text={list.searchText}
      onText={list.setSearchText}
      onSearch={(v) => list.setFilter({ name: v.trim() || undefined })}
    />
  );
}
