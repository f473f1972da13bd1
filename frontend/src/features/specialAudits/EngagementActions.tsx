import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Tagged } from '../../api/client';
import { ApiError, knownFields } from '../../api/problem';
import { testId } from '../../lib/testId';
import { useProblem } from '../../lib/useProblem';
import { isStale } from '../registry/isStale';
import { auditKeys, transitionEngagement, useAuditsChanged } from './api';
import { nextSteps, OPINIONS, type NextStep } from './model';
import type { Engagement, Opinion } from './types';

interface Values {
  opinion?: Opinion;
  report_summary?: string;
}

const FIELDS = knownFields(['opinion', 'report_summary']);

function stepLabel(step: NextStep, t: (key: string) => string): string {
  return step.forward ? t(`audits.moveTo.${step.to}`) : t(`audits.backTo.${step.to}`);
}

/** Moves the engagement one step with `If-Match`; the final report asks for the opinion. */
function TransitionDialog({ engagement, step, onClose }: { engagement: Tagged<Engagement>; step: NextStep | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message, notification } = App.useApp();
  const { showOnForm, notify } = useProblem();
  const queryClient = useQueryClient();
  const changed = useAuditsChanged();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const e = engagement.data;

  async function submit(v: Values) {
    if (!step) return;
    setBusy(true);
    try {
      const summary = v.report_summary?.trim();
      const saved = await transitionEngagement(e.id, engagement.etag ?? '*', {
        to: step.to,
        ...(step.needsOpinion ? { opinion: v.opinion ?? null, report_summary: summary || null } : {}),
      });
      queryClient.setQueryData(auditKeys.engagement(e.id), saved);
      void changed();
      void message.success(t('audits.engagement.moved', { status: t(`audits.status.${step.to}`) }));
      onClose();
    } catch (err) {
      if (isStale(err)) {
        notification.warning({ title: t('audits.engagement.stale'), placement: 'topRight' });
        void changed();
        onClose();
      } else if (err instanceof ApiError && (err.status === 409 || err.status === 403)) {
        // The state moved on or findings are still open: the server's words say which.
        notify(err);
        void changed();
        onClose();
      } else {
        showOnForm(form, err, FIELDS);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={!!step}
      title={step ? stepLabel(step, t) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={step ? stepLabel(step, t) : ''}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, danger: step ? !step.forward : false, ...testId('transition-submit') }}
      destroyOnHidden
    >
      {step && (
        <Form<Values> form={form} layout="vertical" preserve={false} onFinish={submit} data-testid="transition-form">
          <Typography.Paragraph>{t('audits.engagement.confirmMove', { status: t(`audits.status.${step.to}`) })}</Typography.Paragraph>
          {step.needsOpinion && (
            <>
              <Form.Item name="opinion" label={t('audits.engagement.opinion')} rules={[{ required: true, message: t('audits.engagement.opinionRequired') }]}>
                <Radio.Group data-testid="transition-opinion">
                  <Space orientation="vertical">
                    {OPINIONS.map((o) => (
                      <Radio key={o} value={o} data-testid={`opinion-${o}`}>
                        {t(`audits.opinion.${o}`)}
                      </Radio>
                    ))}
                  </Space>
                </Radio.Group>
              </Form.Item>
              <Form.Item name="report_summary" label={t('audits.engagement.reportSummary')}>
                <Input.TextArea
                  rows={4}
                  maxLength={4000}
                  showCount
                  placeholder={t('audits.engagement.reportSummaryPlaceholder')}
                  data-testid="transition-summary"
                />
              </Form.Item>
            </>
          )}
        </Form>
      )}
    </Modal>
  );
}

/** One button per status the engagement may move to now (the server's `next`). */
export function EngagementActions({ engagement }: { engagement: Tagged<Engagement> }) {
  const { t } = useTranslation();
  const [step, setStep] = useState<NextStep | null>(null);
  const steps = nextSteps(engagement.data.status, engagement.data.next);
  if (steps.length === 0) return null;
  return (
    <>
      <Space wrap data-testid="engagement-actions">
        {steps.map((s, i) => (
          <Button
            key={s.to}
            type={i === 0 && s.forward ? 'primary' : 'default'}
            danger={!s.forward}
            onClick={() => setStep(s)}
            data-testid={`transition-${s.to}`}
          >
            {stepLabel(s, t)}
          </Button>
        ))}
      </Space>
      <TransitionDialog engagement={engagement} step={step} onClose={() => setStep(null)} />
    </>
  );
}
