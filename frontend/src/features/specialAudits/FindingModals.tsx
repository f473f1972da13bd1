// The dialogs around findings: raise one, agree a rectification action, report it done,
// verify it or send it back. Each posts, refreshes every audit view, and puts the server's
// field errors under the fields (anything else, e.g. a 409, as a notification).
import { Alert, App, Col, DatePicker, Form, Input, InputNumber, Modal, Radio, Row, Select } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, knownFields, type FieldPath } from '../../api/problem';
import { dateField, todayIso } from '../../lib/dates';
import { testId } from '../../lib/testId';
import { useProblem } from '../../lib/useProblem';
import { OrganisationSelect } from '../registry/OrganisationSelect';
import { addRectification, completeRectification, raiseFinding, useAuditsChanged, verifyRectification } from './api';
import { FINDING_KINDS, SEVERITIES, yuanToFen } from './model';
import type { Finding, FindingKind, Rectification, Severity } from './types';

interface DialogProps<V> {
  open: boolean;
  title: string;
  okText: string;
  /** Prefix of the test ids: `<id>-form`, `<id>-submit`. */
  id: string;
  danger?: boolean;
  initialValues?: Partial<V>;
  fieldPath: (field: string) => FieldPath | null;
  onSubmit: (values: V) => Promise<unknown>;
  success: string;
  onClose: () => void;
  children: ReactNode;
}

function ActionDialog<V extends object>(p: DialogProps<V>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { showOnForm, notify } = useProblem();
  const changed = useAuditsChanged();
  const [form] = Form.useForm<V>();
  const [busy, setBusy] = useState(false);

  async function submit(values: V) {
    setBusy(true);
    try {
      await p.onSubmit(values);
      void message.success(p.success);
      void changed();
      p.onClose();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        // Refused in this state or by this person (e.g. `verifier_is_author`): say why, show what is now.
        notify(e);
        void changed();
        p.onClose();
      } else {
        showOnForm(form, e, p.fieldPath);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={p.open}
      title={p.title}
      onCancel={p.onClose}
      onOk={() => form.submit()}
      okText={p.okText}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, danger: p.danger, ...testId(`${p.id}-submit`) }}
      width={620}
      destroyOnHidden
    >
      <Form<V>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={p.initialValues}
        onFinish={submit}
        data-testid={`${p.id}-form`}
        autoComplete="off"
      >
        {p.children}
      </Form>
    </Modal>
  );
}

interface FindingValues {
  kind?: FindingKind;
  title?: string;
  description?: string;
  amount_yuan?: number;
  severity?: Severity;
  responsible_org_id?: string;
  evidence?: string;
}

const findingKnown = knownFields(['kind', 'title', 'description', 'severity', 'responsible_org_id', 'evidence']);
function findingPath(field: string): FieldPath | null {
  return field === 'amount_fen' ? ['amount_yuan'] : findingKnown(field);
}

/** 提出审计发现: what was found, the money at stake, how serious, who answers for it. */
export function RaiseFindingModal({ engagementId, open, onClose }: { engagementId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <ActionDialog<FindingValues>
      open={open}
      id="finding"
      title={t('audits.finding.raiseTitle')}
      okText={t('audits.finding.raise')}
      success={t('audits.finding.raised')}
      initialValues={{ severity: 'medium' }}
      fieldPath={findingPath}
      onClose={onClose}
      onSubmit={(v) =>
        raiseFinding(engagementId, {
          kind: v.kind ?? 'other',
          title: (v.title ?? '').trim(),
          description: (v.description ?? '').trim(),
          amount_fen: yuanToFen(v.amount_yuan ?? 0),
          severity: v.severity ?? 'medium',
          responsible_org_id: v.responsible_org_id ?? null,
          evidence: v.evidence?.trim() || null,
        })
      }
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="kind" label={t('audits.finding.kind')} rules={[{ required: true, message: t('audits.finding.kindRequired') }]}>
            <Select options={FINDING_KINDS.map((k) => ({ value: k, label: t(`audits.kind.${k}`) }))} data-testid="finding-kind" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="severity" label={t('audits.finding.severity')} rules={[{ required: true, message: t('audits.finding.severityRequired') }]}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={SEVERITIES.map((s) => ({ value: s, label: t(`audits.severity.${s}`) }))}
              data-testid="finding-severity"
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="title" label={t('audits.finding.title')} rules={[{ required: true, whitespace: true, message: t('audits.finding.titleRequired') }]}>
        <Input maxLength={100} data-testid="finding-title" />
      </Form.Item>
      <Form.Item
        name="description"
        label={t('audits.finding.description')}
        rules={[{ required: true, whitespace: true, message: t('audits.finding.descriptionRequired') }]}
      >
        <Input.TextArea rows={3} maxLength={4000} showCount data-testid="finding-description" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="amount_yuan" label={t('audits.finding.amount')} rules={[{ required: true, message: t('audits.finding.amountRequired') }]}>
            <InputNumber<number> min={0} precision={2} step={100} style={{ width: '100%' }} suffix={t('audits.unit')} data-testid="finding-amount" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="responsible_org_id" label={t('audits.finding.responsible')}>
            <OrganisationSelect placeholder={t('audits.finding.responsiblePlaceholder')} data-testid="finding-responsible" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="evidence" label={t('audits.finding.evidence')}>
        <Input.TextArea rows={2} maxLength={4000} data-testid="finding-evidence" />
      </Form.Item>
    </ActionDialog>
  );
}

