// Decodes transaction pages on a worker thread, so during a sync the core's thread mostly writes the DB.
//
// JSON.parse, Pluggy's schema and the row mapping cost ~10 µs a transaction (~0.3 s of a 30,000-row first
// sync); on their own thread they run beside the database writes instead of between them. Rows come back
// as plain arrays (RowValues), which structured clone copies quickly. One thread per process, started by
// the first page and kept; it holds the process open only while a page is being decoded. Should it fail
// to start, die or stop answering (say, a package missing its file), pages are decoded on the calling
// thread, with a warning.
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../shared/errors';
import type { Logger } from '../../logging/logger';
import type { Decoded } from '../../pluggy/decode-body';
import { decodeRowPage, type RowPage } from './decode-row-page';
import type { DecodeReply, DecodeRequest } from './messages';

/** Decodes one transactions body; `accountType` gives rows without `type` their direction. */
export type DecodePage = (body: Buffer, accountType?: string | null) => Promise<Decoded<RowPage>>;

export interface PageDecoder {
  decode: DecodePage;
  /** Stops the thread; pages still asked for later are decoded on the calling thread. */
  close(): Promise<void>;
}

interface Pending {
  body: Buffer;
  accountType: string | null;
  resolve(result: Decoded<RowPage>): void;
  reject(error: unknown): void;
  /** Gives up on the thread if it has not answered by then (a page takes milliseconds). */
  deadline?: NodeJS.Timeout;
}

/** A thread silent this long is stuck: without this, one lost answer would hold its sync forever. */
const ANSWER_TIMEOUT_MS = 30_000;

export interface WorkerStart {
  url: URL;
  workerData?: { entry: string };
}

/** Where the worker's code is: beside this module when running from source, beside the bundle once built. */
function workerStart(): WorkerStart {
  if (import.meta.url.endsWith('.ts')) {
    const entry = new URL('./worker.ts', import.meta.url).href;
    return { url: new URL('./ts-worker.mjs', import.meta.url), workerData: { entry } };
  }
  // electron.vite.config.ts builds worker.ts as its own entry, next to the main bundle.
  return { url: new URL('./page-decoder-worker.js', import.meta.url) };
}

function decodeHere(p: Pending): void {
  try {
    p.resolve(decodeRowPage(p.body, p.accountType));
  } catch (err) {
    p.reject(err);
  }
}

export function createPageDecoder(
  logger: Logger,
  where: WorkerStart = workerStart(),
  answerTimeoutMs = ANSWER_TIMEOUT_MS,
): PageDecoder {
  let worker: Worker | null = null;
  let onThisThread = false;
  let nextId = 0;
  const pending = new Map<number, Pending>();

  /** From now on every page, including those the thread still had, is decoded on this thread. */
  function stayHere(): void {
    onThisThread = true;
    worker = null;
    const left = [...pending.values()];
    pending.clear();
    for (const p of left) {
      clearTimeout(p.deadline);
      decodeHere(p);
    }
  }

  /** A thread that failed once is not trusted again. */
  function fallBack(why: string, err?: unknown): void {
    if (!onThisThread) logger.warn({ err }, `page decoder thread ${why}; decoding on the core's thread`);
    stayHere();
  }

  function start(): Worker {
    const w = new Worker(where.url, where.workerData ? { workerData: where.workerData } : {});
    w.on('message', (reply: DecodeReply) => {
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      clearTimeout(p.deadline);
      if (pending.size === 0) w.unref();
      if ('result' in reply) p.resolve(reply.result);
      else p.reject(new AppError('internal', `Decoding a transactions page failed: ${reply.failed}`));
    });
    w.on('error', (err) => fallBack('failed', err));
    w.on('exit', (code) => {
      if (worker === w) fallBack(`exited with code ${code}`);
    });
    return w;
  }

  return {
    decode(body, accountType = null) {
      return new Promise((resolve, reject) => {
        const p: Pending = { body, accountType, resolve, reject };
        if (onThisThread) return decodeHere(p);
        worker ??= start();
        const id = ++nextId;
        pending.set(id, p);
        const w = worker;
        p.deadline = setTimeout(() => {
          fallBack(`did not answer within ${answerTimeoutMs} ms`);
          void w.terminate();
        }, answerTimeoutMs);
        worker.ref();
        // Copied, not transferred: should the thread die, the body is still here to decode.
        worker.postMessage({ id, body, accountType } satisfies DecodeRequest);
      });
    },
    async close() {
      const w = worker;
      stayHere();
      if (w) await w.terminate();
    },
  };
}

let shared: PageDecoder | undefined;

/** The process's page decoder: one thread, whoever asks first. */
export function sharedPageDecoder(logger: Logger): PageDecoder {
  shared ??= createPageDecoder(logger);
  return shared;
}
