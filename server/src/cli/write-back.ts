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
  | 'realpathSync'
  | 'statSync'
  | 'accessSync'
  | 'openSync'
  | 'writeSync'
  | 'fsyncSync'
  | 'fchmodSync'
  | 'fchownSync'
  | 'closeSync'
  | 'renameSync'
  | 'unlinkSync'
  | 'writeFileSync'
>;

/** Renaming over the file was refused where writing into it may not be: a sticky folder, a file mounted on its own. */
const RENAME_REFUSED = new Set(['EPERM', 'EACCES', 'EBUSY', 'EXDEV']);

/** The temporary file's name: the report's, cut to at most 100 bytes (names may have 255), hidden, and marked. */
function temporaryName(target: string): string {
  let base = path.basename(target);
  while (Buffer.byteLength(base) > 100) base = Array.from(base).slice(0, -1).join('');
  return path.join(path.dirname(target), `.${base}.${process.pid}.${Date.now().toString(36)}.tmp`);
}

/**
 * Writes `text` over a file so that it holds either the old text or the new, whole, at every moment: the new text
 * goes to a temporary file beside it, flushed to disk, given the file's owner and mode, and renamed over it. A full
 * disk or a failed write leaves the file as it was. A symbolic link stays a link (its target is written).
 *
 * The file is written in place instead (as an editor without a backup copy writes) where replacing it would make it
 * another file: when it has other hard links, belongs to someone else (root's own files included), or the temporary
 * file cannot have its group; and where replacing it is refused: a folder where no file can be made, a sticky folder, a file mounted
 * on its own. A read-only file is not written (nor by root). With `before`, a file changed since it was read is not
 * written (ChangedSinceRead), checked again just before it is replaced.
 */
export function writeBack(file: string, text: string, before?: FileStamp, calls: WriteCalls = fs): void {
  const target = calls.realpathSync(file);
  const stat = calls.statSync(target);
  const checkUnchanged = (now: fs.Stats) => {
    if (before && (now.size !== before.size || now.mtimeMs !== before.mtimeMs || now.ino !== before.ino || now.dev !== before.dev)) {
      throw new ChangedSinceRead(`${file} changed on disk after it was read`);
    }
  };
  checkUnchanged(stat);
  if ((stat.mode & 0o222) === 0) throw new Error('it is read-only');
  calls.accessSync(target, fs.constants.W_OK);
  const inPlace = () => {
    checkUnchanged(calls.statSync(target));
    calls.writeFileSync(target, text);
  };
  if (stat.nlink > 1 || !ownedHere(stat)) return inPlace();
  if (replaceWhole(target, text, stat, calls, checkUnchanged) === 'refused') inPlace();
}

/** Whether the file is this process's own, so that a file made to replace it has its owner (even root's would not). */
function ownedHere(stat: fs.Stats): boolean {
  return typeof process.geteuid !== 'function' || process.geteuid() === stat.uid;
}

/** The temporary file's way; 'refused' when the file should be written in place instead (nothing was changed). */
function replaceWhole(target: string, text: string, stat: fs.Stats, calls: WriteCalls, checkUnchanged: (now: fs.Stats) => void): 'done' | 'refused' {
  const temporary = temporaryName(target);
  const mode = stat.mode & 0o7777;
  let fd: number;
  try {
    fd = calls.openSync(temporary, 'wx', mode & 0o777);
  } catch {
    return 'refused';
  }
  const discard = () => {
    if (fd >= 0) {
      try {
        calls.closeSync(fd);
      } catch {
        // the error that led here is the one to report
      }
      fd = -1;
    }
    try {
      calls.unlinkSync(temporary);
    } catch {
      // nothing was left
    }
  };
  try {
    const bytes = Buffer.from(text, 'utf8');
    for (let offset = 0; offset < bytes.length; ) offset += calls.writeSync(fd, bytes, offset, bytes.length - offset);
    calls.fsyncSync(fd);
  } catch (error) {
    // a full disk: the file as it was is the file to keep
    discard();
    throw error;
  }
  try {
    // the group first (a file of the owner's other group): changing it clears the set-ID bits the mode then sets again
    if (typeof process.getegid === 'function' && stat.gid !== process.getegid()) calls.fchownSync(fd, stat.uid, stat.gid);
    // the mode asked for at creation is narrowed by the umask
    calls.fchmodSync(fd, mode);
    calls.closeSync(fd);
    fd = -1;
  } catch {
    discard();
    return 'refused';
  }
  try {
    checkUnchanged(calls.statSync(target));
    calls.renameSync(temporary, target);
    return 'done';
  } catch (error) {
    discard();
    if (RENAME_REFUSED.has((error as NodeJS.ErrnoException).code ?? '')) return 'refused';
    throw error;
  }
}
