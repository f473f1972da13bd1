import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Empty, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Yuan } from './Yuan';
import { FindingStatusTag, RectificationTag, SeverityTag } from './AuditTags';
import { when } from './when';
import { AddRectificationModal, CompleteModal, VerifyModal } from './FindingModals';
import type { Finding, Rectification } from './types';

/** What the signed-in user may do to findings here. */
export interface FindingRights {
  /** Agree actions, verify or send back (the firm's auditors, the audit office). */
  conduct: boolean;
  /** Report actions done (the compound's side). */
  rectify: boolean;
}

function ActionRow({
  r,
  rights,
  onComplete,
  onVerdict,
}: {
  r: Rectification;
  rights: FindingRights;
  onComplete: (r: Rectification) => void;
  onVerdict: (r: Rectification, accepted: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      {r.status === 'pending' && rights.rectify && (
        <Button size="small" type="primary" onClick={() => onComplete(r)} data-testid="complete-rectification">
          {t('audits.rectification.complete')}
        </Button>
      )}
      {r.status === 'completed' && rights.conduct && (
        <>
          <Button size="small" type="primary" onClick={() => onVerdict(r, true)} data-testid="verify-rectification">
            {t('audits.rectification.verify')}
          </Button>
          <Button size="small" danger onClick={() => onVerdict(r, false)} data-testid="send-back-rectification">
            {t('audits.rectification.sendBack')}
          </Button>
        </>
      )}
    </Space>
  );
}

/** The actions agreed on a finding, each with its state and what the user may do next. */
export function RectificationTable({ finding, rights }: { finding: Finding; rights: FindingRights }) {
  const { t, i18n } = useTranslation();
  const [completing, setCompleting] = useState<Rectification | null>(null);
  const [verdict, setVerdict] = useState<{ action: Rectification; accepted: boolean } | null>(null);
  const acts = rights.conduct || rights.rectify;
  if (finding.rectifications.length === 0) {
    return <Typography.Text type="secondary">{t('audits.finding.noRectifications')}</Typography.Text>;
  }
  return (
    <>
      <Table<Rectification>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={finding.rectifications}
        data-testid="rectification-table"
        onRow={(r) => ({ 'data-testid': 'rectification-row', 'data-status': r.status }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('audits.rectification.action'),
            dataIndex: 'action',
            render: (text: string, r) => (
              <Space orientation="vertical" size={2}>
                <span>{text}</span>
                {r.completion_evidence && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="completion-evidence">
                    {t('audits.rectification.completedBy', {
                      name: r.completed_by_name ?? '—',
                      when: when(r.completed_at, i18n.language),
                      evidence: r.completion_evidence,
                    })}
                  </Typography.Text>
                )}
                {r.verified_at && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('audits.rectification.verifiedBy', { name: r.verified_by_name ?? '—', when: when(r.verified_at, i18n.language) })}
                  </Typography.Text>
                )}
                {r.verification_note && (
                  <Typography.Text type={r.status === 'verified' ? 'secondary' : 'warning'} style={{ fontSize: 12 }}>
                    {t('audits.rectification.noteLine', { note: r.verification_note })}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          { title: t('audits.rectification.owner'), dataIndex: 'owner_org_name', width: 180, render: (n: string | null) => n ?? '—' },
          { title: t('audits.rectification.deadline'), dataIndex: 'deadline', width: 110 },
          { title: t('audits.rectification.status'), key: 'status', width: 150, render: (_, r) => <RectificationTag action={r} /> },
          ...(acts
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 170,
                  render: (_: unknown, r: Rectification) => (
                    <ActionRow r={r} rights={rights} onComplete={setCompleting} onVerdict={(action, accepted) => setVerdict({ action, accepted })} />
                  ),
                },
              ]
            : []),
        ]}
      />
      <CompleteModal action={completing} onClose={() => setCompleting(null)} />
      <VerifyModal verdict={verdict} onClose={() => setVerdict(null)} />
    </>
  );
}

/** One finding: what, how much, how serious, and its rectification actions. */
export function FindingCard({ finding: f, rights }: { finding: Finding; rights: FindingRights }) {
  const { t, i18n } = useTranslation();
  const [adding, setAdding] = useState(false);
  return (
    <Card
      size="small"
      data-testid="finding-card"
      data-finding={f.title}
      title={
        <Space wrap>
          <span>{f.title}</span>
          <SeverityTag severity={f.severity} />
          <FindingStatusTag status={f.status} />
        </Space>
      }
      extra={
        rights.conduct &&
        f.status !== 'closed' && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-rectification">
            {t('audits.rectification.add')}
          </Button>
        )
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 3 }}
        items={[
          { key: 'kind', label: t('audits.finding.kind'), children: t(`audits.kind.${f.kind}`) },
          { key: 'amount', label: t('audits.finding.amount'), children: <Yuan fen={f.amount_fen} strong testId="finding-amount-text" /> },
          { key: 'responsible', label: t('audits.finding.responsible'), children: f.responsible_org_name ?? '—' },
          { key: 'raised', label: t('audits.finding.raisedBy'), children: `${f.raised_by_name} · ${when(f.created_at, i18n.language)}` },
          { key: 'description', label: t('audits.finding.description'), span: 'filled', children: f.description },
          ...(f.evidence ? [{ key: 'evidence', label: t('audits.finding.evidence'), span: 'filled' as const, children: f.evidence }] : []),
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        {t('audits.finding.rectifications')}
      </Typography.Title>
      <RectificationTable finding={f} rights={rights} />
      <AddRectificationModal finding={adding ? f : null} onClose={() => setAdding(false)} />
    </Card>
  );
}

/** The findings of one engagement, newest first. */
export function FindingList({ findings, rights }: { findings: Finding[]; rights: FindingRights }) {
  const { t } = useTranslation();
  if (findings.length === 0) return <Empty description={t('audits.finding.none')} />;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {findings.map((f) => (
        <FindingCard key={f.id} finding={f} rights={rights} />
      ))}
    </Space>
  );
}
