import { useQueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { onSessionExpired } from '../api/client';
import type { SignInState } from './session';

/** Sends the user to the sign-in page when the session can no longer be refreshed. */
export function SessionWatcher({ children }: { children: ReactNode }) {
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const here = location.pathname + location.search;

  useEffect(
    () =>
      onSessionExpired(() => {
        queryClient.clear();
        if (window.location.pathname === '/login') return;
        const state: SignInState = { reason: 'expired', from: here };
        navigate('/login', { replace: true, state });
      }),
    [navigate, queryClient, here],
  );

  return <>{children}</>;
}
