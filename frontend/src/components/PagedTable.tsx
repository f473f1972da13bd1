import type { UseQueryResult } from '@tanstack/react-query';
import type { TableProps } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { Pager, type PagerLabels, type CursorPaging } from '../lib/paging';
import type { CursorPage } from '../lib/usePagedList';
import { DataTable } from './DataTable';
import { LoadFailed } from './LoadFailed';

export interface PagedTableProps<T> {
  testId: string;
  columns: ColumnsType<T>;
  /** The page shown and the paging that opened it (as `usePagedList` returns them). */
  list: { page: UseQueryResult<CursorPage<T>>; paging: CursorPaging };
  /** Shown when the page has no rows (and loaded). */
  empty: ReactNode;
  scrollX: number;
  pagerLabels?: PagerLabels;
  /** Rows that open to show more. */
  expandable?: TableProps<T>['expandable'];
}

/** One page of a list as a table, the retry under it when it failed, and the pager. */
export function PagedTable<T extends { id: string | number }>({ testId, columns, list, empty, scrollX, pagerLabels, expandable }: PagedTableProps<T>) {
  const { page, paging } = list;
  return (
    <>
      <DataTable<T> testId={testId} columns={columns} rows={page.data?.items} query={page} empty={empty} scrollX={scrollX} expandable={expandable} />
      <LoadFailed query={page} />
      <Pager
        paging={paging}
        nextCursor={page.data?.next_cursor}
        busy={page.isFetching || page.isPlaceholderData}
        labels={pagerLabels}
      />
    </>
  );
}
