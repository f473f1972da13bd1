// The lower sections of the phone page: activities to sign up for, one's hours, a team
// leader's queue, 报到 to a compound, and 服务证明.
import { FileProtectOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Descriptions, Empty, Flex, Form, Input, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dayjs, type Dayjs } from '../../lib/dates';
import { CompoundSelect } from '../registry/CompoundSelect';
import {
  cancelSignUp,
  decideReport,
  fetchCertificateHtml,
  issueCertificate,
  requestReport,
  signUp,
  useActivities,
  useCheckIns,
  useReports,
  volunteeringKeys,
} from './api';
import { span, when } from './times';
import { Hours } from './Hours';
import { PhaseTag, ReportStatusTag, VerificationTag } from './VolunteeringTags';
import { CapacityBar } from './CapacityBar';
import { FlagMark } from './CheckInTable';
import { useRefusal } from './Refusal';
import { Figure } from './Figure';
import { capacityOf, reportActive } from './model';
import type { Activity, Certificate, MyVolunteering } from './types';
import { PENDING_QUERY, VerifyButtons } from './VerifyTab';

const TOUCH = { minHeight: 44 } as const;

/** 近期活动: the next 30 days' activities with 报名 / 取消报名. */
export function ActivitiesCard() {
  const { t, i18n } = useTranslation();
  const activities = useActivities({});
  const items = (activities.data?.items ?? []).filter((a) => a.status !== 'cancelled' || a.signed_up_by_me);
  return (
    <Card title={t('volunteering.my.activities')} size="small" data-testid="my-activities">
      {items.length === 0 ? (
        <Empty description={activities.isPending ? t('common.loading') : t('volunteering.my.noActivities')} />
      ) : (
        <List
          dataSource={items}
          renderItem={(a) => (
            <List.Item data-testid="my-activity" style={{ display: 'block' }}>
              <Flex justify="space-between" gap={8} align="start">
                <div style={{ minWidth: 0 }}>
                  <Typography.Text strong>{a.title}</Typography.Text> <PhaseTag activity={a} />
                  {a.signed_up_by_me && <Tag color="green">{t('volunteering.my.signedUp')}</Tag>}
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {span(a.starts_at, a.ends_at, i18n.language)} · {a.place_name}
                      {a.team_name ? ` · ${a.team_name}` : ''}
                    </Typography.Text>
                  </div>
                </div>
                <SignUpButton activity={a} />
              </Flex>
              <CapacityBar activity={a} compact />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

function SignUpButton({ activity: a }: { activity: Activity }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refuse = useRefusal();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  if (a.status === 'cancelled' || Date.parse(a.ends_at) < Date.now()) return null;
  async function run(fn: () => Promise<unknown>, done: string) {
    setBusy(true);
    try {
      await fn();
      void message.success(done);
      await queryClient.invalidateQueries({ queryKey: volunteeringKeys.all });
    } catch (e) {
      refuse(e);
      await queryClient.invalidateQueries({ queryKey: volunteeringKeys.all });
    } finally {
      setBusy(false);
    }
  }
  if (a.signed_up_by_me) {
    return (
      <Popconfirm title={t('volunteering.my.cancelSignUpConfirm')} onConfirm={() => void run(() => cancelSignUp(a.id), t('volunteering.my.signUpCancelled'))}>
        <Button style={TOUCH} loading={busy} data-testid="cancel-sign-up">
          {t('volunteering.my.cancelSignUp')}
        </Button>
      </Popconfirm>
    );
  }
  const full = capacityOf(a).full;
  return (
    <Button type="primary" style={TOUCH} loading={busy} disabled={full} onClick={() => void run(() => signUp(a.id), t('volunteering.my.signedUpOk'))} data-testid="sign-up">
      {full ? t('volunteering.activity.full') : t('volunteering.my.signUp')}
    </Button>
  );
}

/** 我的服务时长: verified and pending hours, and each check-in with its verification. */
export function HoursCard({ mine }: { mine: MyVolunteering | undefined }) {
  const { t, i18n } = useTranslation();
  const history = useCheckIns({ mine: true, limit: 100 });
  const all = history.data?.items ?? [];
  const [shown, setShown] = useState(SHORT_LIST);
  const items = all.slice(0, shown);
  return (
    <Card title={t('volunteering.my.hours')} size="small" data-testid="my-hours">
      <Flex gap={24} wrap style={{ marginBottom: 8 }}>
        <Figure label={t('volunteering.my.verifiedHours')} value={<Hours minutes={mine?.verified_minutes ?? 0} />} testId="my-verified" />
        <Figure label={t('volunteering.my.pendingHours')} value={<Hours minutes={mine?.pending_minutes ?? 0} />} testId="my-pending" />
      </Flex>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('volunteering.my.hoursHelp')}
      </Typography.Paragraph>
      <List
        dataSource={items}
        locale={{ emptyText: t('volunteering.my.noHistory') }}
        renderItem={(c) => (
          <List.Item data-testid="my-check-in" data-id={c.id}>
            <div style={{ minWidth: 0, flex: 1 }}>
              <Typography.Text>{c.activity_title ?? c.place_name}</Typography.Text>
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {when(c.checked_in_at, i18n.language)}
                  {c.checked_out_at ? ` · ${t('volunteering.minutesValue', { minutes: c.minutes ?? 0 })}` : ` · ${t('volunteering.checkIn.open')}`}
                </Typography.Text>
              </div>
            </div>
            <Space size={4} wrap>
              {c.checked_out_at && <VerificationTag value={c.verification} />}
              <FlagMark c={c} />
            </Space>
          </List.Item>
        )}
      />
      <MoreButton shown={shown} total={all.length} onMore={() => setShown((n) => n + SHORT_LIST * 2)} />
    </Card>
  );
}

/** How many rows a phone list shows before 显示更多. */
const SHORT_LIST = 10;

function MoreButton({ shown, total, onMore }: { shown: number; total: number; onMore: () => void }) {
  const { t } = useTranslation();
  if (total <= shown) return null;
  return (
    <Button block type="link" style={TOUCH} onClick={onMore} data-testid="show-more">
      {t('volunteering.my.showMore', { count: total - shown })}
    </Button>
  );
}

/** A team leader's queue: their members' closed check-ins waiting for a verdict. */
export function LeaderCard({ personId }: { personId: string }) {
  const { t, i18n } = useTranslation();
  const pending = useCheckIns(PENDING_QUERY);
  // Nobody verifies their own hours.
  const all = (pending.data?.items ?? []).filter((c) => c.person_id !== personId);
  const [shown, setShown] = useState(SHORT_LIST);
  const items = all.slice(0, shown);
  return (
    <Card title={t('volunteering.my.leaderQueue', { count: all.length })} size="small" data-testid="leader-queue" id="leader-queue">
      {items.length === 0 ? (
        <Empty description={pending.isPending ? t('common.loading') : t('volunteering.my.leaderEmpty')} />
      ) : (
        <List
          dataSource={items}
          renderItem={(c) => (
            <List.Item data-testid="leader-item" data-id={c.id} style={{ display: 'block', background: c.flagged ? '#fff2e8' : undefined }}>
              <Typography.Text strong>{c.person_name}</Typography.Text> · {c.activity_title ?? c.place_name}
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {span(c.checked_in_at, c.checked_out_at ?? c.checked_in_at, i18n.language)} · {t('volunteering.minutesValue', { minutes: c.minutes ?? 0 })}
                </Typography.Text>
              </div>
              <FlagMark c={c} />
              <div style={{ marginTop: 8 }}>
                <VerifyButtons checkIn={c} size="large" />
              </div>
            </List.Item>
          )}
        />
      )}
      <MoreButton shown={shown} total={all.length} onMore={() => setShown((n) => n + SHORT_LIST * 2)} />
    </Card>
  );
}

/** 进小区报到: the member's report to a compound, and asking for one. */
export function ReportCard({ mine }: { mine: MyVolunteering }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const refuse = useRefusal();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ compound_id: string; note?: string }>();
  const [busy, setBusy] = useState(false);
  // The active report, else the latest one (a declined request shows its reason).
  const own = useReports(undefined);
  const report = mine.report ?? own.data?.items[0] ?? null;

  async function run(fn: () => Promise<unknown>, done: string) {
    setBusy(true);
    try {
      await fn();
      void message.success(done);
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: volunteeringKeys.all });
    } catch (e) {
      refuse(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={t('volunteering.my.report')} size="small" data-testid="my-report">
      {report && (
        <Descriptions
          size="small"
          column={1}
          style={{ marginBottom: 12 }}
          items={[
            { key: 'compound', label: t('volunteering.report.compound'), children: report.compound_name },
            { key: 'status', label: t('volunteering.report.status'), children: <ReportStatusTag value={report.status} /> },
            { key: 'at', label: t('volunteering.report.requestedAt'), children: when(report.requested_at, i18n.language) },
            ...(report.decline_reason ? [{ key: 'reason', label: t('volunteering.report.reason'), children: report.decline_reason }] : []),
          ]}
        />
      )}
      {report?.status === 'requested' && (
        <Popconfirm title={t('volunteering.my.withdrawConfirm')} onConfirm={() => void run(() => decideReport(report.id, 'withdraw'), t('volunteering.report.done.withdraw'))}>
          <Button block style={TOUCH} loading={busy} data-testid="report-withdraw">
            {t('volunteering.my.withdraw')}
          </Button>
        </Popconfirm>
      )}
      {report?.status === 'confirmed' && (
        <Popconfirm title={t('volunteering.my.endConfirm')} onConfirm={() => void run(() => decideReport(report.id, 'end'), t('volunteering.report.done.end'))}>
          <Button block style={TOUCH} loading={busy} data-testid="report-end">
            {t('volunteering.my.endReport')}
          </Button>
        </Popconfirm>
      )}
      {!reportActive(report) && (
        <Form
          form={form}
          layout="vertical"
          data-testid="report-form"
          onFinish={(v) => void run(() => requestReport(v.compound_id, v.note?.trim() || null), t('volunteering.my.reportRequested'))}
        >
          <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
            {t('volunteering.my.reportHelp')}
          </Typography.Paragraph>
          <Form.Item name="compound_id" label={t('volunteering.report.compound')} rules={[{ required: true, message: t('validation.required') }]}>
            <CompoundSelect placeholder={t('common.compoundPlaceholder')} data-testid="report-compound" />
          </Form.Item>
          <Form.Item name="note" label={t('volunteering.report.note')} rules={[{ max: 500 }]}>
            <Input.TextArea rows={2} maxLength={500} placeholder={t('volunteering.my.notePlaceholder')} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block style={TOUCH} loading={busy} data-testid="report-submit">
            {t('volunteering.my.requestReport')}
          </Button>
        </Form>
      )}
    </Card>
  );
}

/** 服务证明: a certificate of one's verified hours over a period, printable and checkable. */
export function CertificateCard() {
  const { t } = useTranslation();
  const refuse = useRefusal();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().startOf('year'), dayjs()]);
  const [busy, setBusy] = useState(false);
  const [cert, setCert] = useState<Certificate | null>(null);

  async function issue() {
    setBusy(true);
    try {
      setCert(await issueCertificate(range[0].format('YYYY-MM-DD'), range[1].format('YYYY-MM-DD')));
    } catch (e) {
      refuse(e);
    } finally {
      setBusy(false);
    }
  }

  /** The printable page needs the token: read it here and open it from a blob. */
  async function print(c: Certificate) {
    // Opened now, while the tap still counts, so no popup blocker stops it.
    const win = window.open('', '_blank');
    try {
      const html = await fetchCertificateHtml(c.code);
      const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
      if (win) win.location.href = url;
      else window.location.assign(url);
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (e) {
      win?.close();
      refuse(e);
    }
  }

  const verifyLink = cert ? new URL(cert.verify_url, window.location.origin).toString() : '';
  return (
    <Card title={t('volunteering.cert.title')} size="small" data-testid="my-certificate">
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('volunteering.cert.help')}
      </Typography.Paragraph>
      <DatePicker.RangePicker
        value={range}
        allowClear={false}
        inputReadOnly
        style={{ width: '100%', marginBottom: 12 }}
        onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
        disabledDate={(d) => d.isAfter(dayjs().endOf('day'))}
        data-testid="cert-range"
      />
      <Button block style={TOUCH} icon={<FileProtectOutlined />} loading={busy} onClick={() => void issue()} data-testid="cert-issue">
        {t('volunteering.cert.issue')}
      </Button>
      {cert && (
        <Alert
          type="success"
          style={{ marginTop: 12 }}
          data-testid="cert-result"
          title={t('volunteering.cert.issued', { hours: (Math.round(cert.total_minutes / 6) / 10).toFixed(1), activities: cert.activities })}
          description={
            <Space orientation="vertical" size={4} style={{ width: '100%' }}>
              <span>
                {t('volunteering.cert.code')}：
                <Typography.Text copyable strong style={{ fontFamily: 'monospace', fontSize: 18 }} data-testid="cert-code">
                  {cert.code}
                </Typography.Text>
              </span>
              <span>
                {t('volunteering.cert.verifyAt')}：
                <Typography.Link href={verifyLink} target="_blank" rel="noreferrer" copyable={{ text: verifyLink }} data-testid="cert-verify-link">
                  {verifyLink}
                </Typography.Link>
              </span>
              <Button icon={<PrinterOutlined />} onClick={() => void print(cert)} style={TOUCH} data-testid="cert-print">
                {t('volunteering.cert.print')}
              </Button>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {t('volunteering.cert.printHelp')}
              </Typography.Text>
            </Space>
          }
        />
      )}
    </Card>
  );
}
