import { Form } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { RemoteSelect, type RemoteSelectProps } from './RemoteSelect';

const source = {
  keyPrefix: ['compounds', 'options'] as const,
  search: async (text: string) => {
    const page = await unwrap(
      api.GET('/api/v1/compounds', { params: { query: { limit: 20, ...(text ? { name: text } : {}) } } }),
    );
    return page.items.map((c) => ({ value: c.id, label: c.name }));
  },
  labelOf: async (id: string) =>
    (await unwrap(api.GET('/api/v1/compounds/{id}', { params: { path: { id } } }))).name,
};

/** Picks one compound (or several with `mode="multiple"`) by typing part of its name. */
export function CompoundSelect(props: RemoteSelectProps) {
  return <RemoteSelect {...props} source={source} />;
}

interface CompoundFilterProps {
  label: ReactNode;
  value: string | undefined;
  onChange: (id: string | undefined) => void;
}

/** A list's filter by one compound. */
export function CompoundFilter({ label, value, onChange }: CompoundFilterProps) {
  const { t } = useTranslation();
  return (
    <Form.Item label={label}>
      <CompoundSelect
        data-testid="filter-compound"
        style={{ width: 200 }}
        value={value}
        onChange={(v) => onChange((v as string | undefined) ?? undefined)}
        placeholder={t('common.compoundPlaceholder')}
      />
    </Form.Item>
  );
}
