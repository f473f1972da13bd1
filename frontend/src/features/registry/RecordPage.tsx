import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import type { UseQueryResult } from '@tanstack/react-query';
import { Button, Card, Skeleton, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Tagged } from '../../api/client';
import { RecordError } from './RecordError';

interface RecordPageProps<Rec> {
  query: UseQueryResult<Tagged<Rec>>;
  /** Where 返回 leads when the record cannot be read. */
  back: string;
  /** The page, once the record is read. */
  children: (record: Rec, tagged: Tagged<Rec>) => ReactNode;
}

/** The page of one record: a skeleton while it loads, why it cannot be read, or the page. */
export function RecordPage<Rec>({ query, back, children }: RecordPageProps<Rec>) {
  if (query.isPending) return <Card><Skeleton active /></Card>;
  if (query.isError) return <RecordError error={query.error} back={back} />;
  return <>{children(query.data.data, query.data)}</>;
}

interface RecordActionsProps {
  /** The record's edit page, when the user may edit it. */
  edit?: { to: string; testId?: string } | false;
  /** Buttons between 返回 and 编辑. */
  children?: ReactNode;
}

/** The buttons in a record card's corner: 返回, the page's own, and 编辑. */
export function RecordActions({ edit, children }: RecordActionsProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Space wrap>
      <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
        {t('common.back')}
      </Button>
      {children}
      {edit && (
        <Button type="primary" icon={<EditOutlined />} onClick={() => navigate(edit.to)} data-testid={edit.testId}>
          {t('common.edit')}
        </Button>
      )}
    </Space>
  );
}
