// Builds the separately deployable relay: dist/relay/main.js (Node ESM); npm dependencies stay external.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  build: {
    ssr: here('main.ts'),
    outDir: here('../../dist/relay'),
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    minify: false,
    rollupOptions: { output: { format: 'es', entryFileNames: 'main.js' } },
  },
  logLevel: 'warn',
});