interface RectificationValues {
  action?: string;
  owner_org_id?: string;
  deadline?: string;
}

/** 添加整改措施: what must be done, by whom (default: who answers for the finding), by when. */
export function AddRectificationModal({ finding, onClose }: { finding: Finding | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <ActionDialog<RectificationValues>
      open={!!finding}
      id="rectification"
      title={t('audits.rectification.addTitle')}
      okText={t('audits.rectification.add')}
      success={t('audits.rectification.added')}
      initialValues={{ owner_org_id: finding?.responsible_org_id ?? undefined }}
      fieldPath={knownFields(['action', 'owner_org_id', 'deadline'])}
      onClose={onClose}
      onSubmit={(v) =>
        addRectification(finding?.id ?? '', {
          action: (v.action ?? '').trim(),
          owner_org_id: v.owner_org_id ?? null,
          deadline: v.deadline ?? '',
        })
      }
    >
      <Form.Item
        name="action"
        label={t('audits.rectification.action')}
        rules={[{ required: true, whitespace: true, message: t('audits.rectification.actionRequired') }]}
      >
        <Input.TextArea rows={3} maxLength={1000} showCount data-testid="rectification-action" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={14}>
          <Form.Item name="owner_org_id" label={t('audits.rectification.owner')}>
            <OrganisationSelect
              placeholder={t('audits.rectification.ownerPlaceholder')}
              known={finding?.responsible_org_id && finding.responsible_org_name ? { [finding.responsible_org_id]: finding.responsible_org_name } : undefined}
              data-testid="rectification-owner"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item
            name="deadline"
            label={t('audits.rectification.deadline')}
            rules={[{ required: true, message: t('audits.rectification.deadlineRequired') }]}
            {...dateField}
          >
            <DatePicker
              style={{ width: '100%' }}
              disabledDate={(d) => d.format('YYYY-MM-DD') < todayIso()}
              data-testid="rectification-deadline"
            />
          </Form.Item>
        </Col>
      </Row>
    </ActionDialog>
  );
}

/** 报告完成: the compound's side says the action is done, with evidence. */
export function CompleteModal({ action, onClose }: { action: Rectification | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <ActionDialog<{ evidence?: string }>
      open={!!action}
      id="complete"
      title={t('audits.rectification.completeTitle')}
      okText={t('audits.rectification.complete')}
      success={t('audits.rectification.completed')}
      fieldPath={knownFields(['evidence'])}
      onClose={onClose}
      onSubmit={(v) => completeRectification(action?.id ?? '', { evidence: (v.evidence ?? '').trim() })}
    >
      {action && <Alert type="info" showIcon title={action.action} style={{ marginBottom: 16 }} />}
      <Form.Item
        name="evidence"
        label={t('audits.rectification.completeEvidence')}
        rules={[{ required: true, whitespace: true, message: t('audits.rectification.completeEvidenceRequired') }]}
      >
        <Input.TextArea
          rows={4}
          maxLength={4000}
          showCount
          placeholder={t('audits.rectification.completeEvidencePlaceholder')}
          data-testid="complete-evidence"
        />
      </Form.Item>
    </ActionDialog>
  );
}

/** 核验 or 退回: someone other than the finding's author judges the evidence. */
export function VerifyModal({
  verdict,
  onClose,
}: {
  verdict: { action: Rectification; accepted: boolean } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const accepted = verdict?.accepted ?? true;
  return (
    <ActionDialog<{ note?: string }>
      open={!!verdict}
      id="verify"
      danger={!accepted}
      title={accepted ? t('audits.rectification.verifyTitle') : t('audits.rectification.sendBackTitle')}
      okText={accepted ? t('audits.rectification.verify') : t('audits.rectification.sendBack')}
      success={accepted ? t('audits.rectification.verified') : t('audits.rectification.sentBack')}
      fieldPath={knownFields(['note'])}
      onClose={onClose}
      onSubmit={(v) => verifyRectification(verdict?.action.id ?? '', { accepted, note: v.note?.trim() || null })}
    >
      {verdict && (
        <Alert
          type="info"
          showIcon
          title={verdict.action.action}
          description={verdict.action.completion_evidence}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form.Item
        name="note"
        label={t('audits.rectification.note')}
        extra={t('audits.rectification.verifierRule')}
        rules={accepted ? [] : [{ required: true, whitespace: true, message: t('audits.rectification.noteRequired') }]}
      >
        <Input.TextArea rows={3} maxLength={1000} showCount data-testid="verify-note" />
      </Form.Item>
    </ActionDialog>
  );
}
