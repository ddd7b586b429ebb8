// Builds the `cofre` command into dist/cli/main.js (Node ESM), so a start loads one file instead of
// compiling hundreds of TypeScript modules through tsx; bin/cofre.js runs it while it is fresher than src/.
// Worker threads are their own entries beside it, where their modules look for them; npm packages stay
// external (node_modules), as in the relay's build.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  // zod is the one package bundled: its ~100 ESM files cost ~30 ms more to resolve and load one by one.
  ssr: { noExternal: ['zod'] },
  build: {
    ssr: true,
    outDir: here('../../dist/cli'),
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    minify: false,
    rollupOptions: {
      input: {
        main: here('main.ts'),
        'page-decoder-worker': here('../core/sync/page-decoder/worker.ts'),
        'upgrade-worker': here('../core/store/upgrade/worker.ts'),
      },
      output: { format: 'es', entryFileNames: '[name].js' },
    },
  },
  logLevel: 'warn',
});
