import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, InputNumber, Modal, Rate, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uploadComplaintPhoto } from '../../api/attachments';
import type { Tagged } from '../../api/client';
import { ApiError, knownFields } from '../../api/problem';
import type { Complaint, ComplaintAction, TransitionInput } from '../../api/types';
import { testId } from '../../lib/testId';
import { useProblem } from '../../lib/useProblem';
import { complaintKeys, decideExtension, requestExtension, transition, useCompoundOrganisations } from './api';
import { needsReason, orderedActions, routingText } from './model';
import { translate } from '../../i18n';

const FIELDS = knownFields(['reason', 'note', 'handler_org_id', 'resolution', 'rating', 'comment']);

interface Values {
  reason?: string;
  note?: string;
  handler_org_id?: string;
  resolution?: string;
  rating?: number;
  comment?: string;
  photo?: FileList;
}

/** Keeps the page's copy of the complaint in step after a change; refreshes lists and badges. */
export function useComplaintUpdated() {
  const queryClient = useQueryClient();
  return (updated?: Tagged<Complaint>) => {
    if (updated) queryClient.setQueryData(complaintKeys.one(updated.data.id), updated);
    void queryClient.invalidateQueries({ queryKey: complaintKeys.all, refetchType: 'active' });
  };
}

function ActionForm({ action, complaint }: { action: ComplaintAction; complaint: Complaint }) {
  const { t } = useTranslation();
  const reasons = needsReason(action);
  const orgs = useCompoundOrganisations(action === 'assign' ? complaint.compound_id : undefined);
  return (
    <>
      {reasons && (
        <>
          <Form.Item name="reason" label={t('complaints.reason')} rules={[{ required: true, message: t('complaints.reasonRequired') }]}>
            <Select
              data-testid="action-reason"
              options={reasons.map((r) => ({ value: r, label: t(`complaintReasons.${r}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="note"
            label={t('complaints.note')}
            rules={[{ required: true, whitespace: true, message: t('complaints.noteRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={2000} showCount data-testid="action-note" />
          </Form.Item>
        </>
      )}
      {action === 'assign' && (
        <Form.Item name="handler_org_id" label={t('complaints.handler')} extra={t('complaints.assignHint', { rule: routingText(complaint.routing_rule, translate) })}>
          <Select
            data-testid="action-handler"
            loading={orgs.isPending}
            showSearch={{ optionFilterProp: 'label' }}
            options={(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: `${o.name}（${t(`orgKinds.${o.kind}`)}）` }))}
          />
        </Form.Item>
      )}
      {action === 'resolve' && (
        <>
          <Form.Item
            name="resolution"
            label={t('complaints.resolution')}
            rules={[{ required: true, whitespace: true, message: t('complaints.resolutionRequired') }]}
          >
            <Input.TextArea rows={4} maxLength={4000} showCount data-testid="action-resolution" />
          </Form.Item>
          <Form.Item
            name="photo"
            label={t('complaints.resultPhoto')}
            valuePropName="files"
            getValueFromEvent={(e: React.ChangeEvent<HTMLInputElement>) => e.target.files}
            getValueProps={() => ({})}
          >
            <input type="file" accept="image/*" capture="environment" data-testid="action-photo" />
          </Form.Item>
        </>
      )}
      {action === 'review' && (
        <>
          <Form.Item name="rating" label={t('complaints.rating')} rules={[{ required: true, message: t('complaints.ratingRequired') }]}>
            <Rate data-testid="action-rating" />
          </Form.Item>
          <Form.Item name="comment" label={t('complaints.comment')}>
            <Input.TextArea rows={3} maxLength={1000} showCount data-testid="action-comment" />
          </Form.Item>
        </>
      )}
      {(action === 'accept' || action === 'sign' || action === 'start' || action === 'close') && (
        <Form.Item name="note" label={t('complaints.noteOptional')}>
          <Input.TextArea rows={2} maxLength={2000} data-testid="action-note" />
        </Form.Item>
      )}
    </>
  );
}

/** Runs one transition in a dialog: its fields, If-Match, and the 409/403 answers in words. */
export function ActionDialog({
  complaint,
  action,
  onClose,
}: {
  complaint: Complaint;
  action: ComplaintAction | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { showOnForm, notify } = useProblem();
  const updated = useComplaintUpdated();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);

  async function submit(v: Values) {
    if (!action) return;
    const body: TransitionInput = { action };
    if (v.reason) body.reason = v.reason;
    if (v.note?.trim()) body.note = v.note.trim();
    if (action === 'assign') body.handler_org_id = v.handler_org_id ?? complaint.handler_org_id ?? null;
    if (v.resolution) body.resolution = v.resolution.trim();
    if (v.rating) body.rating = v.rating;
    if (v.comment?.trim()) body.comment = v.comment.trim();
    setBusy(true);
    try {
      let result = await transition(complaint, body);
      const photo = v.photo?.[0];
      if (photo) {
        try {
          result = await uploadComplaintPhoto(complaint.id, photo, 'result');
        } catch (e) {
          notify(e);
        }
      }
      updated(result);
      void message.success(t('complaints.done', { action: t(`complaintActions.${action}`) }));
      onClose();
    } catch (e) {
      showOnForm(form, e, FIELDS);
      // The state moved on (409), someone else changed it (412) or it is not ours (403): show what is now.
      if (e instanceof ApiError && [403, 409, 412].includes(e.status)) {
        updated();
        onClose();
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={!!action}
      title={action ? t(`complaintActions.${action}`) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={action ? t(`complaintActions.${action}`) : ''}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, danger: action === 'reject' || action === 'return', ...testId('action-submit') }}
      destroyOnHidden
    >
      {action && (
        <Form<Values>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={action === 'assign' ? { handler_org_id: complaint.handler_org_id ?? undefined } : {}}
          onFinish={submit}
          data-testid="action-form"
        >
          <ActionForm action={action} complaint={complaint} />
        </Form>
      )}
    </Modal>
  );
}

/** The buttons the server allows now (`allowed_actions`), each opening its dialog. */
export function ActionButtons({ complaint, block }: { complaint: Complaint; block?: boolean }) {
  const { t } = useTranslation();
  const [action, setAction] = useState<ComplaintAction | null>(null);
  const actions = orderedActions(complaint.allowed_actions);
  if (actions.length === 0) return null;
  return (
    <>
      <Space wrap style={block ? { width: '100%' } : undefined} data-testid="complaint-actions">
        {actions.map((a, i) => (
          <Button
            key={a}
            type={i === 0 ? 'primary' : 'default'}
            danger={a === 'reject' || a === 'return'}
            block={block}
            onClick={() => setAction(a)}
            data-testid={`action-${a}`}
          >
            {t(`complaintActions.${a}`)}
          </Button>
        ))}
      </Space>
      <ActionDialog complaint={complaint} action={action} onClose={() => setAction(null)} />
    </>
  );
}

/** Extension requests: the handler asks (申请延期), the dispatcher approves or denies. */
export function Extensions({ complaint, mayRequest, mayDecide }: { complaint: Complaint; mayRequest: boolean; mayDecide: boolean }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { notify, showOnForm } = useProblem();
  const updated = useComplaintUpdated();
  const [asking, setAsking] = useState(false);
  const [deciding, setDeciding] = useState<{ id: string; approve: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ hours?: number; reason?: string }>();
  const [decision] = Form.useForm<{ note?: string }>();

  if (!mayRequest && complaint.extensions.length === 0) return null;

  async function ask(v: { hours?: number; reason?: string }) {
    setBusy(true);
    try {
      await requestExtension(complaint.id, { hours: v.hours ?? 8, reason: (v.reason ?? '').trim() });
      updated();
      void message.success(t('complaints.extensionRequested'));
      setAsking(false);
    } catch (e) {
      showOnForm(form, e, knownFields(['hours', 'reason']));
    } finally {
      setBusy(false);
    }
  }

  async function decide(v: { note?: string }) {
    if (!deciding) return;
    setBusy(true);
    try {
      await decideExtension(complaint.id, deciding.id, { approve: deciding.approve, note: v.note?.trim() || null });
      updated();
      void message.success(t(deciding.approve ? 'complaints.extensionApproved' : 'complaints.extensionDenied'));
      setDeciding(null);
    } catch (e) {
      notify(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card
      size="small"
      title={t('complaints.extensions')}
      extra={
        mayRequest && (
          <Button size="small" onClick={() => setAsking(true)} data-testid="request-extension">
            {t('complaints.requestExtension')}
          </Button>
        )
      }
      data-testid="extensions"
    >
      {complaint.extensions.length === 0 && <Typography.Text type="secondary">{t('complaints.noExtensions')}</Typography.Text>}
      {complaint.extensions.map((x) => (
        <div key={x.id} style={{ marginBottom: 8 }}>
          <Typography.Text strong>{t('complaints.extensionHours', { hours: x.hours })}</Typography.Text>{' '}
          <Typography.Text type="secondary">
            {x.requester_name} · {new Date(x.created_at).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'zh-CN', { hour12: false })} ·{' '}
            {t(`extensionStatus.${x.status}`, { defaultValue: x.status })}
          </Typography.Text>
          <div>{x.reason}</div>
          {x.decision_note && (
            <Typography.Text type="secondary">
              {x.decider_name}: {x.decision_note}
            </Typography.Text>
          )}
          {mayDecide && x.status === 'pending' && (
            <Space style={{ marginTop: 4 }}>
              <Button size="small" type="primary" onClick={() => setDeciding({ id: x.id, approve: true })} data-testid="approve-extension">
                {t('complaints.approve')}
              </Button>
              <Button size="small" danger onClick={() => setDeciding({ id: x.id, approve: false })} data-testid="deny-extension">
                {t('complaints.deny')}
              </Button>
            </Space>
          )}
        </div>
      ))}
      <Modal
        open={asking}
        title={t('complaints.requestExtension')}
        onCancel={() => setAsking(false)}
        onOk={() => form.submit()}
        okText={t('complaints.requestExtension')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: busy }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false} initialValues={{ hours: 8 }} onFinish={ask}>
          <Form.Item name="hours" label={t('complaints.extensionHoursLabel')} rules={[{ required: true, message: t('complaints.hoursRequired') }]}>
            <InputNumber min={1} max={720} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('complaints.reason')}
            rules={[{ required: true, whitespace: true, min: 4, message: t('complaints.extensionReasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={!!deciding}
        title={deciding?.approve ? t('complaints.approve') : t('complaints.deny')}
        onCancel={() => setDeciding(null)}
        onOk={() => decision.submit()}
        okText={deciding?.approve ? t('complaints.approve') : t('complaints.deny')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: busy, danger: deciding?.approve === false }}
        destroyOnHidden
      >
        <Form form={decision} layout="vertical" preserve={false} onFinish={decide}>
          <Form.Item name="note" label={t('complaints.noteOptional')}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
