import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { explanationIn, type RowError } from './model';

/** Every problem of a refused file, by row and column (row 0: the file as a whole). */
export function RowErrorsTable({ rows }: { rows: RowError[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Table<RowError & { key: number }>
      data-testid="row-errors"
      size="small"
      pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      dataSource={rows.map((r, key) => ({ ...r, key }))}
      columns={[
        {
          title: t('allowances.import.colRow'),
          dataIndex: 'row',
          width: 90,
          render: (row: number) => (row === 0 ? t('allowances.import.wholeFile') : row),
        },
        { title: t('allowances.import.colColumn'), dataIndex: 'column', width: 120, render: (c: string) => c || '—' },
        { title: t('allowances.import.colMessage'), dataIndex: 'message', render: (m: string) => explanationIn(m, i18n.language) },
      ]}
    />
  );
}
