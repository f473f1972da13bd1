import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The Rust server serves dist/ at `/` with an SPA fallback; in development the
// API (and its docs) are proxied to a locally running server.
const apiTarget = process.env.LINLI_API_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    chunkSizeWarningLimit: 1500,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/docs': { target: apiTarget, changeOrigin: false },
    },
  },
});
