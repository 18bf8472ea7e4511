import * as fs from 'fs';
import * as path from 'path';

/** What a file looked like when it was read: a file that no longer looks so was changed by someone else since. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  /** Also changed by a writer that puts the old modification time back (`touch -r`). */
  ctimeMs: number;
  ino: number;
  dev: number;
}

export function stampOf(stat: fs.Stats): FileStamp {
  return { size: stat.size, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, ino: stat.ino, dev: stat.dev };
}

/** The file was changed on disk after the linter read it: writing would lose that change. */
export class ChangedSinceRead extends Error {
  readonly code = 'CHANGED';
}

/** The calls writeBack makes, so that a test can make one of them fail as a full disk would. */
export type WriteCalls = Pick<
  typeof fs,
  | 'realpathSync'
  | 'statSync'
  | 'fstatSync'
  | 'accessSync'
  | 'openSync'
  | 'readSync'
  | 'writeSync'
  | 'ftruncateSync'
  | 'fsyncSync'
  | 'fchmodSync'
  | 'fchownSync'
  | 'closeSync'
  | 'renameSync'
  | 'unlinkSync'
>;

/** Renaming over the file was refused where writing into it may not be: a sticky folder, a file mounted on its own. */
const RENAME_REFUSED = new Set(['EPERM', 'EACCES', 'EBUSY', 'EXDEV']);
/** No file may be made beside the report (a folder the user cannot write): any other failure (a full disk) is reported. */
const CREATION_REFUSED = new Set(['EPERM', 'EACCES', 'EEXIST']);

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException).code ?? '';

/** The temporary file's name: the report's, cut to at most 100 bytes (names may have 255), hidden, and marked. */
function temporaryName(target: string): string {
  let base = path.basename(target);
  while (Buffer.byteLength(base) > 100) base = Array.from(base).slice(0, -1).join('');
  return path.join(path.dirname(target), `.${base}.${process.pid}.${Date.now().toString(36)}.tmp`);
}

/**
 * Writes `text` over a file so that it holds either the old text or the new, whole, at every moment: the new text
 * goes to a temporary file beside it (readable by its owner only until it has the file's group and mode), flushed
 * to disk and renamed over it. A full disk or a failed write leaves the file as it was. A symbolic link stays a
 * link (its target is written).
 *
 * The file is written in place instead where replacing it would make it another file: when it has other hard links,
 * belongs to someone else (root's own files included), or the temporary file cannot have its group; and where
 * replacing it is refused: a folder where no file can be made, a sticky folder, a file mounted on its own. See
 * writeInPlace for how that keeps the text. A read-only file is not written (nor by root). With `before`, a file
 * changed since it was read is not written (ChangedSinceRead), checked again just before it is replaced.
 */
export function writeBack(file: string, text: string, before?: FileStamp, calls: WriteCalls = fs): void {
  const target = calls.realpathSync(file);
  const stat = calls.statSync(target);
  const checkUnchanged = (now: fs.Stats) => {
    const changed = before
      ? now.size !== before.size || now.mtimeMs !== before.mtimeMs || now.ctimeMs !== before.ctimeMs || now.ino !== before.ino || now.dev !== before.dev
      : now.ino !== stat.ino || now.dev !== stat.dev;
    if (changed) throw new ChangedSinceRead(`${file} changed on disk after it was read`);
  };
  checkUnchanged(stat);
  if ((stat.mode & 0o222) === 0) throw new Error('it is read-only');
  calls.accessSync(target, fs.constants.W_OK);
  const bytes = Buffer.from(text, 'utf8');
  if (stat.nlink > 1 || !ownedHere(stat)) return writeInPlace(target, bytes, calls, checkUnchanged);
  if (replaceWhole(target, bytes, stat, calls, checkUnchanged) === 'refused') writeInPlace(target, bytes, calls, checkUnchanged);
}

/** Whether the file is this process's own, so that a file made to replace it has its owner (even root's would not). */
function ownedHere(stat: fs.Stats): boolean {
  return typeof process.geteuid !== 'function' || process.geteuid() === stat.uid;
}

function writeAll(calls: WriteCalls, fd: number, bytes: Buffer, from: number, to: number): void {
  for (let offset = from; offset < to; ) offset += calls.writeSync(fd, bytes, offset, to - offset, offset);
}

/** Closes a descriptor and removes a temporary file, if they are there, keeping the error that led here. */
function cleanUp(calls: WriteCalls, fd: number, temporary: string | null): void {
  if (fd >= 0) {
    try {
      calls.closeSync(fd);
    } catch {
      // the error that led here is the one to report
    }
  }
  if (temporary === null) return;
  try {
    calls.unlinkSync(temporary);
  } catch {
    // nothing was left
  }
}

