// What a long store task (cipher conversion, a row-rewriting migration) reports while it runs.
export interface StoreProgress {
  task: 'convert_cipher' | 'migrate';
  /** 0–1 over the whole task (all pending migrations together for `migrate`). */
  fraction: number;
  /** The migration running, for `migrate`. */
  migration?: { version: number; name: string };
}

export type StoreProgressListener = (progress: StoreProgress) => void;
