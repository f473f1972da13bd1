import { Card, Descriptions, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../auth/session';
import { useLocalTime } from '../../lib/useLocalTime';
import { PostsCard } from '../people/PostsCard';
import { RecordActions, RecordPage } from '../registry/RecordPage';
import { CompoundLinks } from '../registry/CompoundLinks';
import { OrgKindTag } from '../registry/Tags';
import { useOrganisation } from './api';

export default function OrganisationDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { access } = useSession();
  const when = useLocalTime();
  const query = useOrganisation(id);
  const parent = useOrganisation(query.data?.data.parent_id ?? undefined);
  const notSet = t('common.notSet');

  return (
    <RecordPage query={query} back="/organisations">
      {(o) => (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Card
            title={<span data-testid="organisation-name">{o.name}</span>}
            extra={<RecordActions edit={access.registry.manage && { to: `/organisations/${o.id}/edit`, testId: 'edit-organisation' }} />}
          >
            <Descriptions
              bordered
              column={{ xs: 1, md: 2 }}
              size="middle"
              items={[
                { key: 'kind', label: t('fields.kind'), children: <OrgKindTag kind={o.kind} /> },
                { key: 'area', label: t('organisations.area'), children: o.area_name },
                {
                  key: 'parent',
                  label: t('organisations.parent'),
                  children: o.parent_id ? (
                    <Link to={`/organisations/${o.parent_id}`}>{parent.data?.data.name ?? t('common.loading')}</Link>
                  ) : (
                    notSet
                  ),
                },
                { key: 'phone', label: t('fields.contact_phone'), children: o.contact_phone || notSet },
                {
                  key: 'compounds',
                  label: t('organisations.compoundsServed', { count: o.compound_ids.length }),
                  span: 2,
                  children: <CompoundLinks ids={o.compound_ids} />,
                },
                { key: 'created', label: t('common.createdAt'), children: when(o.created_at) },
                { key: 'updated', label: t('common.updatedAt'), children: when(o.updated_at) },
              ]}
            />
          </Card>
          <PostsCard owner={{ organisation_id: o.id, organisation_name: o.name }} />
        </Space>
      )}
    </RecordPage>
  );
}
