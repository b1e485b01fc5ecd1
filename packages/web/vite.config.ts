import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The server serves dist/ with an SPA fallback in production; in development Vite serves the
// app and forwards /api to a local `simpul serve`.
export default defineConfig(({ command }) => ({
  plugins: [react()],
  // A build is always a production build, even from a shell (or vitest) with NODE_ENV=test:
  // otherwise React's development build, 60 kB gzip heavier, would ship.
  define: command === 'build' ? { 'process.env.NODE_ENV': JSON.stringify('production') } : {},
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The entry (React, router, Mantine core, i18n) is ~490 kB raw / ~155 kB gzip and the lazy
    // chart chunk (recharts) ~405 kB raw; e2e/bundle.test.ts keeps what sign-in and Beranda load under 300 kB gzip.
    chunkSizeWarningLimit: 500,
  },
}));
