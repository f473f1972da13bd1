import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useSession } from '../../auth/session';
import { RecordError } from '../registry/RecordError';
import { useCentre } from './api';
import { HoursTable } from './HoursTable';

export default function CentreDetailPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const { access } = useSession();
  const navigate = useNavigate();
  const query = useCentre(id);

  if (query.isPending) return <Card><Skeleton active /></Card>;
  if (query.isError) return <RecordError error={query.error} back="/centres" />;
  const c = query.data.data;

  return (
    <Card
      title={<span data-testid="centre-name">{c.name}</span>}
      extra={
        <Space wrap>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
            {t('common.back')}
          </Button>
          {access.registry.manage && (
            <Button type="primary" icon={<EditOutlined />} onClick={() => navigate(`/centres/${c.id}/edit`)} data-testid="edit-centre">
              {t('common.edit')}
            </Button>
          )}
        </Space>
      }
    >
      <Row gutter={[24, 24]}>
        <Col xs={24} lg={14}>
          <Descriptions
            bordered
            column={1}
            size="middle"
            items={[
              { key: 'community', label: t('fields.community_id'), children: c.community_name },
              { key: 'address', label: t('fields.address'), children: c.address },
              {
                key: 'location',
                label: t('fields.location'),
                children: t('compounds.latLon', { lat: c.location.lat, lon: c.location.lon }),
              },
              {
                key: 'radius',
                label: t('fields.geofence_radius_m'),
                children: (
                  <span data-testid="centre-radius">
                    {t('centres.metres', { m: c.geofence_radius_m })}
                  </span>
                ),
              },
              {
                key: 'services',
                label: t('fields.services'),
                children: c.services.length ? (
                  <Space size={[4, 4]} wrap>
                    {c.services.map((s) => (
                      <Tag key={s}>{s}</Tag>
                    ))}
                  </Space>
                ) : (
                  <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
                ),
              },
              { key: 'created', label: t('common.createdAt'), children: new Date(c.created_at).toLocaleString(i18n.language) },
            ]}
          />
        </Col>
        <Col xs={24} lg={10}>
          <Typography.Title level={5}>{t('fields.opening_hours')}</Typography.Title>
          <HoursTable hours={c.opening_hours} />
        </Col>
      </Row>
    </Card>
  );
}
