import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { activityPhase, PHASE_COLOR, REPORT_STATUS_COLOR, reportStatusOf, VERIFICATION_COLOR, verificationOf } from './model';
import type { Activity } from './types';

export function VerificationTag({ value }: { value: string }) {
  const { t } = useTranslation();
  const v = verificationOf(value);
  return (
    <Tag color={VERIFICATION_COLOR[v]} data-testid="verification-tag">
      {t(`volunteering.verification.${v}`)}
    </Tag>
  );
}

export function ReportStatusTag({ value }: { value: string }) {
  const { t } = useTranslation();
  const s = reportStatusOf(value);
  return (
    <Tag color={REPORT_STATUS_COLOR[s]} data-testid="report-status">
      {t(`volunteering.reportStatus.${s}`)}
    </Tag>
  );
}

export function PhaseTag({ activity }: { activity: Pick<Activity, 'status' | 'starts_at' | 'ends_at'> }) {
  const { t } = useTranslation();
  const phase = activityPhase(activity, Date.now());
  return (
    <Tag color={PHASE_COLOR[phase]} data-testid="activity-phase">
      {t(`volunteering.phase.${phase}`)}
    </Tag>
  );
}
