import { Card, Descriptions, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useSession } from '../../auth/session';
import { useLocalTime } from '../../lib/useLocalTime';
import { RecordActions, RecordPage } from '../registry/RecordPage';
import { useCompound } from './api';
import { GovernanceModeTag } from './GovernanceModeTag';
import { GovernanceSection } from './GovernanceSection';

export default function CompoundDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { access } = useSession();
  const when = useLocalTime();
  const notSet = t('common.notSet');

  return (
    <RecordPage query={useCompound(id)} back="/compounds">
      {(c) => (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Card
            title={<span data-testid="compound-name">{c.name}</span>}
            extra={<RecordActions edit={access.compounds.update && { to: `/compounds/${c.id}/edit` }} />}
          >
            <Descriptions bordered column={{ xs: 1, md: 2 }} size="middle">
              <Descriptions.Item label={t('compounds.subdistrict')}>{c.subdistrict_name}</Descriptions.Item>
              <Descriptions.Item label={t('compounds.community')}>{c.community_name}</Descriptions.Item>
              <Descriptions.Item label={t('compounds.mode')}>
                <GovernanceModeTag mode={c.governance_mode} />
              </Descriptions.Item>
              <Descriptions.Item label={t('compounds.openness')}>
                {c.is_open ? t('compounds.open') : t('compounds.closed')}
              </Descriptions.Item>
              <Descriptions.Item label={t('compounds.address')} span={2}>
                {c.address || notSet}
              </Descriptions.Item>
              <Descriptions.Item label={t('compounds.location')}>
                {c.location ? t('compounds.latLon', { lat: c.location.lat, lon: c.location.lon }) : notSet}
              </Descriptions.Item>
              <Descriptions.Item label={t('compounds.yearBuilt')}>{c.year_built ?? notSet}</Descriptions.Item>
              <Descriptions.Item label={t('compounds.buildings')}>{c.building_count}</Descriptions.Item>
              <Descriptions.Item label={t('compounds.households')}>{c.household_count}</Descriptions.Item>
              <Descriptions.Item label={t('compounds.createdAt')}>{when(c.created_at)}</Descriptions.Item>
              <Descriptions.Item label={t('compounds.updatedAt')}>{when(c.updated_at)}</Descriptions.Item>
              <Descriptions.Item label={t('compounds.version')}>{c.version}</Descriptions.Item>
            </Descriptions>
          </Card>
          {access.registry.read && <GovernanceSection compoundId={c.id} />}
        </Space>
      )}
    </RecordPage>
  );
}
