import { EyeOutlined, NotificationOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Flex, Form, Input, List, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { errorNotice } from '../../api/problem';
import { translate } from '../../i18n';
import { todayIso } from '../../lib/dates';
import { testId } from '../../lib/testId';
import { publishDisclosure, revenueKeys, useDisclosurePreview, useDisclosures, type ReportRange } from './api';
import { useRevenueNotify } from './useRevenueNotify';
import { Yuan } from './Yuan';
import { useMonthLabel } from './labels';
import { DisclosureNotice } from './DisclosureNotice';
import { addMonths, monthOf } from './model';
import { MonthRange } from './MonthlyPanel';

/** The last three ended months: a quarter's disclosure is the usual one. */
function lastQuarter(today: string): ReportRange {
  const to = addMonths(monthOf(today), -1);
  return { from: addMonths(to, -2), to };
}

/** The compound's published disclosures, newest first. */
export function PublishedList({ compoundId }: { compoundId: string }) {
  const { t } = useTranslation();
  const monthLabel = useMonthLabel();
  const list = useDisclosures(compoundId);
  return (
    <List
      data-testid="published-list"
      loading={list.isPending}
      dataSource={list.data?.items ?? []}
      locale={{ emptyText: <Empty description={t('revenue.disclosures.empty')} /> }}
      renderItem={(d) => (
        <List.Item
          actions={[
            <Link key="view" to={`/disclosures/${d.id}`} data-testid="published-open">
              {t('revenue.disclosures.view')}
            </Link>,
          ]}
        >
          <List.Item.Meta
            title={`${monthLabel(d.period_from)} – ${monthLabel(d.period_to)}`}
            description={
              <Space size={16} wrap>
                <span>
                  {t('revenue.disclosures.income')} <Yuan fen={d.summary.income_total_fen} />
                </span>
                <span>
                  {t('revenue.disclosures.expense')} <Yuan fen={d.summary.expense_total_fen} />
                </span>
                <span>{d.publisher}</span>
              </Space>
            }
          />
        </List.Item>
      )}
    />
  );
}

/** Why the server will not disclose those months (not ended, reversed order, …). */
function PreviewRefused({ error }: { error: unknown }) {
  const notice = errorNotice(error, translate);
  return <Alert type="warning" showIcon title={notice.message} description={notice.description} data-testid="disclosure-preview-error" />;
}

/** 公示: pick ended months, preview the figures as residents will see them, then publish. */
export function DisclosureTab({ compoundId }: { compoundId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notify = useRevenueNotify();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [range, setRange] = useState<ReportRange>(() => lastQuarter(todayIso()));
  const [asked, setAsked] = useState<ReportRange | null>(null);
  const [note, setNote] = useState('');
  const [publishing, setPublishing] = useState(false);
  const preview = useDisclosurePreview(compoundId, asked);

  async function publish() {
    if (!asked) return;
    setPublishing(true);
    try {
      const d = await publishDisclosure(compoundId, { period_from: asked.from, period_to: asked.to, note: note.trim() || null });
      void message.success(t('revenue.disclosures.published'));
      void client.invalidateQueries({ queryKey: revenueKeys.disclosures(compoundId) });
      if (d.id) navigate(`/disclosures/${d.id}`);
    } catch (e) {
      notify(e);
    } finally {
      setPublishing(false);
    }
  }

  return (
    <Flex vertical gap={16} data-testid="disclosure-tab">
      <Card size="small" title={t('revenue.disclosures.publishTitle')}>
        <Typography.Paragraph type="secondary">{t('revenue.disclosures.publishHelp')}</Typography.Paragraph>
        <Form layout="inline" style={{ rowGap: 12 }}>
          <Form.Item label={t('revenue.disclosures.range')}>
            <MonthRange
              value={range}
              onChange={(r) => {
                setRange(r);
                setAsked(null);
              }}
              testId="disclosure-range"
            />
          </Form.Item>
          <Form.Item>
            <Button icon={<EyeOutlined />} onClick={() => setAsked(range)} loading={preview.isFetching} data-testid="disclosure-preview-button">
              {t('revenue.disclosures.preview')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      {asked && preview.isError && <PreviewRefused error={preview.error} />}
      {asked && preview.data && (
        <>
          <DisclosureNotice disclosure={{ ...preview.data, note: note.trim() || null }} preview />
          <Card size="small" style={{ maxWidth: 760, margin: '0 auto', width: '100%' }}>
            <Form layout="vertical">
              <Form.Item label={t('revenue.disclosures.note')}>
                <Input.TextArea
                  rows={3}
                  maxLength={1000}
                  showCount
                  value={note}
                  onChange={(e) => setNote(e.target.value)}
                  placeholder={t('revenue.disclosures.notePlaceholder')}
                  data-testid="disclosure-note"
                />
              </Form.Item>
              <Popconfirm
                title={t('revenue.disclosures.publishConfirm')}
                okText={t('revenue.disclosures.publish')}
                okButtonProps={{ ...testId('disclosure-publish-confirm') }}
                onConfirm={() => publish()}
              >
                <Button type="primary" icon={<NotificationOutlined />} loading={publishing} data-testid="disclosure-publish">
                  {t('revenue.disclosures.publish')}
                </Button>
              </Popconfirm>
            </Form>
          </Card>
        </>
      )}
      <Card size="small" title={t('revenue.disclosures.publishedTitle')}>
        <PublishedList compoundId={compoundId} />
      </Card>
    </Flex>
  );
}
