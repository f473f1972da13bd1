import { ArrowLeftOutlined, EditOutlined, EyeOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useSession } from '../../auth/session';
import { RecordError } from '../registry/RecordError';
import { PartyTag } from '../registry/Tags';
import { usePerson } from './api';
import { PersonUnmaskModal } from './PersonUnmaskModal';
import { PostsCard } from './PostsCard';

export default function PersonDetailPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const { access } = useSession();
  const navigate = useNavigate();
  const query = usePerson(id);
  const [unmasking, setUnmasking] = useState(false);

  if (query.isPending) return <Card><Skeleton active /></Card>;
  if (query.isError) return <RecordError error={query.error} back="/people" />;
  const p = query.data.data;
  const notRecorded = <Typography.Text type="secondary">{t('people.notRecorded')}</Typography.Text>;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <span data-testid="person-name">{p.name}</span>
            <PartyTag member={p.is_party_member} />
          </Space>
        }
        extra={
          <Space wrap>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
              {t('common.back')}
            </Button>
            {access.registry.unmask && (p.phone || p.id_number) && (
              <Button icon={<EyeOutlined />} onClick={() => setUnmasking(true)} data-testid="unmask-person">
                {t('people.unmask')}
              </Button>
            )}
            {access.registry.manage && (
              <Button type="primary" icon={<EditOutlined />} onClick={() => navigate(`/people/${p.id}/edit`)} data-testid="edit-person">
                {t('common.edit')}
              </Button>
            )}
          </Space>
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
            { key: 'created', label: t('common.createdAt'), children: new Date(p.created_at).toLocaleString(i18n.language) },
          ]}
        />
      </Card>
      <PostsCard owner={{ person_id: p.id, person_name: p.name }} />
      <PersonUnmaskModal person={p} open={unmasking} onClose={() => setUnmasking(false)} />
    </Space>
  );
}
