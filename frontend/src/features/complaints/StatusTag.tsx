import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ComplaintStatus } from '../../api/types';
import { STATUS_COLOR } from './model';

export function StatusTag({ status }: { status: ComplaintStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOR[status]} data-testid="complaint-status">
      {t(`complaintStatus.${status}`)}
    </Tag>
  );
}
