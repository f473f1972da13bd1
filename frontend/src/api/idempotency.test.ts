import { describe, expect, it } from 'vitest';
import { idempotencyKeys, newIdempotencyKey } from './idempotency';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newIdempotencyKey', () => {
  it('uses crypto.randomUUID where the browser offers it', () => {
    expect(newIdempotencyKey({ randomUUID: () => 'a-b-c-d-e' as `${string}-${string}-${string}-${string}-${string}`, getRandomValues: (a) => a })).toBe('a-b-c-d-e');
  });

  it('builds a v4 UUID from getRandomValues outside secure contexts', () => {
    const key = newIdempotencyKey({
      getRandomValues: <T extends ArrayBufferView | null>(a: T) => {
        (a as unknown as Uint8Array).fill(0xff);
        return a;
      },
    });
    expect(key).toMatch(UUID);
    expect(key).toHaveLength(36);
  });

  it('is accepted by the server (8 to 128 letters, digits, - _ . :)', () => {
    expect(newIdempotencyKey()).toMatch(/^[A-Za-z0-9_.:-]{8,128}$/);
  });
});

describe('idempotencyKeys', () => {
  let n = 0;
  const keys = () => idempotencyKeys(() => `key-${++n}`);

  it('repeats the key while the body is the same', () => {
    const k = keys();
    const first = k.keyFor({ username: 'a', grants: [{ role: 'resident' }] });
    expect(k.keyFor({ username: 'a', grants: [{ role: 'resident' }] })).toBe(first);
  });

  it('takes a new key when the body changes', () => {
    const k = keys();
    const first = k.keyFor({ username: 'a' });
    const second = k.keyFor({ username: 'b' });
    expect(second).not.toBe(first);
    expect(k.keyFor({ username: 'a' })).not.toBe(first);
  });

  it('starts afresh after reset', () => {
    const k = keys();
    const first = k.keyFor({ username: 'a' });
    k.reset();
    expect(k.keyFor({ username: 'a' })).not.toBe(first);
  });
});
