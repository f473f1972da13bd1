import { api, unwrap } from '../../api/client';
import { RemoteSelect, type RemoteSelectProps } from '../registry/RemoteSelect';

const source = {
  keyPrefix: ['centres', 'options'] as const,
  search: async (text: string) => {
    const page = await unwrap(api.GET('/api/v1/centres', { params: { query: { limit: 20, ...(text ? { name: text } : {}) } } }));
    return page.items.map((c) => ({ value: c.id, label: c.name }));
  },
  labelOf: async (id: string) => (await unwrap(api.GET('/api/v1/centres/{id}', { params: { path: { id } } }))).name,
};

/** Picks a neighbourhood centre (邻里中心) by typing part of its name. */
export function CentreSelect(props: RemoteSelectProps) {
  return <RemoteSelect {...props} source={source} />;
}
