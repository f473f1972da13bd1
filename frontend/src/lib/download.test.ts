import { describe, expect, it } from 'vitest';
import { fileNameFrom } from './download';

describe('fileNameFrom', () => {
  it('prefers the UTF-8 name', () => {
    expect(fileNameFrom(`attachment; filename="compounds.csv"; filename*=UTF-8''%E5%B0%8F%E5%8C%BA.csv`)).toBe('小区.csv');
  });

  it('falls back to the plain name', () => {
    expect(fileNameFrom('attachment; filename="compounds.csv"')).toBe('compounds.csv');
    expect(fileNameFrom('attachment; filename=compounds.csv')).toBe('compounds.csv');
  });

  it('has nothing without a header', () => {
    expect(fileNameFrom(null)).toBeNull();
    expect(fileNameFrom('inline')).toBeNull();
  });
});
