// Test double: a decoder thread that takes every page and never answers.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', () => undefined);
