import { App, Button, Card, Col, Descriptions, Empty, Result, Row, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { errorNotice, pickLanguage } from '../../api/problem';
import type { Complaint } from '../../api/types';
import { useSession } from '../../auth/session';
import { translate } from '../../i18n';
import { useProblem } from '../../lib/useProblem';
import { mergeComplaint, useComplaint, useDuplicates } from './api';
import { StatusTag } from './StatusTag';
import { DeadlineMark } from './DeadlineMark';
import { when } from './when';
import { Photos, PhotoButton } from './Photos';
import { ComplaintTimeline } from './ComplaintTimeline';
import { ActionButtons, Extensions, useComplaintUpdated } from './ComplaintActions';
import { isFinished, mayMerge, mayRequestExtension, routingText } from './model';

function Duplicates({ complaint }: { complaint: Complaint }) {
  const { t, i18n } = useTranslation();
  const { modal, message } = App.useApp();
  const { notify } = useProblem();
  const updated = useComplaintUpdated();
  const dups = useDuplicates(complaint.id, true);
  const [busy, setBusy] = useState<string | null>(null);
  if (!dups.data || dups.data.length === 0) return null;

  function merge(into: { id: string; number: string }) {
    modal.confirm({
      title: t('complaints.mergeTitle'),
      content: t('complaints.mergeConfirm', { number: complaint.number, into: into.number }),
      okText: t('complaints.merge'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        setBusy(into.id);
        try {
          await mergeComplaint(complaint, into.id);
          updated();
          void message.success(t('complaints.merged'));
        } catch (e) {
          notify(e);
        } finally {
          setBusy(null);
        }
      },
    });
  }

  return (
    <Card size="small" title={t('complaints.duplicates')} data-testid="duplicates">
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={dups.data}
        columns={[
          { title: t('complaints.number'), dataIndex: 'number', render: (n: string, r) => <Link to={`/complaints/${r.id}`}>{n}</Link> },
          { title: t('complaints.title'), dataIndex: 'title' },
          { title: t('complaints.filedAt'), dataIndex: 'created_at', render: (v: string) => when(v, i18n.language) },
          {
            key: 'merge',
            render: (_, r) => (
              <Button size="small" loading={busy === r.id} onClick={() => merge(r)} data-testid="merge">
                {t('complaints.mergeInto')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}

export function ComplaintHeader({ complaint }: { complaint: Complaint }) {
  const { t, i18n } = useTranslation();
  const c = complaint;
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, sm: 1, md: 2, xl: 3 }}
      data-testid="complaint-header"
      items={[
        { key: 'number', label: t('complaints.number'), children: <Typography.Text copyable>{c.number}</Typography.Text> },
        { key: 'status', label: t('complaints.status'), children: <Space><StatusTag status={c.status} /><DeadlineMark complaint={c} /></Space> },
        { key: 'category', label: t('complaints.category'), children: c.category_name },
        { key: 'compound', label: t('complaints.compound'), children: <Link to={`/compounds/${c.compound_id}`}>{c.compound_name}</Link> },
        { key: 'handler', label: t('complaints.handler'), children: c.handler_org_name ?? '—' },
        {
          key: 'rule',
          label: t('complaints.routingRule'),
          children: <span data-testid="routing-rule" title={c.routing_rule}>{routingText(pickLanguage(c.routing_rule, i18n.language), translate)}</span>,
        },
        {
          key: 'sign_by',
          label: t('complaints.signBy'),
          children: (
            <Typography.Text type={c.overdue && c.status === 'assigned' ? 'danger' : undefined}>{when(c.sign_by, i18n.language)}</Typography.Text>
          ),
        },
        {
          key: 'resolve_by',
          label: t('complaints.resolveBy'),
          children: (
            <Typography.Text type={c.overdue && c.status !== 'assigned' ? 'danger' : undefined}>{when(c.resolve_by, i18n.language)}</Typography.Text>
          ),
        },
        {
          key: 'escalation',
          label: t('complaints.escalation'),
          children: c.escalation_level > 0 ? <Tag color="volcano">{t(`complaints.escalation${c.escalation_level >= 2 ? 2 : 1}`)}</Tag> : t('complaints.escalation0'),
        },
        {
          key: 'complainant',
          label: t('complaints.complainant'),
          children: c.anonymous
            ? t('complaints.anonymous')
            : [c.complainant_name, c.complainant_phone].filter(Boolean).join(' · ') || t('complaints.complainantApp'),
        },
        { key: 'channel', label: t('complaints.channel'), children: t(`complaintChannels.${c.channel}`, { defaultValue: c.channel }) },
        { key: 'created', label: t('complaints.filedAt'), children: when(c.created_at, i18n.language) },
        { key: 'title', label: t('complaints.title'), span: 'filled', children: c.title },
        {
          key: 'description',
          label: t('complaints.description'),
          span: 'filled',
          children: <div style={{ whiteSpace: 'pre-wrap' }}>{c.description}</div>,
        },
        ...(c.reject_reason
          ? [{ key: 'reject', label: t('complaints.rejectReason'), span: 'filled' as const, children: t(`complaintReasons.${c.reject_reason}`, { defaultValue: c.reject_reason }) }]
          : []),
        ...(c.return_reason
          ? [{ key: 'return', label: t('complaints.returnReason'), span: 'filled' as const, children: t(`complaintReasons.${c.return_reason}`, { defaultValue: c.return_reason }) }]
          : []),
        ...(c.resolution ? [{ key: 'resolution', label: t('complaints.resolution'), span: 'filled' as const, children: c.resolution }] : []),
        ...(c.rating
          ? [
              {
                key: 'rating',
                label: t('complaints.rating'),
                span: 'filled' as const,
                children: `${'★'.repeat(c.rating)}${'☆'.repeat(5 - c.rating)} ${c.review_comment ?? ''}`,
              },
            ]
          : []),
      ]}
    />
  );
}

export default function ComplaintDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { access } = useSession();
  const query = useComplaint(id);
  const updated = useComplaintUpdated();

  if (query.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (query.isError) {
    return (
      <Result
        status="warning"
        title={errorNotice(query.error, translate).message}
        extra={<Button onClick={() => void query.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  const c = query.data.data;
  const handler = c.allowed_actions.some((a) => a === 'sign' || a === 'start' || a === 'resolve');

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <span>{c.title}</span>
            <StatusTag status={c.status} />
          </Space>
        }
        extra={<ActionButtons complaint={c} />}
      >
        <ComplaintHeader complaint={c} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card
            size="small"
            title={t('complaints.photos')}
            extra={
              !isFinished(c.status) && (
                <PhotoButton complaintId={c.id} purpose={handler ? 'result' : 'report'} onUploaded={updated} />
              )
            }
          >
            <Photos complaint={c} />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Extensions complaint={c} mayRequest={mayRequestExtension(c)} mayDecide={access.complaints.dispatch} />
            {mayMerge(c, access.complaints.dispatch) && <Duplicates complaint={c} />}
          </Space>
        </Col>
      </Row>
      <Card size="small" title={t('complaints.timeline')}>
        {c.timeline.length === 0 ? <Empty /> : <ComplaintTimeline events={c.timeline} />}
      </Card>
    </Space>
  );
}
