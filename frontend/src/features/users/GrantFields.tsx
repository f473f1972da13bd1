import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../api/types';

interface RoleSelectProps {
  value?: Role;
  onChange?: (role: Role) => void;
  roles: readonly Role[];
  id?: string;
  'data-testid'?: string;
}

/** Picks one of the roles the signed-in user may give, named in the current language. */
export function RoleSelect({ value, onChange, roles, id, 'data-testid': testId }: RoleSelectProps) {
  const { t } = useTranslation();
  return (
    <Select<Role>
      id={id}
      data-testid={testId}
      value={value}
      onChange={onChange}
      placeholder={t('users.rolePlaceholder')}
      options={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
      style={{ width: '100%' }}
    />
  );
}
