import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { ApiError, asProblem } from '../../api/problem';
import type { ApiScope, CreatedApiKey, NewApiKey } from '../../api/types';

export const PAGE_SIZE = 20;

/** Every scope, in the order the form offers them. */
export const API_SCOPES: readonly ApiScope[] = [
  'registry:read',
  'complaints:read',
  'complaints:write',
  'open311',
  'payments:read',
  'webhooks:manage',
];

export const apiKeyKeys = {
  all: ['api-keys'] as const,
  list: (cursor: string | undefined) => ['api-keys', 'list', cursor ?? null] as const,
};

export function useApiKeyPage(cursor: string | undefined) {
  return useQuery({
    queryKey: apiKeyKeys.list(cursor),
    queryFn: () =>
      unwrap(api.GET('/api/v1/api-keys', { params: { query: { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) } } })),
    placeholderData: keepPreviousData,
  });
}

export function createApiKey(body: NewApiKey, idempotencyKey: string): Promise<CreatedApiKey> {
  return unwrap(
    api.POST('/api/v1/api-keys', { params: { header: { 'Idempotency-Key': idempotencyKey } }, body }),
  );
}

export async function revokeApiKey(id: string): Promise<void> {
  const { error, response } = await api.DELETE('/api/v1/api-keys/{id}', { params: { path: { id } } });
  if (!response.ok) throw new ApiError(response.status, asProblem(error));
}
