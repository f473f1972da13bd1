import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/types';
import { UnmaskDialog } from '../../components/UnmaskDialog';
import { unmaskUser } from './api';

interface Props {
  user: Pick<User, 'id' | 'username' | 'display_name'>;
  open: boolean;
  onClose: () => void;
}

/** Asks why, then shows the user's phone in full (see `UnmaskDialog`). */
export function UnmaskModal({ user, open, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <UnmaskDialog
      open={open}
      onClose={onClose}
      title={t('users.unmaskTitle', { name: user.display_name })}
      reasonPlaceholder={t('users.reasonPlaceholder')}
      unmask={async (reason) => (await unmaskUser(user.id, reason)).phone ?? null}
      auditedNote={t('users.unmaskAudited')}
      renderResult={(phone) =>
        phone ? (
          <div>
            <Typography.Text type="secondary">{t('users.unmaskedPhone')}</Typography.Text>
            <Typography.Title level={3} style={{ margin: '4px 0 0' }} copyable data-testid="unmasked-phone">
              {phone}
            </Typography.Title>
          </div>
        ) : (
          <Alert type="info" showIcon title={t('users.unmaskedNone')} />
        )
      }
    />
  );
}
