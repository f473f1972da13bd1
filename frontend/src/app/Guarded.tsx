import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { canVisit } from '../access';
import { useSession } from '../auth/session';

/** Renders the page when access.ts lets the user visit this path, else a 403. */
export function Guarded({ page }: { page: ReactNode }) {
  const { access } = useSession();
  const { pathname } = useLocation();
  const { t } = useTranslation();
  if (!canVisit(access, pathname)) {
    return <Result status="403" title="403" subTitle={t('common.forbidden')} />;
  }
  return <>{page}</>;
}
