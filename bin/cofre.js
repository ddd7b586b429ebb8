#!/usr/bin/env node
// The `cofre` command: the built CLI bundle when it is fresh (bin/cli-bundle.js), else the TypeScript via tsx.
import { pathToFileURL } from 'node:url';
import { freshBundle } from './cli-bundle.js';

const root = new URL('..', import.meta.url);
const bundle = freshBundle(root.pathname);
if (bundle) {
  await import(pathToFileURL(bundle).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
