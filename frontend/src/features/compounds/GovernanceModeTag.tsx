import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { GovernanceMode } from '../../api/types';
import { MODE_COLOURS } from './api';

export function GovernanceModeTag({ mode }: { mode: GovernanceMode }) {
  const { t } = useTranslation();
  return (
    <Tag color={MODE_COLOURS[mode]} data-mode={mode}>
      {t(`governanceModes.${mode}`)}
    </Tag>
  );
}
