import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Result, Skeleton, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { errorNotice } from '../../api/problem';
import { useSession } from '../../auth/session';
import { translate } from '../../i18n';
import { useCompound } from './api';
import { GovernanceModeTag } from './GovernanceModeTag';
import { GovernanceSection } from './GovernanceSection';

export default function CompoundDetailPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const { access } = useSession();
  const navigate = useNavigate();
  const query = useCompound(id);

  if (query.isPending) return <Card><Skeleton active /></Card>;
  if (query.isError) {
    return (
      <Result
        status="warning"
        title={errorNotice(query.error, translate).message}
        extra={<Link to="/compounds"><Button>{t('common.back')}</Button></Link>}
      />
    );
  }
  const c = query.data.data;
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language);
  const notSet = t('common.notSet');

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={<span data-testid="compound-name">{c.name}</span>}
        extra={
          <Space>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
              {t('common.back')}
            </Button>
            {access.compounds.update && (
              <Button type="primary" icon={<EditOutlined />} onClick={() => navigate(`/compounds/${c.id}/edit`)}>
                {t('common.edit')}
              </Button>
            )}
          </Space>
        }
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
  );
}
