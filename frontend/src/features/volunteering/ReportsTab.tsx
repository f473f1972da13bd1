import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Popconfirm, Segmented, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { testId } from '../../lib/testId';
import { useSession } from '../../auth/session';
import { LoadFailed } from '../../components/LoadFailed';
import { decideReport, useReports, volunteeringKeys } from './api';
import { when } from './times';
import { ReportStatusTag } from './VolunteeringTags';
import { useRefusal } from './Refusal';
import { REPORT_STATUSES } from './model';
import type { Report, ReportAction } from './types';

/** 报到申请: in-service party members asking to report to a compound; the secretary decides. */
export function ReportsTab() {
  const { t, i18n } = useTranslation();
  const { access } = useSession();
  const [status, setStatus] = useState<string>('requested');
  const reports = useReports(status === 'all' ? undefined : status);
  const [declining, setDeclining] = useState<{ report: Report; action: 'decline' | 'end' } | null>(null);
  const items = reports.data?.items ?? [];
  return (
    <>
      <Segmented
        style={{ marginBottom: 12 }}
        value={status}
        onChange={(v) => setStatus(String(v))}
        data-testid="report-status-filter"
        options={[
          ...REPORT_STATUSES.map((s) => ({ value: s, label: t(`volunteering.reportStatus.${s}`) })),
          { value: 'all', label: t('common.all') },
        ]}
      />
      <Table<Report>
        data-testid="report-table"
        rowKey="id"
        loading={reports.isFetching}
        dataSource={items}
        scroll={{ x: 'max-content' }}
        pagination={items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        locale={{ emptyText: t('volunteering.report.empty') }}
        onRow={() => ({ 'data-testid': 'report-row' }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('volunteering.report.person'), dataIndex: 'person_name' },
          { title: t('volunteering.report.compound'), dataIndex: 'compound_name' },
          { title: t('volunteering.report.employer'), key: 'employer', render: (_, r) => r.employer ?? '—' },
          { title: t('volunteering.report.note'), key: 'note', render: (_, r) => r.note ?? '—' },
          { title: t('volunteering.report.requestedAt'), key: 'at', render: (_, r) => when(r.requested_at, i18n.language) },
          {
            title: t('volunteering.report.status'),
            key: 'status',
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                <ReportStatusTag value={r.status} />
                {r.decline_reason && <Typography.Text type="secondary">{r.decline_reason}</Typography.Text>}
                {r.decided_at && <Typography.Text type="secondary">{when(r.decided_at, i18n.language)}</Typography.Text>}
              </Space>
            ),
          },
          ...(access.volunteering.decide
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, r: Report) => <DecisionButtons report={r} onReason={(action) => setDeclining({ report: r, action })} />,
                },
              ]
            : []),
        ]}
      />
      <LoadFailed query={reports} />
      <ReasonModal state={declining} onClose={() => setDeclining(null)} />
    </>
  );
}

function useDecide() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refuse = useRefusal();
  const queryClient = useQueryClient();
  return async (report: Report, action: ReportAction, reason?: string) => {
    try {
      await decideReport(report.id, action, reason);
      void message.success(t(`volunteering.report.done.${action}`));
      await queryClient.invalidateQueries({ queryKey: volunteeringKeys.all });
      return true;
    } catch (e) {
      refuse(e);
      return false;
    }
  };
}

function DecisionButtons({ report, onReason }: { report: Report; onReason: (action: 'decline' | 'end') => void }) {
  const { t } = useTranslation();
  const decide = useDecide();
  const [busy, setBusy] = useState(false);
  if (report.status === 'requested') {
    return (
      <Space>
        <Popconfirm
          title={t('volunteering.report.confirmConfirm', { name: report.person_name, compound: report.compound_name })}
          onConfirm={async () => {
            setBusy(true);
            await decide(report, 'confirm');
            setBusy(false);
          }}
        >
          <Button type="primary" size="small" loading={busy} data-testid="report-confirm">
            {t('volunteering.report.confirm')}
          </Button>
        </Popconfirm>
        <Button size="small" danger onClick={() => onReason('decline')} data-testid="report-decline">
          {t('volunteering.report.decline')}
        </Button>
      </Space>
    );
  }
  if (report.status === 'confirmed') {
    return (
      <Button size="small" onClick={() => onReason('end')} data-testid="report-end">
        {t('volunteering.report.end')}
      </Button>
    );
  }
  return null;
}

/** Asks the reason to decline (required) or end (optional) a report. */
function ReasonModal({ state, onClose }: { state: { report: Report; action: 'decline' | 'end' } | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason?: string }>();
  const decide = useDecide();
  const [busy, setBusy] = useState(false);
  const action = state?.action ?? 'decline';
  return (
    <Modal
      open={!!state}
      title={state ? t(`volunteering.report.${action}Title`, { name: state.report.person_name }) : ''}
      okText={t(`volunteering.report.${action}`)}
      okButtonProps={{ danger: action === 'decline', ...testId('reason-ok') }}
      confirmLoading={busy}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          if (!state) return;
          setBusy(true);
          const ok = await decide(state.report, action, v.reason?.trim());
          setBusy(false);
          if (ok) onClose();
        }}
      >
        <Form.Item
          name="reason"
          label={t('volunteering.report.reason')}
          rules={action === 'decline' ? [{ required: true, whitespace: true, message: t('validation.required') }, { max: 200 }] : [{ max: 200 }]}
        >
          <Input.TextArea rows={3} maxLength={200} data-testid="reason-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
