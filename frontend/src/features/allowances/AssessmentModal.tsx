import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { versionTag } from '../../api/client';
import { knownFields } from '../../api/problem';
import { dateField } from '../../lib/dates';
import { testId } from '../../lib/testId';
import { useProblem } from '../../lib/useProblem';
import { isStale } from '../registry/isStale';
import { PersonSelect } from '../registry/PersonSelect';
import { createAssessment, updateAssessment } from './api';
import { codeLabel, RESULTS } from './model';
import { translate } from '../../i18n';
import type { Assessment, AssessmentInput, AssessmentResult } from './types';

interface Values {
  person_id?: string;
  period_start?: string;
  period_end?: string;
  score?: number | null;
  result?: AssessmentResult;
  assessor?: string;
  notes?: string;
}

const FIELDS = knownFields(['person_id', 'period_start', 'period_end', 'score', 'result', 'assessor', 'notes']);

function toValues(a: Assessment): Values {
  return {
    person_id: a.person_id,
    period_start: a.period_start,
    period_end: a.period_end,
    score: a.score,
    result: a.result,
    assessor: a.assessor,
    notes: a.notes ?? undefined,
  };
}

function toBody(v: Values): AssessmentInput {
  return {
    person_id: v.person_id ?? '',
    period_start: v.period_start ?? '',
    period_end: v.period_end ?? '',
    score: v.score ?? 0,
    result: v.result ?? 'qualified',
    assessor: (v.assessor ?? '').trim(),
    notes: v.notes?.trim() ? v.notes.trim() : null,
  };
}

/**
 * 新增 / 修改考评. A correction of an assessment a cycle already used flags that cycle
 * (its preparer regenerates the draft); the form says so before saving. Saved with
 * `If-Match` from the list's version: a change by someone else meanwhile is not overwritten.
 */
export function AssessmentModal({
  open,
  onClose,
  assessment,
  onSaved,
}: {
  open: boolean;
  onClose: () => void;
  assessment?: Assessment;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { message, notification } = App.useApp();
  const { showOnForm } = useProblem();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const editing = !!assessment;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (assessment) form.setFieldsValue(toValues(assessment));
  }, [open, assessment, form]);

  async function save(values: Values) {
    setSaving(true);
    try {
      const body = toBody(values);
      if (assessment) await updateAssessment(assessment.id, versionTag(assessment.version), body);
      else await createAssessment(body);
      void message.success(editing ? t('allowances.assessments.saved') : t('allowances.assessments.created'));
      onSaved();
      onClose();
    } catch (e) {
      if (isStale(e)) {
        // Someone corrected it meanwhile: show the list as it is now rather than overwrite.
        notification.warning({ title: t('allowances.assessments.stale'), placement: 'topRight' });
        void queryClient.invalidateQueries({ queryKey: ['allowances', 'assessments'] });
        onClose();
      } else {
        showOnForm(form, e, FIELDS);
      }
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={open}
      title={editing ? t('allowances.assessments.editTitle', { name: assessment?.person_name ?? '' }) : t('allowances.assessments.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      okButtonProps={{ ...testId('save-assessment') }}
      width={640}
      forceRender
    >
      {assessment && assessment.used_by_cycles > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="assessment-used-warning"
          title={t('allowances.assessments.usedWarning', { count: assessment.used_by_cycles })}
        />
      )}
      <Form<Values> form={form} layout="vertical" onFinish={save} data-testid="assessment-form" autoComplete="off">
        <Form.Item
          name="person_id"
          label={t('allowances.assessments.person')}
          extra={editing ? t('allowances.assessments.personFixed') : undefined}
          rules={[{ required: true, message: t('allowances.assessments.personRequired') }]}
        >
          <PersonSelect disabled={editing} known={assessment ? { [assessment.person_id]: assessment.person_name } : undefined} data-testid="assessment-person" />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="period_start" label={t('allowances.assessments.periodStart')} {...dateField} rules={[{ required: true, message: t('allowances.assessments.dateRequired') }]}>
              <DatePicker style={{ width: '100%' }} data-testid="assessment-start" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="period_end"
              label={t('allowances.assessments.periodEnd')}
              {...dateField}
              dependencies={['period_start']}
              rules={[
                { required: true, message: t('allowances.assessments.dateRequired') },
                ({ getFieldValue }) => ({
                  validator: async (_, end?: string) => {
                    const start: string | undefined = getFieldValue('period_start');
                    if (start && end && end < start) throw new Error(t('allowances.assessments.endBeforeStart'));
                  },
                }),
              ]}
            >
              <DatePicker style={{ width: '100%' }} data-testid="assessment-end" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="score" label={t('allowances.assessments.score')} rules={[{ required: true, type: 'number', min: 0, max: 100, message: t('allowances.assessments.scoreRange') }]}>
              <InputNumber<number> style={{ width: '100%' }} min={0} max={100} precision={0} data-testid="assessment-score" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="result" label={t('allowances.assessments.result')} rules={[{ required: true, message: t('allowances.assessments.resultRequired') }]}>
              <Select data-testid="assessment-result" options={RESULTS.map((r) => ({ value: r, label: codeLabel('results', r, translate) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="assessor" label={t('allowances.assessments.assessor')} rules={[{ required: true, whitespace: true, message: t('allowances.assessments.assessorRequired') }]}>
          <Input maxLength={100} placeholder={t('allowances.assessments.assessorPlaceholder')} data-testid="assessment-assessor" />
        </Form.Item>
        <Form.Item name="notes" label={t('allowances.assessments.notes')}>
          <Input.TextArea rows={2} maxLength={1000} showCount data-testid="assessment-notes" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
