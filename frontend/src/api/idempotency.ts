// Idempotency-Key values for creates that must not happen twice (a user, an API key).
// The same body sent again (the user presses "save" once more after a timeout) goes
// with the same key, so the server answers with the stored result instead of creating
// a second record; a changed body is a new request and gets a new key.

type Random = Pick<Crypto, 'getRandomValues'> & Partial<Pick<Crypto, 'randomUUID'>>;

/**
 * A random UUID (v4). `crypto.randomUUID` exists only in secure contexts (HTTPS or
 * localhost); an intranet server reached over plain HTTP still has `getRandomValues`.
 */
export function newIdempotencyKey(random: Random = globalThis.crypto): string {
  if (typeof random.randomUUID === 'function') return random.randomUUID();
  const b = random.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Hands out one key per distinct body: `keyFor(body)` repeats the key while the body is unchanged. */
export function idempotencyKeys(generate: () => string = newIdempotencyKey) {
  let last: { body: string; key: string } | null = null;
  return {
    keyFor(body: unknown): string {
      const text = JSON.stringify(body);
      if (!last || last.body !== text) last = { body: text, key: generate() };
      return last.key;
    },
    /** After a success: the next submission is a new request whatever its body. */
    reset(): void {
      last = null;
    },
  };
}
