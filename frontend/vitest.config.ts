import { defineConfig } from 'vitest/config';

// Unit tests cover pure modules only (access rules, problem mapping, i18n, token
// refresh); they need no DOM.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
