import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

const api = 'http://localhost:8787';

export default defineConfig({
  base: '/',
  plugins: [svelte()],
  server: {
    // The API checks Origin against Host, so the proxy must keep the browser's Host (no changeOrigin).
    proxy: { '/api': api, '/healthz': api },
  },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
});
