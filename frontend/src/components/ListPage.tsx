import { Card, type CardProps } from 'antd';
import type { ReactNode } from 'react';
import { CreateButton } from './CreateButton';
import { FilterBar } from './FilterBar';
import { PagedTable, type PagedTableProps } from './PagedTable';

/** The 新增… button of a list page: where it leads, its test id and its text. */
export interface CreateLink {
  to: string;
  testId: string;
  label: ReactNode;
}

type ListPageProps<T> = Omit<CardProps, 'children'> & {
  /** The 新增… button in the card's corner, when the user may create (`false`: not shown). */
  create?: CreateLink | false;
  /** The filter bar's items (`Form.Item`s). */
  filters?: ReactNode;
  onReset?: () => void;
  table: PagedTableProps<T>;
  /** Below the table: the page's dialogs. */
  children?: ReactNode;
};

/** A list page: a card with its title and buttons, the filter bar, and the paged table. */
export function ListPage<T extends { id: string }>({ create, filters, onReset, table, children, ...card }: ListPageProps<T>) {
  return (
    <Card extra={create && <CreateButton to={create.to} testId={create.testId}>{create.label}</CreateButton>} {...card}>
      {filters !== undefined && <FilterBar onReset={onReset}>{filters}</FilterBar>}
      <PagedTable<T> {...table} />
      {children}
    </Card>
  );
}
