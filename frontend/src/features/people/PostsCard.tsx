import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Post } from '../../api/types';
import { useSession } from '../../auth/session';
import { LoadFailed } from '../../components/LoadFailed';
import { postKeys, usePosts } from './api';
import { AppointModal, EndPostModal } from './PostModals';
import { PostsTable } from './PostsTable';

type Owner = { person_id: string; person_name: string } | { organisation_id: string; organisation_name: string };

/** The posts of a person or of an organisation, with appointing and ending for registry managers. */
export function PostsCard({ owner }: { owner: Owner }) {
  const { t } = useTranslation();
  const { access } = useSession();
  const { message, notification } = App.useApp();
  const queryClient = useQueryClient();
  const filter = 'person_id' in owner ? { person_id: owner.person_id } : { organisation_id: owner.organisation_id };
  const posts = usePosts(filter);
  const [appointing, setAppointing] = useState(false);
  const [ending, setEnding] = useState<Post | null>(null);
  const manage = access.registry.manage;

  // Both sides of a post show it: refresh every post list.
  const refresh = () => queryClient.invalidateQueries({ queryKey: postKeys.all });

  return (
    <Card
      title={t('posts.title')}
      extra={
        manage && (
          <Button icon={<PlusOutlined />} onClick={() => setAppointing(true)} data-testid="appoint">
            {t('posts.appoint')}
          </Button>
        )
      }
    >
      <PostsTable
        posts={posts.data ?? []}
        loading={posts.isFetching}
        show={'person_id' in owner ? 'organisation' : 'person'}
        onEnd={manage ? setEnding : undefined}
      />
      <LoadFailed query={posts} />
      <AppointModal
        open={appointing}
        fixed={owner}
        onClose={() => setAppointing(false)}
        onDone={() => {
          setAppointing(false);
          void refresh();
          void message.success(t('posts.appointed'));
        }}
      />
      <EndPostModal
        post={ending}
        onClose={() => setEnding(null)}
        onDone={() => {
          setEnding(null);
          void refresh();
          void message.success(t('posts.endedDone'));
        }}
        onStale={() => {
          setEnding(null);
          notification.warning({ title: t('posts.stale'), placement: 'topRight' });
          void refresh();
        }}
      />
    </Card>
  );
}
