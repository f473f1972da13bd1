import { describe, expect, it } from 'vitest';
import { createUserFields } from './fields';

describe('createUserFields', () => {
  const twoRows = createUserFields(2);

  it('puts grant errors under the row and field they name', () => {
    expect(twoRows('grants[0].role')).toEqual(['grants', 0, 'role']);
    expect(twoRows('grants[1].area_id')).toEqual(['grants', 1, 'area_id']);
  });

  it('puts errors about the whole list under the list', () => {
    expect(twoRows('grants')).toEqual(['grants']);
  });

  it('maps a row the form does not have to the list, not to a missing field', () => {
    expect(createUserFields(1)('grants[3].role')).toEqual(['grants']);
  });

  it('keeps the profile fields', () => {
    for (const f of ['username', 'display_name', 'password', 'phone']) expect(twoRows(f)).toEqual([f]);
  });

  it('leaves unknown fields to the notification', () => {
    expect(twoRows('is_active')).toBeNull();
  });
});
