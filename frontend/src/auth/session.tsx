import { createContext, useContext } from 'react';
import type { Access } from '../access';
import type { Me } from '../api/types';

export interface Session {
  me: Me;
  access: Access;
  signOut(): Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

/** The signed-in user; only usable below RequireSession. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside RequireSession');
  return session;
}

export const ME_QUERY_KEY = ['me'] as const;
/** GET /complaints/counts: inbox badges, and whether a handler sees the inbox at all. */
export const COMPLAINT_COUNTS_KEY = ['complaints', 'counts'] as const;

/** Why the sign-in page is shown, passed in navigation state. */
export type SignInReason = 'expired' | 'signed_out' | 'password_changed';
export interface SignInState {
  reason?: SignInReason;
  from?: string;
}
