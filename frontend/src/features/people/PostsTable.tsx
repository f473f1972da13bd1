import { StopOutlined } from '@ant-design/icons';
import { Button, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OrgKind, Post } from '../../api/types';
import { todayIso } from '../../lib/dates';
import { postActiveOn } from '../registry/format';
import { OrgKindTag } from '../registry/Tags';
import { DataTable } from '../../components/DataTable';

interface Props {
  posts: Post[];
  loading?: boolean;
  /** Which side to name: the holder (on an organisation's page) or the organisation (on a person's). */
  show: 'person' | 'organisation';
  /** Offer ending the posts still held. */
  onEnd?: (post: Post) => void;
}

/** Posts (任职), current ones first, with their terms; ended posts greyed. */
export function PostsTable({ posts, loading, show, onEnd }: Props) {
  const { t } = useTranslation();
  const today = todayIso();
  const sorted = [...posts].sort((a, b) => {
    const active = Number(postActiveOn(b, today)) - Number(postActiveOn(a, today));
    return active || b.start_date.localeCompare(a.start_date);
  });
  const columns: ColumnsType<Post> = [
    show === 'person'
      ? {
          title: t('posts.colPerson'),
          dataIndex: 'person_name',
          render: (name: string, p) => <Link to={`/people/${p.person_id}`}>{name}</Link>,
        }
      : {
          title: t('posts.colOrganisation'),
          dataIndex: 'organisation_name',
          render: (name: string, p) => <Link to={`/organisations/${p.organisation_id}`}>{name}</Link>,
        },
    ...(show === 'organisation'
      ? [
          {
            title: t('posts.colKind'),
            dataIndex: 'organisation_kind',
            render: (kind: OrgKind) => <OrgKindTag kind={kind} />,
          },
        ]
      : []),
    {
      title: t('posts.colTitle'),
      dataIndex: 'title',
      render: (title: string, p) => (
        <>
          {title} {p.single_holder && <Tag>{t('posts.singleHolder')}</Tag>}
        </>
      ),
    },
    { title: t('posts.colStart'), dataIndex: 'start_date' },
    { title: t('posts.colEnd'), dataIndex: 'end_date', render: (d: string | null) => d ?? '—' },
    {
      title: t('posts.colState'),
      key: 'state',
      render: (_, p) =>
        postActiveOn(p, today) ? (
          <Tag color="green" data-testid="post-state">{t('posts.active')}</Tag>
        ) : p.start_date > today ? (
          <Tag color="blue" data-testid="post-state">{t('posts.upcoming')}</Tag>
        ) : (
          <Tag data-testid="post-state">{t('posts.ended')}</Tag>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 120,
      hidden: !onEnd,
      render: (_, p) =>
        !p.end_date || p.end_date > today ? (
          <Button size="small" icon={<StopOutlined />} onClick={() => onEnd?.(p)} data-testid="end-post">
            {t('posts.end')}
          </Button>
        ) : null,
    },
  ];
  return (
    <DataTable<Post>
      testId="post-table"
      columns={columns}
      rows={sorted}
      loading={loading}
      pageSize={20}
      rowClassName={(p) => (postActiveOn(p, today) ? '' : 'post-ended')}
      empty={t('posts.empty')}
      scrollX={700}
    />
  );
}
