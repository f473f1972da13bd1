import { api, unwrap } from '../../api/client';
import { RemoteSelect, type RemoteSelectProps } from './RemoteSelect';

const source = {
  keyPrefix: ['people', 'options'] as const,
  search: async (text: string) => {
    const page = await unwrap(
      api.GET('/api/v1/people', { params: { query: { limit: 20, ...(text ? { name: text } : {}) } } }),
    );
    // Namesakes are common: the home compound tells them apart.
    return page.items.map((p) => ({
      value: p.id,
      label: p.home_compound_name ? `${p.name}（${p.home_compound_name}）` : p.name,
    }));
  },
  labelOf: async (id: string) => (await unwrap(api.GET('/api/v1/people/{id}', { params: { path: { id } } }))).name,
};

/** Picks a person by typing part of their name. */
export function PersonSelect(props: RemoteSelectProps) {
  return <RemoteSelect {...props} source={source} />;
}
