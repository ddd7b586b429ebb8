// Starts a TypeScript worker when Cofre runs from source (tsx, vitest): workers do not inherit tsx's hooks.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
