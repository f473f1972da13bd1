import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, unwrapTagged, type Tagged } from '../../api/client';
import type { GrantInput, NewUser, Unmasked, User, UserQuery, UserUpdate } from '../../api/types';

export const PAGE_SIZE = 20;

/** The contract's patterns for these fields, checked in the form first to save a round trip. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,63}$/;
export const PHONE_PATTERN = /^\+?[0-9]{5,20}$/;

export const userKeys = {
  all: ['users'] as const,
  list: (q: string, cursor: string | undefined) => ['users', 'list', q, cursor ?? null] as const,
  one: (id: string) => ['users', 'one', id] as const,
};

export function useUserPage(q: string, cursor: string | undefined) {
  return useQuery({
    queryKey: userKeys.list(q, cursor),
    queryFn: () => {
      const query: UserQuery = { limit: PAGE_SIZE };
      if (q.trim()) query.q = q.trim();
      if (cursor) query.cursor = cursor;
      return unwrap(api.GET('/api/v1/users', { params: { query } }));
    },
    placeholderData: keepPreviousData,
  });
}

export function fetchUser(id: string): Promise<Tagged<User>> {
  return unwrapTagged(api.GET('/api/v1/users/{id}', { params: { path: { id } } }));
}

export function useUser(id: string | undefined) {
  return useQuery({
    queryKey: userKeys.one(id ?? ''),
    queryFn: () => fetchUser(id!),
    enabled: !!id,
  });
}

export function createUser(body: NewUser, idempotencyKey: string): Promise<Tagged<User>> {
  return unwrapTagged(
    api.POST('/api/v1/users', { params: { header: { 'Idempotency-Key': idempotencyKey } }, body }),
  );
}

export function updateUser(id: string, etag: string, body: UserUpdate): Promise<Tagged<User>> {
  return unwrapTagged(
    api.PUT('/api/v1/users/{id}', { params: { path: { id }, header: { 'If-Match': etag } }, body }),
  );
}

export function addGrant(id: string, etag: string, body: GrantInput): Promise<Tagged<User>> {
  return unwrapTagged(
    api.POST('/api/v1/users/{id}/grants', { params: { path: { id }, header: { 'If-Match': etag } }, body }),
  );
}

export function removeGrant(id: string, grantId: string, etag: string): Promise<Tagged<User>> {
  return unwrapTagged(
    api.DELETE('/api/v1/users/{id}/grants/{grant_id}', {
      params: { path: { id, grant_id: grantId }, header: { 'If-Match': etag } },
    }),
  );
}

/** The user's phone in full. Audited with the reason; the answer is never cached. */
export function unmaskUser(id: string, reason: string): Promise<Unmasked> {
  return unwrap(api.POST('/api/v1/users/{id}/unmask', { params: { path: { id } }, body: { reason } }));
}
