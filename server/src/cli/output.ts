import * as fs from 'fs';
import type { Chunks } from './formats/chunks';
import { UsageError } from './files';

/** About how much is written at a time: few writes, and never the whole output as one string. */
const WRITE_SIZE = 1 << 16;

/** Gathers pieces of output into writes of about WRITE_SIZE. */
export class BatchedWriter {
  private pending = '';
  private wrote = false;

  constructor(private readonly write: (text: string) => void) {}

  add(chunk: string): void {
    this.pending += chunk;
    if (this.pending.length >= WRITE_SIZE) this.flush();
  }

  /** Writes what is gathered now: before a message to stderr, so that a terminal showing both shows them in order. */
  flush(): void {
    if (!this.pending) return;
    this.write(this.pending);
    this.wrote = true;
    this.pending = '';
  }

  /** The rest, then a line break; nothing at all when there was no output, unless `always`. */
  end(always = false): void {
    if (this.wrote || this.pending || always) this.write(`${this.pending}\n`);
    this.pending = '';
  }
}

/**
 * Writes a format's pieces as they come, then a line break. Nothing at all when there is no output, unless
 * `always` (a file asked for is written even then).
 */
export function writeChunks(chunks: Chunks, write: (text: string) => void, always = false, writer = new BatchedWriter(write)): void {
  for (const chunk of chunks) writer.add(chunk);
  writer.end(always);
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