/** The temporary file's way; 'refused' when the file should be written in place instead (nothing was changed). */
function replaceWhole(target: string, bytes: Buffer, stat: fs.Stats, calls: WriteCalls, checkUnchanged: (now: fs.Stats) => void): 'done' | 'refused' {
  const temporary = temporaryName(target);
  const mode = stat.mode & 0o7777;
  let fd: number;
  try {
    // its owner's alone until it has the file's group: a group of the folder's (set-group-ID) must not read it
    fd = calls.openSync(temporary, 'wx', 0o600);
  } catch (error) {
    if (CREATION_REFUSED.has(codeOf(error))) return 'refused';
    throw error;
  }
  try {
    writeAll(calls, fd, bytes, 0, bytes.length);
    calls.fsyncSync(fd);
  } catch (error) {
    // a full disk: the file as it was is the file to keep
    cleanUp(calls, fd, temporary);
    throw error;
  }
  try {
    // the group first (the new file has the folder's in a set-group-ID folder, else the process's): changing it
    // clears the set-ID bits the mode then sets again
    if (calls.fstatSync(fd).gid !== stat.gid) calls.fchownSync(fd, stat.uid, stat.gid);
    calls.fchmodSync(fd, mode);
    calls.closeSync(fd);
    fd = -1;
  } catch {
    cleanUp(calls, fd, temporary);
    return 'refused';
  }
  try {
    checkUnchanged(calls.statSync(target));
    calls.renameSync(temporary, target);
    return 'done';
  } catch (error) {
    cleanUp(calls, -1, temporary);
    if (RENAME_REFUSED.has(codeOf(error))) return 'refused';
    throw error;
  }
}

/** Writing in place failed after the file's first bytes were changed: its text as it was is kept in a copy. */
export class WrittenPartway extends Error {}

/**
 * Writes the new text into the file itself, as an editor that keeps a file's identity does, so that a full disk or a
 * stopped run does not lose its text. The file is opened without following a link (a link put in its place since it
 * was found is not written through) and checked unchanged through that descriptor. A copy of its text is kept beside
 * it while it is written, when a file can be made there. A longer text first grows the file: if the disk is full,
 * the file is cut back to its old length, as it was. Only then are its first bytes overwritten, in blocks it
 * already has. If that fails, the copy stays and the error names it (WrittenPartway).
 */
function writeInPlace(target: string, bytes: Buffer, calls: WriteCalls, checkUnchanged: (now: fs.Stats) => void): void {
  const fd = calls.openSync(target, fs.constants.O_RDWR | fs.constants.O_NOFOLLOW);
  let copy: string | null = null;
  try {
    const now = calls.fstatSync(fd);
    checkUnchanged(now);
    const oldSize = now.size;
    copy = keepCopy(target, fd, oldSize, calls);
    if (bytes.length > oldSize) {
      try {
        writeAll(calls, fd, bytes, oldSize, bytes.length);
      } catch (error) {
        calls.ftruncateSync(fd, oldSize);
        throw error;
      }
    }
    try {
      writeAll(calls, fd, bytes, 0, Math.min(oldSize, bytes.length));
      if (bytes.length < oldSize) calls.ftruncateSync(fd, bytes.length);
      calls.fsyncSync(fd);
    } catch (error) {
      const kept = copy;
      copy = null;
      throw new WrittenPartway(
        `${codeOf(error) || (error as Error).message} partway through writing in place; ${kept ? `its text as it was is kept in ${kept}` : 'no copy of its text could be kept'}`,
      );
    }
  } finally {
    cleanUp(calls, fd, copy);
  }
}

/** A copy of the file's text (read through its descriptor) beside it, flushed to disk; null where none can be made. */
function keepCopy(target: string, source: number, size: number, calls: WriteCalls): string | null {
  const copy = temporaryName(target);
  let fd: number;
  try {
    fd = calls.openSync(copy, 'wx', 0o600);
  } catch {
    return null;
  }
  try {
    const old = Buffer.alloc(size);
    let got = 0;
    for (let read = -1; got < size && read !== 0; got += read) read = calls.readSync(source, old, got, size - got, got);
    writeAll(calls, fd, old, 0, got);
    calls.fsyncSync(fd);
    calls.closeSync(fd);
    return copy;
  } catch {
    // a full disk: the copy is not made, and the writing still cannot leave the file cut short
    cleanUp(calls, fd, copy);
    return null;
  }
}
