import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, unwrapTagged, versionTag, type Tagged } from '../../api/client';
import type { PersonalData, Person, PersonInput, PersonQuery, Post, PostInput, PostQuery } from '../../api/types';

export const PAGE_SIZE = 20;

/** The contract's rules for these fields, checked in the form first to save a round trip. */
export const PHONE_PATTERN = /^\+?[0-9]{5,20}$/;
export const ID_NUMBER_PATTERN = /^[0-9]{17}[0-9Xx]$/;

export interface PersonFilters {
  name?: string;
  compound_id?: string;
  /** `yes` / `no`: party members only, or everyone else. */
  party?: 'yes' | 'no';
}

export const personKeys = {
  all: ['people'] as const,
  list: (filters: PersonFilters, cursor: string | undefined) => ['people', 'list', filters, cursor ?? null] as const,
  one: (id: string) => ['people', 'one', id] as const,
  search: (text: string) => ['people', 'search', text] as const,
};

export const postKeys = {
  all: ['posts'] as const,
  of: (filter: { person_id?: string; organisation_id?: string }) => ['posts', 'of', filter] as const,
};

function toQuery(filters: PersonFilters): PersonQuery {
  const q: PersonQuery = {};
  if (filters.name?.trim()) q.name = filters.name.trim();
  if (filters.compound_id) q.compound_id = filters.compound_id;
  if (filters.party) q.is_party_member = filters.party === 'yes';
  return q;
}

export function fetchPersonPage(filters: PersonFilters, cursor?: string, limit = PAGE_SIZE) {
  return unwrap(
    api.GET('/api/v1/people', { params: { query: { ...toQuery(filters), limit, ...(cursor ? { cursor } : {}) } } }),
  );
}

export function usePersonPage(filters: PersonFilters, cursor: string | undefined) {
  return useQuery({
    queryKey: personKeys.list(filters, cursor),
    queryFn: () => fetchPersonPage(filters, cursor),
    placeholderData: keepPreviousData,
  });
}

export function fetchPerson(id: string): Promise<Tagged<Person>> {
  return unwrapTagged(api.GET('/api/v1/people/{id}', { params: { path: { id } } }));
}

export function usePerson(id: string | undefined) {
  return useQuery({ queryKey: personKeys.one(id ?? ''), queryFn: () => fetchPerson(id!), enabled: !!id });
}

export function createPerson(body: PersonInput): Promise<Tagged<Person>> {
  return unwrapTagged(api.POST('/api/v1/people', { body }));
}

export function updatePerson(id: string, etag: string, body: PersonInput): Promise<Tagged<Person>> {
  return unwrapTagged(api.PUT('/api/v1/people/{id}', { params: { path: { id }, header: { 'If-Match': etag } }, body }));
}

/** The person's phone and ID number in full. Audited with the reason; never cached. */
export function unmaskPerson(id: string, reason: string): Promise<PersonalData> {
  return unwrap(api.POST('/api/v1/people/{id}/unmask', { params: { path: { id } }, body: { reason } }));
}

const MAX_POST_PAGES = 10;

/** Every post of a person or an organisation (current and past), following the cursor. */
export async function fetchPosts(filter: { person_id?: string; organisation_id?: string }): Promise<Post[]> {
  const items: Post[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_POST_PAGES; page++) {
    const query: PostQuery = { ...filter, limit: 100, ...(cursor ? { cursor } : {}) };
    const data = await unwrap(api.GET('/api/v1/posts', { params: { query } }));
    items.push(...data.items);
    if (!data.next_cursor) break;
    cursor = data.next_cursor;
  }
  return items;
}

export function usePosts(filter: { person_id?: string; organisation_id?: string }) {
  return useQuery({
    queryKey: postKeys.of(filter),
    queryFn: () => fetchPosts(filter),
    enabled: !!(filter.person_id || filter.organisation_id),
  });
}

export function createPost(body: PostInput): Promise<Post> {
  return unwrap(api.POST('/api/v1/posts', { body }));
}

/** Changes a post read from a list (posts have no single read: the version is the tag). */
export function updatePost(post: Post, body: PostInput): Promise<Post> {
  return unwrap(
    api.PUT('/api/v1/posts/{id}', {
      params: { path: { id: post.id }, header: { 'If-Match': versionTag(post.version) } },
      body,
    }),
  );
}
