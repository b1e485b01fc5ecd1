import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The server serves dist/ with an SPA fallback in production; in development Vite serves the
// app and forwards /api to a local `simpul serve`.
export default defineConfig({
  plugins: [react()],
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Chunks above this are worth a look: the sign-in page must stay small on phones.
    chunkSizeWarningLimit: 400,
  },
});
