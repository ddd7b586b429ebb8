// The page decoder's thread: answers each body it is sent with that page's rows (decode-row-page.ts).
import { parentPort } from 'node:worker_threads';
import { decodeRowPage } from './decode-row-page';
import type { DecodeReply, DecodeRequest } from './messages';

const port = parentPort;
if (!port) throw new Error('The page decoder must run as a worker thread.');
port.on('message', ({ id, body, accountType }: DecodeRequest) => {
  let reply: DecodeReply;
  try {
    reply = { id, result: decodeRowPage(body, accountType) };
  } catch (err) {
    reply = { id, failed: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(reply);
});
