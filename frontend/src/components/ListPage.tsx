import { Card, type CardProps } from 'antd';
import type { ReactNode } from 'react';
import { FilterBar } from './FilterBar';
import { PagedTable, type PagedTableProps } from './PagedTable';

type ListPageProps<T> = Omit<CardProps, 'children'> & {
  /** The filter bar's items (`Form.Item`s). */
  filters?: ReactNode;
  onReset?: () => void;
  table: PagedTableProps<T>;
  /** Below the table: the page's dialogs. */
  children?: ReactNode;
};

/** A list page: a card with its title and buttons, the filter bar, and the paged table. */
export function ListPage<T extends { id: string }>({ filters, onReset, table, children, ...card }: ListPageProps<T>) {
  return (
    <Card {...card}>
      {filters !== undefined && <FilterBar onReset={onReset}>{filters}</FilterBar>}
      <PagedTable<T> {...table} />
      {children}
    </Card>
  );
}
