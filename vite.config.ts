import fs from 'node:fs';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

// The web app is built once into dist/web and served by the Node server (one process, one port).
export default defineConfig({
  root: 'src/web',
  // Icons only: copied as they are to dist/web (everything else goes through the bundler).
  publicDir: 'public',
  plugins: [
    react(),
    // Installable on a phone, and a share target: WhatsApp's "Export chat → share → Mila" posts the
    // file to /share-target (the server holds it and opens the chat import). The service worker
    // keeps only the app shell; API answers and the client's quote pages always go to the network.
    VitePWA({
      registerType: 'autoUpdate',
      // A script file, not an inline script: the Content-Security-Policy allows no inline script.
      injectRegister: 'script',
      includeAssets: ['icons/apple-touch-icon.png', 'icons/icon.svg'],
      manifest: {
        id: '/',
        name: 'Mila',
        short_name: 'Mila',
        description: 'לשמור על המילה מול כל לקוח: התחייבויות, הצעות מחיר ופרויקטים',
        lang: 'he',
        dir: 'rtl',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        theme_color: '#156a64',
        background_color: '#ffffff',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
        share_target: {
          action: '/share-target',
          method: 'POST',
          enctype: 'multipart/form-data',
          params: {
            title: 'title',
            text: 'text',
            files: [{ name: 'file', accept: ['text/plain', 'application/zip', '.txt', '.zip'] }],
          },
        },
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png}'],
        navigateFallback: '/index.html',
        // Pages the server renders itself, and the API, are never answered from the cache.
        navigateFallbackDenylist: [/^\/api/, /^\/q\//, /^\/p\//, /^\/share-target/, /^\/api-docs/],
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
        cleanupOutdatedCaches: true,
        // Install fetches the first screen only (what index.html names, the styles, the icons) and the
        // other language's catalogs (so switching works offline), not all 4 MB of lazy screens; those
        // are kept as they are first opened (their names carry a hash).
        manifestTransforms: [
          async (entries) => {
            const html = fs.readFileSync(path.resolve('dist/web/index.html'), 'utf8');
            const manifest = entries.filter(
              (e) =>
                !e.url.endsWith('.js') ||
                html.includes(`/${e.url}`) ||
                !e.url.startsWith('assets/') ||
                e.url.startsWith('assets/i18n-en-'),
            );
            return { manifest, warnings: [] };
          },
        ],
        runtimeCaching: [
          {
            urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/assets/'),
            handler: 'CacheFirst',
            options: { cacheName: 'mila-screens', expiration: { maxEntries: 300 } },
          },
        ],
      },
    }),
  ],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000', '/p': 'http://127.0.0.1:3000' },
  },
});
