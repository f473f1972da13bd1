import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { ApiError, asProblem } from '../../api/problem';
import type { Area, AreaKind, AreaUpdate, NewArea } from '../../api/types';

export const AREA_KINDS: readonly AreaKind[] = ['district', 'subdistrict', 'community', 'compound', 'building'];

/** The kind of area that sits directly below `kind`, if any. */
export function childKind(kind: AreaKind): AreaKind | null {
  const i = AREA_KINDS.indexOf(kind);
  return i >= 0 && i < AREA_KINDS.length - 1 ? AREA_KINDS[i + 1] : null;
}

export const areaKeys = {
  all: ['areas'] as const,
  children: (parentId: string | null) => ['areas', 'children', parentId] as const,
  one: (id: string) => ['areas', 'one', id] as const,
};

const MAX_PAGES = 50;

/** Every child of an area (or the caller's top areas for null), following the cursor. */
export async function fetchChildren(parentId: string | null): Promise<Area[]> {
  const items: Area[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const data = await unwrap(
      api.GET('/api/v1/areas', {
        params: { query: { ...(parentId ? { parent_id: parentId } : {}), limit: 100, ...(cursor ? { cursor } : {}) } },
      }),
    );
    items.push(...data.items);
    if (!data.next_cursor) break;
    cursor = data.next_cursor;
  }
  return items;
}

export function loadChildren(queryClient: QueryClient, parentId: string | null): Promise<Area[]> {
  return queryClient.fetchQuery({
    queryKey: areaKeys.children(parentId),
    queryFn: () => fetchChildren(parentId),
    staleTime: 60_000,
  });
}

export interface AreaWithTag {
  area: Area;
  /** The ETag to send back as If-Match when saving. */
  etag: string | null;
}

export function fetchArea(id: string): Promise<AreaWithTag> {
  return api.GET('/api/v1/areas/{id}', { params: { path: { id } } }).then(({ data, error, response }) => {
    if (!response.ok || !data) throw new ApiError(response.status, asProblem(error));
    return { area: data, etag: response.headers.get('ETag') };
  });
}

export function useArea(id: string | undefined) {
  return useQuery({
    queryKey: areaKeys.one(id ?? ''),
    queryFn: () => fetchArea(id!),
    enabled: !!id,
    staleTime: 60_000,
  });
}

export function createArea(body: NewArea): Promise<Area> {
  return unwrap(api.POST('/api/v1/areas', { body }));
}

export function updateArea(id: string, etag: string, body: AreaUpdate): Promise<Area> {
  return unwrap(
    api.PUT('/api/v1/areas/{id}', { params: { path: { id }, header: { 'If-Match': etag } }, body }),
  );
}
