import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserGrant } from '../../api/types';

/** A user's grants as tags: role (in words) and the area it covers. */
export function GrantTags({ grants }: { grants: readonly UserGrant[] }) {
  const { t } = useTranslation();
  return (
    <>
      {grants.map((g) => (
        <Tag key={g.id} color={g.role === 'district_admin' ? 'red' : 'blue'} data-testid="grant-tag" style={{ marginBottom: 4 }}>
          {t('users.grantTag', { role: t(`roles.${g.role}`), area: g.area_name })}
        </Tag>
      ))}
    </>
  );
}

/** Active or deactivated. */
export function ActiveTag({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return active ? <Tag color="green">{t('users.active')}</Tag> : <Tag>{t('users.inactive')}</Tag>;
}
