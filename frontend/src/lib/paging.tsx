import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/problem';

/**
 * Keyset pagination: a stack of the cursors that opened each page seen so far. A new
 * `filterKey` (other filters) starts again from the first page.
 */
export function useCursorPaging(filterKey: string) {
  const [paging, setPaging] = useState<{ key: string; cursors: (string | undefined)[] }>({
    key: filterKey,
    cursors: [undefined],
  });
  const cursors = paging.key === filterKey ? paging.cursors : [undefined];
  return {
    cursor: cursors[cursors.length - 1],
    pageNumber: cursors.length,
    next: (cursor: string) => setPaging({ key: filterKey, cursors: [...cursors, cursor] }),
    prev: () => setPaging({ key: filterKey, cursors: cursors.slice(0, -1) }),
    restart: () => setPaging({ key: filterKey, cursors: [undefined] }),
  };
}

export type CursorPaging = ReturnType<typeof useCursorPaging>;

/** A cursor the server no longer accepts: start again from the first page. */
export function useRestartOnInvalidCursor(error: unknown, paging: CursorPaging) {
  const rejected = error instanceof ApiError && error.code === 'invalid_cursor';
  const { pageNumber, restart } = paging;
  useEffect(() => {
    if (rejected && pageNumber > 1) restart();
  }, [rejected, pageNumber, restart]);
}

/** Texts for the pager's buttons, where a page words them its own way. */
export interface PagerLabels {
  prev: string;
  next: string;
}

interface PagerProps {
  paging: CursorPaging;
  nextCursor: string | null | undefined;
  /** A page is loading, or the rows shown are the previous page's. */
  busy: boolean;
  labels?: PagerLabels;
}

export function Pager({ paging, nextCursor, busy, labels }: PagerProps) {
  const { t } = useTranslation();
  return (
    <Flex justify="flex-end" align="center" gap={12} style={{ marginTop: 16 }}>
      <Typography.Text type="secondary" data-testid="page-number">
        {t('paging.page', { page: paging.pageNumber })}
      </Typography.Text>
      <Button icon={<LeftOutlined />} disabled={paging.pageNumber <= 1 || busy} onClick={paging.prev}>
        {labels?.prev ?? t('paging.prev')}
      </Button>
      <Button disabled={!nextCursor || busy} onClick={() => nextCursor && paging.next(nextCursor)}>
        {labels?.next ?? t('paging.next')} <RightOutlined />
      </Button>
    </Flex>
  );
}
