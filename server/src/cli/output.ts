import * as fs from 'fs';
import type { Chunks } from './formats/chunks';
import { UsageError } from './files';

/** About how much is written at a time: few writes, and never the whole output as one string. */
const WRITE_SIZE = 1 << 16;

/**
 * Writes a format's pieces as they come, then a line break. Nothing at all when there is no output, unless
 * `always` (a file asked for is written even then).
 */
export function writeChunks(chunks: Chunks, write: (text: string) => void, always = false): void {
  let pending = '';
  let wrote = false;
  for (const chunk of chunks) {
    pending += chunk;
    if (pending.length < WRITE_SIZE) continue;
    write(pending);
    wrote = true;
    pending = '';
  }
  if (wrote || pending || always) write(`${pending}\n`);
}

/** Writes the output to a file (made or emptied first). */
export function writeChunksToFile(file: string, chunks: Chunks): void {
  let descriptor: number;
  try {
    descriptor = fs.openSync(file, 'w');
  } catch (error) {
    throw new UsageError(`Cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    writeChunks(chunks, (text) => fs.writeFileSync(descriptor, text), true);
  } finally {
    fs.closeSync(descriptor);
  }
}
