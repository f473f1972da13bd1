import type { UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import { useCursorPaging, useRestartOnInvalidCursor } from './paging';
import { useUrlFilters } from './urlFilters';

/** One page of a list the API pages by cursor. */
export interface CursorPage<T> {
  items: T[];
  next_cursor?: string | null;
}

/**
 * The state of a list page: its filters in the address, the cursor of the page shown
 * (a rejected cursor starts again from the first page), that page as read by `usePage`,
 * and the text typed into its search box, which applies only when searched. `reset`
 * clears the filters and the search box.
 */
export function usePagedList<F extends object, P extends CursorPage<unknown>>(
  readFilters: (params: URLSearchParams) => F,
  usePage: (filters: F, cursor: string | undefined) => UseQueryResult<P>,
  searchField?: keyof F,
) {
  const { filters, setFilter, reset, filterKey } = useUrlFilters(readFilters);
  const paging = useCursorPaging(filterKey);
  const page = usePage(filters, paging.cursor);
  useRestartOnInvalidCursor(page.error, paging);
  const searched = searchField === undefined ? undefined : filters[searchField];
  const [searchText, setSearchText] = useState(typeof searched === 'string' ? searched : '');
  return {
    filters,
    setFilter,
    reset: () => {
      setSearchText('');
      reset();
    },
    paging,
    page,
    searchText,
    setSearchText,
  };
}
