import { useMemo } from 'react';
import { api, unwrap } from '../../api/client';
import type { OrgKind } from '../../api/types';
import { RemoteSelect, type RemoteSelectProps } from './RemoteSelect';

/** Picks an organisation by name, optionally of one kind only. */
export function OrganisationSelect({ kind, ...props }: RemoteSelectProps & { kind?: OrgKind }) {
  const source = useMemo(
    () => ({
      keyPrefix: ['organisations', 'options', kind ?? null] as const,
      search: async (text: string) => {
        const page = await unwrap(
          api.GET('/api/v1/organisations', {
            params: { query: { limit: 20, ...(kind ? { kind } : {}), ...(text ? { name: text } : {}) } },
          }),
        );
        return page.items.map((o) => ({ value: o.id, label: o.name }));
      },
      labelOf: async (id: string) =>
        (await unwrap(api.GET('/api/v1/organisations/{id}', { params: { path: { id } } }))).name,
    }),
    [kind],
  );
  return <RemoteSelect {...props} source={source} />;
}
