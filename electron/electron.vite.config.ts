// electron-vite: main (ESM), preload (CommonJS, as sandboxed preloads require) and the renderer.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  main: {
    build: {
      outDir: here('../out/main'),
      rollupOptions: {
        input: {
          index: here('main/index.ts'),
          // The sync's page decoder thread (src/core/sync/page-decoder/page-decoder.ts looks for it here).
          'page-decoder-worker': here('../src/core/sync/page-decoder/worker.ts'),
          // The DB upgrade thread (src/core/store/upgrade/upgrade-in-worker.ts looks for it here).
          'upgrade-worker': here('../src/core/store/upgrade/worker.ts'),
        },
        external: ['better-sqlite3-multiple-ciphers'],
      },
    },
  },
  preload: {
    build: {
      outDir: here('../out/preload'),
      rollupOptions: {
        input: { index: here('preload/index.ts'), passphrase: here('preload/passphrase.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: here('../src/renderer'),
    plugins: [react()],
    build: {
      outDir: here('../out/renderer'),
      rollupOptions: { input: here('../src/renderer/index.html') },
    },
  },
});
