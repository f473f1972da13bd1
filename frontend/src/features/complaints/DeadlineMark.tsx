import { ClockCircleOutlined } from '@ant-design/icons';
import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Complaint } from '../../api/types';
import { countdown, currentDeadline } from './model';

/** 超期 tag plus the time left (or overdue by) for the deadline that counts now. */
export function DeadlineMark({ complaint }: { complaint: Pick<Complaint, 'status' | 'sign_by' | 'resolve_by' | 'overdue' | 'escalation_level'> }) {
  const { t } = useTranslation();
  const deadline = currentDeadline(complaint);
  const left = deadline ? countdown(deadline.at) : null;
  const overdue = complaint.overdue || !!left?.overdue;
  return (
    <Space size={4} wrap>
      {overdue && (
        <Tag color="red" data-testid="overdue-tag">
          {t('complaints.overdue')}
        </Tag>
      )}
      {complaint.escalation_level > 0 && (
        <Tag color="volcano">{t(`complaints.escalation${complaint.escalation_level >= 2 ? 2 : 1}`)}</Tag>
      )}
      {deadline && left && (
        <Typography.Text type={overdue ? 'danger' : 'secondary'} style={{ whiteSpace: 'nowrap' }}>
          <ClockCircleOutlined />{' '}
          {t(left.overdue ? 'complaints.overBy' : 'complaints.timeLeft', {
            kind: t(`complaints.deadline_${deadline.kind}`),
            days: left.days,
            hours: left.hours,
            minutes: left.minutes,
          })}
        </Typography.Text>
      )}
    </Space>
  );
}
