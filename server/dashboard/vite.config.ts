// Builds the dashboard (a Preact single-page app) into .output/dashboard, which the server serves at `/`.
// No inline scripts, styles or data URLs: the server's CSP allows only same-origin files.
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: '/',
  plugins: [preact()],
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('../../.output/dashboard', import.meta.url)),
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
    target: 'es2022',
    reportCompressedSize: false,
    // exceljs (about 0.9 MB) is its own chunk, loaded only when someone exports.
    chunkSizeWarningLimit: 1000,
  },
});
