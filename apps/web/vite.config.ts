import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './scripts/precompress.mjs';

export default defineConfig({
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // dist/.vite/manifest.json: scripts/bundle-size.mjs follows it to sum what a route loads first
    manifest: true,
    // exceljs (930 kB) is the largest chunk and loads only on the first export
    chunkSizeWarningLimit: 1000,
    // two entries: the app, and the public card pages (card.html), which load none of the app's code
    rollupOptions: { input: { main: 'index.html', card: 'card.html' } },
  },
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  preview: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
