import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useSession } from '../../auth/session';
import { RecordError } from '../registry/RecordError';
import { CompoundLinks } from '../registry/CompoundLinks';
import { useContract } from './api';
import { Fee } from './ContractFee';
import { BundleTag, TermTag } from './ContractTags';

export default function ContractDetailPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const { access } = useSession();
  const navigate = useNavigate();
  const query = useContract(id);

  if (query.isPending) return <Card><Skeleton active /></Card>;
  if (query.isError) return <RecordError error={query.error} back="/contracts" />;
  const c = query.data.data;

  return (
    <Card
      title={
        <Space>
          <span data-testid="contract-title">{c.title}</span>
          <TermTag contract={c} />
          <BundleTag contract={c} />
        </Space>
      }
      extra={
        <Space wrap>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
            {t('common.back')}
          </Button>
          {access.registry.manage && (
            <Button type="primary" icon={<EditOutlined />} onClick={() => navigate(`/contracts/${c.id}/edit`)} data-testid="edit-contract">
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
            key: 'company',
            label: t('fields.company_id'),
            children: <Link to={`/organisations/${c.company_id}`}>{c.company_name}</Link>,
          },
          { key: 'term', label: t('contracts.colTerm'), children: t('contracts.term', { start: c.start_date, end: c.end_date }) },
          { key: 'fee', label: t('fields.fee_fen_per_sqm'), children: <Fee fen={c.fee_fen_per_sqm} /> },
          {
            key: 'buildings',
            label: t('contracts.totalBuildings'),
            children: <span data-testid="contract-buildings">{c.building_count}</span>,
          },
          {
            key: 'compounds',
            label: c.is_bundle ? t('contracts.bundleCompounds', { count: c.compound_ids.length }) : t('fields.compound_ids'),
            span: 2,
            children: <CompoundLinks ids={c.compound_ids} names={c.compound_names} />,
          },
          {
            key: 'items',
            label: t('fields.service_items'),
            span: 2,
            children: c.service_items.length ? (
              <Space size={[4, 4]} wrap>
                {c.service_items.map((s) => (
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
    </Card>
  );
}
