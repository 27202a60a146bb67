import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

/**
 * The citizen's phone page under /phone/: one small bundle, no service worker, no zod (the server
 * validates; the page only builds what the contracts accept). It must load fast on a cheap phone
 * over slow 3G (`npm run bench -- phone` measures it).
 */
export default defineConfig({
  base: '/phone/',
  plugins: [svelte()],
  build: {
    target: 'es2020',
    cssCodeSplit: false,
    modulePreload: false,
    assetsInlineLimit: 0,
  },
});
