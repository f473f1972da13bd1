import { Button, Form, Input } from 'antd';
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
