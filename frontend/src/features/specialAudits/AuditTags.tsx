import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { SEVERITY_COLOR, STATUS_COLOR } from './model';
import type { EngagementStatus, Rectification, Severity } from './types';

export function StatusTag({ status }: { status: EngagementStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOR[status]} data-testid="engagement-status" data-status={status}>
      {t(`audits.status.${status}`)}
    </Tag>
  );
}

export function SeverityTag({ severity }: { severity: Severity }) {
  const { t } = useTranslation();
  return <Tag color={SEVERITY_COLOR[severity]}>{t(`audits.severity.${severity}`)}</Tag>;
}

export function FindingStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={status === 'closed' ? 'success' : 'warning'} data-testid="finding-status" data-status={status}>
      {t(`audits.findingStatus.${status}`, { defaultValue: status })}
    </Tag>
  );
}

export function RectificationTag({ action }: { action: Pick<Rectification, 'status' | 'overdue'> }) {
  const { t } = useTranslation();
  const color = action.status === 'verified' ? 'success' : action.status === 'completed' ? 'processing' : 'default';
  return (
    <>
      <Tag color={color} data-testid="rectification-status" data-status={action.status}>
        {t(`audits.rectificationStatus.${action.status}`)}
      </Tag>
      {action.overdue && (
        <Tag color="error" data-testid="overdue-tag">
          {t('audits.finding.overdue')}
        </Tag>
      )}
    </>
  );
}
