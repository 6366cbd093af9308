import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app is built once into dist/web and served by the Node server (one process, one port).
export default defineConfig({
  root: 'src/web',
  publicDir: false,
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000', '/p': 'http://127.0.0.1:3000' },
  },
});
