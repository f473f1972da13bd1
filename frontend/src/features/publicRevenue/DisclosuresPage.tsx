import { RightOutlined } from '@ant-design/icons';
import { Card, Empty, Flex, Form, List, Result, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { errorNotice } from '../../api/problem';
import { useSession } from '../../auth/session';
import { translate } from '../../i18n';
import { CompoundSelect } from '../registry/CompoundSelect';
import { useDisclosures } from './api';
import { Yuan } from './Yuan';
import { useMonthLabel } from './labels';
import { grantCompounds, singleDisclosureCompound } from './model';
import type { Disclosure } from './types';

/** One disclosure as a card: a big target on a phone. */
function DisclosureCard({ d }: { d: Disclosure }) {
  const { t, i18n } = useTranslation();
  const monthLabel = useMonthLabel();
  return (
    <Card size="small" style={{ marginBottom: 8 }} data-testid="disclosure-card">
      <Link to={`/disclosures/${d.id}`} style={{ color: 'inherit', display: 'block' }}>
        <Flex justify="space-between" align="center" gap={8}>
          <div style={{ minWidth: 0 }}>
            <Typography.Text strong style={{ display: 'block' }} data-testid="disclosure-period">
              {monthLabel(d.period_from)} – {monthLabel(d.period_to)}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {d.publisher}
              {d.published_at ? ` · ${new Date(d.published_at).toLocaleDateString(i18n.language === 'en' ? 'en-GB' : 'zh-CN')}` : ''}
            </Typography.Text>
          </div>
          <RightOutlined />
        </Flex>
        <Flex gap={16} wrap style={{ marginTop: 8, fontSize: 13 }}>
          <span>
            {t('revenue.disclosures.income')} <Yuan fen={d.summary.income_total_fen} testId="disclosure-card-income" />
          </span>
          <span>
            {t('revenue.disclosures.expense')} <Yuan fen={d.summary.expense_total_fen} />
          </span>
          <span>
            {t('revenue.disclosures.net')} <Yuan fen={d.summary.net_fen} />
          </span>
        </Flex>
      </Link>
    </Card>
  );
}

/**
 * 收益公示: the published disclosures of the reader's compound. Residents (one compound)
 * see theirs at once; staff over several compounds pick one. Phone first: one column.
 */
export default function DisclosuresPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const only = singleDisclosureCompound(me.grants);
  const compoundId = only?.id ?? params.get('compound') ?? grantCompounds(me.grants)[0]?.id;
  const list = useDisclosures(compoundId);

  return (
    <div style={{ maxWidth: 640, margin: '0 auto' }}>
      <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="disclosures-title">
        {only ? t('revenue.disclosures.titleOf', { compound: only.name }) : t('revenue.disclosures.title')}
      </Typography.Title>
      {!only && (
        <Form layout="vertical">
          <Form.Item label={t('revenue.disclosures.pickCompound')}>
            <CompoundSelect
              data-testid="disclosures-compound"
              value={compoundId}
              allowClear={false}
              placeholder={t('common.compoundPlaceholder')}
              onChange={(v) => {
                const id = typeof v === 'string' ? v : undefined;
                setParams(id ? { compound: id } : {}, { replace: true });
              }}
            />
          </Form.Item>
        </Form>
      )}
      <Typography.Paragraph type="secondary">{t('revenue.disclosures.explain')}</Typography.Paragraph>
      {!compoundId ? (
        <Card>
          <Empty description={t('revenue.disclosures.pickFirst')} />
        </Card>
      ) : list.isPending ? (
        <Skeleton active />
      ) : list.isError ? (
        <Result status="warning" title={errorNotice(list.error, translate).message} />
      ) : list.data.items.length === 0 ? (
        <Card>
          <Empty description={t('revenue.disclosures.empty')} />
        </Card>
      ) : (
        <List data-testid="disclosure-list" dataSource={list.data.items} renderItem={(d) => <DisclosureCard key={d.id ?? d.period_from} d={d} />} />
      )}
    </div>
  );
}
