import { Card, Col, Descriptions, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useSession } from '../../auth/session';
import { useLocalTime } from '../../lib/useLocalTime';
import { RecordActions, RecordPage } from '../registry/RecordPage';
import { TagList } from '../registry/Tags';
import { useCentre } from './api';
import { HoursTable } from './HoursTable';

export default function CentreDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { access } = useSession();
  const when = useLocalTime();

  return (
    <RecordPage query={useCentre(id)} back="/centres">
      {(c) => (
        <Card
          title={<span data-testid="centre-name">{c.name}</span>}
          extra={<RecordActions edit={access.registry.manage && { to: `/centres/${c.id}/edit`, testId: 'edit-centre' }} />}
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
                    children: <span data-testid="centre-radius">{t('centres.metres', { m: c.geofence_radius_m })}</span>,
                  },
                  { key: 'services', label: t('fields.services'), children: <TagList items={c.services} /> },
                  { key: 'created', label: t('common.createdAt'), children: when(c.created_at) },
                ]}
              />
            </Col>
            <Col xs={24} lg={10}>
              <Typography.Title level={5}>{t('fields.opening_hours')}</Typography.Title>
              <HoursTable hours={c.opening_hours} />
            </Col>
          </Row>
        </Card>
      )}
    </RecordPage>
  );
}
