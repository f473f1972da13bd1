import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Result, Spin } from 'antd';
import { useCallback, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { deriveAccess, needsComplaintCounts } from '../access';
import { api, hasSession, signOut, unwrap } from '../api/client';
import { ApiError, errorNotice } from '../api/problem';
import { translate } from '../i18n';
import { COMPLAINT_COUNTS_KEY, ME_QUERY_KEY, SessionContext, type Session, type SignInState } from './session';

/** Loads /api/v1/me for a signed-in tab; otherwise sends the user to sign in. */
export function RequireSession({ children }: { children: ReactNode }) {
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  const signedIn = hasSession();

  const me = useQuery({
    queryKey: ME_QUERY_KEY,
    queryFn: () => unwrap(api.GET('/api/v1/me')),
    enabled: signedIn,
    staleTime: 5 * 60_000,
  });

  // Staff without `complaints.read` see the inbox when their organisation handles complaints.
  const askCounts = !!me.data && needsComplaintCounts(me.data);
  const counts = useQuery({
    queryKey: COMPLAINT_COUNTS_KEY,
    queryFn: () => unwrap(api.GET('/api/v1/complaints/counts')),
    enabled: askCounts,
    staleTime: 60_000,
  });
  const handlesComplaints = askCounts && (counts.data ?? []).some((c) => c.count > 0);

  const doSignOut = useCallback(async () => {
    await signOut();
    queryClient.clear();
    const state: SignInState = { reason: 'signed_out' };
    navigate('/login', { replace: true, state });
  }, [navigate, queryClient]);

  const session = useMemo<Session | null>(
    () =>
      me.data ? { me: me.data, access: deriveAccess(me.data, { handlesComplaints }), signOut: doSignOut } : null,
    [me.data, handlesComplaints, doSignOut],
  );

  if (!signedIn || (me.error instanceof ApiError && me.error.status === 401)) {
    const state: SignInState = { from: location.pathname + location.search };
    return <Navigate to="/login" replace state={state} />;
  }
  if (me.isPending || (askCounts && counts.isPending)) {
    return (
      <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center' }}>
        <Spin size="large" description={t('common.loading')} />
      </div>
    );
  }
  if (!session) {
    return (
      <Result
        status="error"
        title={t('common.loadFailed')}
        subTitle={errorNotice(me.error, translate).message}
        extra={<Button onClick={() => void me.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
