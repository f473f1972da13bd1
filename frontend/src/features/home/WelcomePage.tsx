import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session';

export default function WelcomePage() {
  const { t } = useTranslation();
  const { me, access } = useSession();
  return (
    <Result
      status="info"
      title={t('home.welcome', { name: me.display_name })}
      subTitle={access.modules.length === 0 ? t('home.noModules') : undefined}
    />
  );
}
