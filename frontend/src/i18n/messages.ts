import type { components } from '../api/schema';

type Schemas = components['schemas'];

/**
 * The type a translation must have, given the zh-CN dictionary (declared `as const`):
 * the same keys, nested the same way, every leaf a string. Typing each English
 * dictionary with it makes a key missing (or extra) in one language fail `tsc`.
 */
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

/**
 * Labels for every value of an enum of the API contract (`components.schemas[S]`, generated
 * from the server's own enum). A dictionary section declared `satisfies Labels<'Role'>`
 * fails `tsc` when the server adds a value it has no label for, or when it labels a value
 * that no longer exists.
 */
export type Labels<S extends keyof Schemas> = { readonly [V in Schemas[S] & string]: string };
