// Builds the renderer for the browser host (dist/renderer), with the HTTP bridge as its own fixed-name file.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [react()],
  build: {
    outDir: here('../../dist/renderer'),
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      input: { index: here('index.html'), bridge: here('../host/bridge.ts') },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'bridge' ? 'bridge.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
});
