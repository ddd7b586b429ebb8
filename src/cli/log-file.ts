// The CLI's log: JSON lines appended synchronously, the file opened only when the first line is written.
//
// Synchronous, so a command that exits at once (an error, `process.exit`) loses no line and never meets an
// asynchronous stream that is "not ready yet"; lazy, so a run that logs nothing (a refused command) creates
// no file in the data dir.
import { closeSync, openSync, writeSync } from 'node:fs';
import type { DestinationStream } from 'pino';

export interface CliLogFile extends DestinationStream {
  close(): void;
}

export function openCliLogFile(file: string): CliLogFile {
  let fd: number | undefined;
  return {
    write(line: string) {
      fd ??= openSync(file, 'a', 0o600);
      writeSync(fd, line);
    },
    close() {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
    },
  };
}
