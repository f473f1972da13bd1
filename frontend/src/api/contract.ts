// Type helpers that name the shapes of the generated contract (schema.d.ts) by the path
// and method that carry them, so a renamed schema in the server surfaces in one place.
import type { components } from './schema';

export type Schemas = components['schemas'];

type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;

/** The JSON a call answers with (its 200, else its 201). */
export type Ok<Op> = Op extends { responses: infer R }
  ? R extends { 200: infer A }
    ? JsonOf<A>
    : R extends { 201: infer B }
      ? JsonOf<B>
      : never
  : never;

/** The JSON body a call sends. */
export type BodyOf<Op> = Op extends { requestBody?: infer B } ? JsonOf<NonNullable<B>> : never;

/** The query parameters a call takes. */
export type QueryOf<Op> = Op extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
