import { Table, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type DataTableProps<T> = Omit<TableProps<T>, 'dataSource' | 'pagination' | 'locale'> & {
  testId: string;
  /** The rows, all already read. */
  rows: readonly T[] | undefined;
  /** Shown when there are no rows. */
  empty?: ReactNode;
  /** The rows could not be read: says so in place of `empty`. */
  failed?: boolean;
  /** Paged in the browser past this many rows; one page otherwise. */
  pageSize?: number;
  /** The read the rows come from: spins while it runs, and says when it failed. */
  query?: { isFetching: boolean; isError: boolean };
  scrollX?: number;
};

/** A table of rows the page already holds (rows keyed by `id`, middle size, unless told). */
export function DataTable<T extends object>({ testId, rows, empty, failed, pageSize, query, scrollX, rowKey = 'id', size = 'middle', ...table }: DataTableProps<T>) {
  const { t } = useTranslation();
  const data = (rows ?? []) as T[];
  const emptyText = failed || query?.isError ? t('common.loadFailed') : empty;
  return (
    <Table<T>
      data-testid={testId}
      rowKey={rowKey}
      size={size}
      dataSource={data}
      pagination={pageSize !== undefined && data.length > pageSize ? { pageSize, showSizeChanger: false } : false}
      locale={emptyText === undefined ? undefined : { emptyText }}
      loading={query?.isFetching}
      scroll={scrollX === undefined ? undefined : { x: scrollX }}
      {...table}
    />
  );
}
