import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * Production: the kiosk PWA under /kiosk/, with a Workbox service worker that precaches all of it.
 * The worker is registered by our own code (src/app/updater.ts, workbox-window): the plugin's inline
 * register script would break the server's CSP, and updates must wait for an idle screen.
 *
 * `--mode test-entry`: a page for browser tests and benchmarks only (test-entry.html), built to a
 * folder of the caller's choosing and never part of the production build.
 */
export default defineConfig(({ mode }) =>
  mode === 'test-entry'
    ? {
        base: '/kiosk-test/',
        plugins: [svelte()],
        build: {
          emptyOutDir: true,
          target: 'es2022',
          rollupOptions: { input: 'test-entry.html' },
        },
      }
    : {
        base: '/kiosk/',
        plugins: [
          svelte(),
          VitePWA({
            injectRegister: false,
            // Workbox's production runtime even when built under vitest (NODE_ENV=test).
            mode: 'production',
            registerType: 'prompt',
            strategies: 'generateSW',
            scope: '/kiosk/',
            filename: 'sw.js',
            // The icons are precached by the glob below already; listing them twice is noise.
            includeManifestIcons: false,
            manifest: {
              id: '/kiosk/',
              name: 'Đánh giá mức độ hài lòng — hailong',
              short_name: 'Hài lòng',
              description: 'Đánh giá mức độ hài lòng và gửi phản ánh, kiến nghị tại quầy một cửa.',
              lang: 'vi',
              dir: 'ltr',
              start_url: '/kiosk/',
              scope: '/kiosk/',
              display: 'standalone',
              orientation: 'any',
              theme_color: '#0b4f8a',
              background_color: '#f3f5f8',
              icons: [
                { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
                { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
                {
                  src: 'icons/icon-maskable-512.png',
                  sizes: '512x512',
                  type: 'image/png',
                  purpose: 'maskable',
                },
                { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
              ],
            },
            workbox: {
              // The barcode reader's WebAssembly (~1 MB) too: scanning must work offline.
              globPatterns: ['**/*.{js,css,html,svg,png,wasm}'],
              maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
              navigateFallback: '/kiosk/index.html',
              navigateFallbackAllowlist: [/^\/kiosk\//],
              cleanupOutdatedCaches: true,
              // The first install takes the open page at once, so it works offline after one visit;
              // later versions wait (skipWaiting false) until the page asks, when the screen is idle.
              clientsClaim: true,
              skipWaiting: false,
              inlineWorkboxRuntime: true,
              // Only the precache: API calls are made by the page and never cached or replayed.
              runtimeCaching: [],
            },
          }),
        ],
        build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
        server: { proxy: { '/api': 'http://localhost:8787' } },
      },
);
