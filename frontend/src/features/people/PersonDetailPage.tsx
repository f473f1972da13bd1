import { EyeOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../auth/session';
import { useLocalTime } from '../../lib/useLocalTime';
import { RecordActions, RecordPage } from '../registry/RecordPage';
import { PartyTag } from '../registry/Tags';
import { usePerson } from './api';
import { PersonUnmaskModal } from './PersonUnmaskModal';
import { PostsCard } from './PostsCard';

export default function PersonDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { access } = useSession();
  const when = useLocalTime();
  const [unmasking, setUnmasking] = useState(false);
  const notRecorded = <Typography.Text type="secondary">{t('people.notRecorded')}</Typography.Text>;

  return (
    <RecordPage query={usePerson(id)} back="/people">
      {(p) => (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Card
            title={
              <Space>
                <span data-testid="person-name">{p.name}</span>
                <PartyTag member={p.is_party_member} />
              </Space>
            }
            extra={
              <RecordActions edit={access.registry.manage && { to: `/people/${p.id}/edit`, testId: 'edit-person' }}>
                {access.registry.unmask && (p.phone || p.id_number) && (
                  <Button icon={<EyeOutlined />} onClick={() => setUnmasking(true)} data-testid="unmask-person">
                    {t('people.unmask')}
                  </Button>
                )}
              </RecordActions>
            }
          >
            <Descriptions
              bordered
              column={{ xs: 1, md: 2 }}
              size="middle"
              items={[
                {
                  key: 'phone',
                  label: t('fields.phone'),
                  children: p.phone ? (
                    <Typography.Text code data-testid="masked-phone">
                      {p.phone}
                    </Typography.Text>
                  ) : (
                    notRecorded
                  ),
                },
                {
                  key: 'id',
                  label: t('fields.id_number'),
                  children: p.id_number ? (
                    <Typography.Text code data-testid="masked-id-number">
                      {p.id_number}
                    </Typography.Text>
                  ) : (
                    notRecorded
                  ),
                },
                {
                  key: 'party',
                  label: t('fields.is_party_member'),
                  children: p.is_party_member ? t('common.yes') : t('common.no'),
                },
                { key: 'employer', label: t('fields.employer'), children: p.employer || t('common.notSet') },
                {
                  key: 'home',
                  label: t('fields.home_compound_id'),
                  children: p.home_compound_id ? (
                    <Link to={`/compounds/${p.home_compound_id}`}>{p.home_compound_name}</Link>
                  ) : (
                    t('common.notSet')
                  ),
                },
                { key: 'created', label: t('common.createdAt'), children: when(p.created_at) },
              ]}
            />
          </Card>
          <PostsCard owner={{ person_id: p.id, person_name: p.name }} />
          <PersonUnmaskModal person={p} open={unmasking} onClose={() => setUnmasking(false)} />
        </Space>
      )}
    </RecordPage>
  );
}
