import * as fs from 'fs';
import * as path from 'path';

/** What a file looked like when it was read: a file that no longer looks so was changed by someone else since. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ino: number;
  dev: number;
}

export function stampOf(stat: fs.Stats): FileStamp {
  return { size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino, dev: stat.dev };
}

/** The file was changed on disk after the linter read it: writing would lose that change. */
export class ChangedSinceRead extends Error {
  readonly code = 'CHANGED';
}

/** The calls writeBack makes, so that a test can make one of them fail as a full disk would. */
export type WriteCalls = Pick<
  typeof fs,
  'realpathSync' | 'statSync' | 'accessSync' | 'openSync' | 'writeSync' | 'fsyncSync' | 'fchmodSync' | 'fchownSync' | 'closeSync' | 'renameSync' | 'unlinkSync' | 'writeFileSync'
>;

/** A folder the linter cannot create a file in, though it may write the file itself. */
const NO_TEMPORARY_FILE = new Set(['EACCES', 'EPERM', 'EEXIST']);

/**
 * Writes `text` over a file so that it holds either the old text or the new, whole, at every moment: the new text
 * goes to a temporary file beside it, flushed to disk, given the file's mode and owner, and renamed over it. A full
 * disk or a failed write leaves the file as it was. A symbolic link stays a link (its target is written). A file
 * with other hard links, or in a folder where no file can be created, is written in place, as the only way that
 * keeps it one file. With `before`, a file changed since it was read is not written (ChangedSinceRead).
 */
export function writeBack(file: string, text: string, before?: FileStamp, calls: WriteCalls = fs): void {
  const target = calls.realpathSync(file);
  const stat = calls.statSync(target);
  if (before && (stat.size !== before.size || stat.mtimeMs !== before.mtimeMs || stat.ino !== before.ino || stat.dev !== before.dev)) {
    throw new ChangedSinceRead(`${file} changed on disk after it was read`);
  }
  // a read-only report stays unwritten, as writing it in place would leave it (renaming over it would not ask)
  calls.accessSync(target, fs.constants.W_OK);
  if (stat.nlink > 1) {
    calls.writeFileSync(target, text);
    return;
  }
  const mode = stat.mode & 0o7777;
  // the name cut short, so that a report's name of up to 255 characters still leaves room for the rest
  const temporary = path.join(path.dirname(target), `.${path.basename(target).slice(0, 100)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  let fd: number;
  try {
    fd = calls.openSync(temporary, 'wx', mode);
  } catch (error) {
    if (!NO_TEMPORARY_FILE.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
    calls.writeFileSync(target, text);
    return;
  }
  try {
    const bytes = Buffer.from(text, 'utf8');
    for (let offset = 0; offset < bytes.length; ) offset += calls.writeSync(fd, bytes, offset, bytes.length - offset);
    calls.fsyncSync(fd);
    // the mode asked for at creation is narrowed by the umask
    calls.fchmodSync(fd, mode);
    if (typeof process.getuid === 'function' && (stat.uid !== process.getuid() || stat.gid !== process.getgid?.())) {
      try {
        calls.fchownSync(fd, stat.uid, stat.gid);
      } catch {
        // only root may give a file away: the rewritten file is then the writer's, as with any editor's save
      }
    }
    calls.closeSync(fd);
    fd = -1;
    calls.renameSync(temporary, target);
  } catch (error) {
    if (fd >= 0) {
      try {
        calls.closeSync(fd);
      } catch {
        // already reported by the error below
      }
    }
    try {
      calls.unlinkSync(temporary);
    } catch {
      // nothing was left
    }
    throw error;
  }
}
