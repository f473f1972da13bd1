import { Card, Descriptions, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../auth/session';
import { useLocalTime } from '../../lib/useLocalTime';
import { CompoundLinks } from '../registry/CompoundLinks';
import { RecordActions, RecordPage } from '../registry/RecordPage';
import { TagList } from '../registry/Tags';
import { useContract } from './api';
import { Fee } from './ContractFee';
import { BundleTag, TermTag } from './ContractTags';

export default function ContractDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { access } = useSession();
  const when = useLocalTime();

  return (
    <RecordPage query={useContract(id)} back="/contracts">
      {(c) => (
        <Card
          title={
            <Space>
              <span data-testid="contract-title">{c.title}</span>
              <TermTag contract={c} />
              <BundleTag contract={c} />
            </Space>
          }
          extra={<RecordActions edit={access.registry.manage && { to: `/contracts/${c.id}/edit`, testId: 'edit-contract' }} />}
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
              { key: 'items', label: t('fields.service_items'), span: 2, children: <TagList items={c.service_items} /> },
              { key: 'created', label: t('common.createdAt'), children: when(c.created_at) },
            ]}
          />
        </Card>
      )}
    </RecordPage>
  );
}
