import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../server/src/cli/main';
import { ChangedSinceRead, stampOf, writeBack, WrittenPartway, type WriteCalls } from '../../server/src/cli/write-back';
import { recordingIo } from '../helpers/cli';
import { readSeed } from '../helpers/paths';

const OLD = 'Being healthy\n\nGrade 3\n\nThe contribution of services to health is good.\n';
const NEW = 'Being healthy\n\nGrade 3\n\nThe contribution of services to health is good. A new sentence.\n';

/** A call that fails as the system call would, with its error code. */
const failing =
  (code: string, message: string) =>
  (): never => {
    throw Object.assign(new Error(message), { code });
  };

describe('--fix writes a file back whole or not at all', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'write-back-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const leftovers = () => fs.readdirSync(dir).filter((name) => name.endsWith('.tmp'));
  /** The write fails as expected, and leaves the report holding OLD and no temporary file. */
  const assertLeftAsItWas = (file: string, write: () => void, expected: RegExp | (new (...args: never[]) => Error)) => {
    assert.throws(write, expected);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), OLD);
    assert.deepStrictEqual(leftovers(), []);
  };
  /** A report holding OLD. */
  const report = () => {
    const file = path.join(dir, 'report.txt');
    fs.writeFileSync(file, OLD);
    return file;
  };

  it('replaces the text, keeps the mode, and leaves no temporary file', () => {
    const file = report();
    fs.chmodSync(file, 0o640);
    const inode = fs.statSync(file).ino;
    writeBack(file, NEW, stampOf(fs.statSync(file)));
    assert.strictEqual(fs.readFileSync(file, 'utf8'), NEW);
    assert.strictEqual(fs.statSync(file).mode & 0o7777, 0o640);
    assert.notStrictEqual(fs.statSync(file).ino, inode, 'a new file renamed over the old one');
    assert.deepStrictEqual(leftovers(), []);
  });

  it('writes through a symbolic link, which stays a link', () => {
    const target = path.join(dir, 'real.txt');
    const link = path.join(dir, 'link.txt');
    fs.writeFileSync(target, OLD);
    fs.symlinkSync(target, link);
    writeBack(link, NEW, stampOf(fs.statSync(link)));
    assert.ok(fs.lstatSync(link).isSymbolicLink());
    assert.strictEqual(fs.readFileSync(target, 'utf8'), NEW);
  });

  it('writes a file with another hard link in place, so that both names still hold the same text', () => {
    const file = path.join(dir, 'report.txt');
    const other = path.join(dir, 'other-name.txt');
    fs.writeFileSync(file, OLD);
    fs.linkSync(file, other);
    writeBack(file, NEW);
    assert.strictEqual(fs.readFileSync(other, 'utf8'), NEW);
    assert.strictEqual(fs.statSync(file).ino, fs.statSync(other).ino);
  });

  it('does not write over a file changed since it was read', () => {
    const file = report();
    const stamp = stampOf(fs.statSync(file));
    fs.writeFileSync(file, OLD + 'Typed by the inspector meanwhile.\n');
    assert.throws(() => writeBack(file, NEW, stamp), ChangedSinceRead);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), OLD + 'Typed by the inspector meanwhile.\n');
  });

  // before, the text was written in place: a disk filling up partway left the report cut short
  it('leaves the file as it was when the disk fills partway through the write, and cleans up', () => {
    const file = report();
    let writes = 0;
    const fullDisk: WriteCalls = {
      ...fs,
      writeSync: ((fd: number, buffer: Buffer, offset: number) => {
        if (writes++ > 0) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
        return fs.writeSync(fd, buffer, offset, 10);
      }) as typeof fs.writeSync,
    };
    assertLeftAsItWas(file, () => writeBack(file, NEW, stampOf(fs.statSync(file)), fullDisk), /no space left/);
  });

  it('leaves the file as it was when the rename fails, and cleans up', () => {
    const file = report();
    const failingRename: WriteCalls = {
      ...fs,
      renameSync: failing('EIO', 'input/output error'),
    };
    assertLeftAsItWas(file, () => writeBack(file, NEW, undefined, failingRename), /input\/output/);
  });

  // a report in a sticky folder (/tmp), or a file mounted on its own (docker -v file:file), cannot be renamed over
  for (const code of ['EPERM', 'EBUSY', 'EXDEV']) {
    it(`writes in place when renaming over the report is refused (${code}), and cleans up`, () => {
      const file = report();
      const inode = fs.statSync(file).ino;
      const refusedRename: WriteCalls = {
        ...fs,
        renameSync: failing(code, 'refused'),
      };
      writeBack(file, NEW, stampOf(fs.statSync(file)), refusedRename);
      assert.strictEqual(fs.readFileSync(file, 'utf8'), NEW);
      assert.strictEqual(fs.statSync(file).ino, inode);
      assert.deepStrictEqual(leftovers(), []);
    });
  }

  it('does not write a read-only report, whoever runs it (root included)', () => {
    const file = report();
    fs.chmodSync(file, 0o444);
    assertLeftAsItWas(file, () => writeBack(file, NEW), /read-only/);
  });

  it('does not write a report the access check refuses (an ACL, a read-only mount)', () => {
    const file = report();
    const refused: WriteCalls = {
      ...fs,
      accessSync: (target: fs.PathLike, mode?: number) => {
        if (target === fs.realpathSync(file) && mode === fs.constants.W_OK) throw Object.assign(new Error('permission denied'), { code: 'EACCES' });
      },
    };
    assert.throws(() => writeBack(file, NEW, undefined, refused), /permission denied/);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), OLD);
  });

  /** The file's own stat, as if it belonged to another user or group. */
  const statAs = (file: string, change: Partial<Pick<fs.Stats, 'uid' | 'gid'>>): WriteCalls['statSync'] =>
    ((target: fs.PathLike) => {
      const stat = fs.statSync(target);
      return target === fs.realpathSync(file) ? Object.assign(Object.create(Object.getPrototypeOf(stat)), stat, change) : stat;
    }) as WriteCalls['statSync'];

  it("writes someone else's report in place: it keeps its owner, group, mode and inode", () => {
    const file = report();
    fs.chmodSync(file, 0o640);
    // run by root (as CI is), the report really is another user's; run by a user, its stat says it is
    const asRoot = process.geteuid?.() === 0;
    if (asRoot) fs.chownSync(file, 4321, 4321);
    const before = fs.statSync(file);
    const calls = asRoot ? fs : { ...fs, statSync: statAs(file, { uid: before.uid + 1 }) };
    writeBack(file, NEW, stampOf(before), calls);
    const after = fs.statSync(file);
    assert.deepStrictEqual([after.uid, after.gid, after.mode & 0o7777, after.ino], [before.uid, before.gid, 0o640, before.ino]);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), NEW);
    assert.deepStrictEqual(leftovers(), []);
  });

  it("gives the new file the report's group before its mode (changing the group clears set-ID bits)", () => {
    const file = report();
    fs.chmodSync(file, 0o2775);
    const order: string[] = [];
    const calls: WriteCalls = {
      ...fs,
      statSync: statAs(file, { gid: process.getegid!() + 1 }),
      fchownSync: () => order.push('group'),
      fchmodSync: (fd: number, mode: fs.Mode) => {
        order.push(`mode ${Number(mode).toString(8)}`);
        fs.fchmodSync(fd, mode);
      },
    };
    writeBack(file, NEW, undefined, calls);
    assert.deepStrictEqual(order, ['group', 'mode 2775']);
    assert.strictEqual(fs.statSync(file).mode & 0o7777, 0o2775);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), NEW);
  });

  it('writes in place when the new file cannot be given the report\'s group, and cleans up', () => {
    const file = report();
    const inode = fs.statSync(file).ino;
    const calls: WriteCalls = {
      ...fs,
      statSync: statAs(file, { gid: process.getegid!() + 1 }),
      fchownSync: failing('EPERM', 'operation not permitted'),
    };
    writeBack(file, NEW, undefined, calls);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), NEW);
    assert.strictEqual(fs.statSync(file).ino, inode);
    assert.deepStrictEqual(leftovers(), []);
  });

  it('does not replace a report saved while the new text was being written', () => {
    const file = report();
    const saved = OLD + 'Saved from the editor during the write.\n';
    const savedMeanwhile: WriteCalls = {
      ...fs,
      fsyncSync: (fd: number) => {
        fs.fsyncSync(fd);
        fs.writeFileSync(file, saved);
      },
    };
    assert.throws(() => writeBack(file, NEW, stampOf(fs.statSync(file)), savedMeanwhile), ChangedSinceRead);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), saved);
    assert.deepStrictEqual(leftovers(), []);
  });

  for (const [kind, name] of [
    ['ASCII', `${'r'.repeat(251)}.txt`],
    ['three bytes a character', `${'\u5831'.repeat(80)}.txt`],
  ] as const) {
    it(`writes a report whose name is as long as names may be (${kind})`, () => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, OLD);
      const inode = fs.statSync(file).ino;
      writeBack(file, NEW);
      assert.strictEqual(fs.readFileSync(file, 'utf8'), NEW);
      assert.notStrictEqual(fs.statSync(file).ino, inode, 'replaced whole, not written in place');
      assert.deepStrictEqual(leftovers(), []);
    });
  }

  /** openSync as the system's, except that files made beside the report fail with this code. */
  const noFileBeside = (file: string, code: string) =>
    ((target: fs.PathLike, flags: fs.OpenMode, mode?: fs.Mode) =>
      target === fs.realpathSync(file) ? fs.openSync(target, flags, mode) : failing(code, code)()) as typeof fs.openSync;

  it('writes in place when no file can be made beside it', () => {
    const file = report();
    writeBack(file, NEW, undefined, { ...fs, openSync: noFileBeside(file, 'EACCES') });
    assert.strictEqual(fs.readFileSync(file, 'utf8'), NEW);
  });

  // before, any failure to make the temporary file sent the text in place, which a full disk then cut short
  it('does not write in place when the temporary file cannot be made for want of space', () => {
    const file = report();
    assertLeftAsItWas(file, () => writeBack(file, NEW, undefined, { ...fs, openSync: noFileBeside(file, 'ENOSPC') }), /ENOSPC/);
  });

  /** Calls whose writes into the report itself fail with the code `fail` gives (null: written); others, such as a copy beside it, succeed. */
  const failingWritesInto = (file: string, fail: (offset: number) => string | null): WriteCalls => {
    let reportFd = -1;
    return {
      ...fs,
      openSync: ((target: fs.PathLike, flags: fs.OpenMode, mode?: fs.Mode) => {
        const fd = fs.openSync(target, flags, mode);
        if (target === fs.realpathSync(file)) reportFd = fd;
        return fd;
      }) as typeof fs.openSync,
      writeSync: ((fd: number, buffer: Buffer, offset: number, length: number, position: number) => {
        const code = fd === reportFd ? fail(offset) : null;
        if (code) throw Object.assign(new Error('write failed'), { code });
        return fs.writeSync(fd, buffer, offset, length, position);
      }) as typeof fs.writeSync,
    };
  };
  /** As failingWritesInto, for a report with another hard link, which is written in place. */
  const inPlaceWith = (file: string, fail: (offset: number) => string | null): WriteCalls => {
    fs.linkSync(file, path.join(dir, 'other-name.txt'));
    return failingWritesInto(file, fail);
  };

  it('writing in place, grows the file first, and cuts it back to the text it had when the disk is full', () => {
    const file = report();
    const calls = inPlaceWith(file, (offset) => (offset >= OLD.length ? 'ENOSPC' : null));
    assertLeftAsItWas(file, () => writeBack(file, NEW, stampOf(fs.statSync(file)), calls), /write failed/);
  });

  it('writing in place, keeps a copy of the text while it writes, and names it when the write fails partway', () => {
    const file = report();
    const calls = inPlaceWith(file, (offset) => (offset < OLD.length ? 'EIO' : null));
    assert.throws(() => writeBack(file, NEW, stampOf(fs.statSync(file)), calls), (error: Error) => {
      assert.ok(error instanceof WrittenPartway);
      const copy = /kept in (.+)$/.exec(error.message)?.[1];
      assert.ok(copy, error.message);
      assert.strictEqual(fs.readFileSync(copy, 'utf8'), OLD);
      assert.strictEqual((fs.statSync(copy).mode & 0o777), 0o600);
      return true;
    });
  });

  it('writing in place, does not write over a file changed since it was read', () => {
    const file = report();
    fs.linkSync(file, path.join(dir, 'other-name.txt'));
    const stamp = stampOf(fs.statSync(file));
    fs.appendFileSync(file, 'Typed by the inspector meanwhile.\n');
    assert.throws(() => writeBack(file, NEW, stamp), ChangedSinceRead);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), `${OLD}Typed by the inspector meanwhile.\n`);
    assert.deepStrictEqual(leftovers(), []);
  });

  it('writes through a chain of links, and leaves a dangling link alone', () => {
    const file = report();
    fs.symlinkSync(file, path.join(dir, 'first.txt'));
    fs.symlinkSync(path.join(dir, 'first.txt'), path.join(dir, 'second.txt'));
    writeBack(path.join(dir, 'second.txt'), NEW);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), NEW);
    assert.ok(fs.lstatSync(path.join(dir, 'second.txt')).isSymbolicLink() && fs.lstatSync(path.join(dir, 'first.txt')).isSymbolicLink());
    fs.symlinkSync(path.join(dir, 'gone.txt'), path.join(dir, 'dangling.txt'));
    assert.throws(() => writeBack(path.join(dir, 'dangling.txt'), NEW), /ENOENT/);
    assert.ok(!fs.existsSync(path.join(dir, 'gone.txt')));
    assert.deepStrictEqual(leftovers(), []);
  });

  it('writing in place, does not follow a link put in place of the report after it was found', () => {
    const file = report();
    const victim = path.join(dir, 'victim.txt');
    fs.writeFileSync(victim, 'Not a report.\n');
    fs.linkSync(file, path.join(dir, 'other-name.txt'));
    const swapped: WriteCalls = {
      ...fs,
      openSync: ((target: fs.PathLike, flags: fs.OpenMode, mode?: fs.Mode) => {
        if (target === fs.realpathSync(file) && !fs.lstatSync(file).isSymbolicLink()) {
          fs.unlinkSync(file);
          fs.symlinkSync(victim, file);
        }
        return fs.openSync(target, flags, mode);
      }) as typeof fs.openSync,
    };
    assert.throws(() => writeBack(file, NEW, undefined, swapped), /ELOOP|symbolic links/);
    assert.strictEqual(fs.readFileSync(victim, 'utf8'), 'Not a report.\n');
    assert.deepStrictEqual(leftovers(), []);
  });

  it('makes the temporary file readable by its owner alone until it has the report\'s group and mode', () => {
    const file = report();
    fs.chmodSync(file, 0o644);
    const modes: number[] = [];
    writeBack(file, NEW, undefined, {
      ...fs,
      openSync: ((target: fs.PathLike, flags: fs.OpenMode, mode?: fs.Mode) => {
        if (target !== fs.realpathSync(file)) modes.push(Number(mode));
        return fs.openSync(target, flags, mode);
      }) as typeof fs.openSync,
    });
    assert.deepStrictEqual(modes, [0o600]);
    assert.strictEqual(fs.statSync(file).mode & 0o777, 0o644);
  });

  it("keeps the report's group in a set-group-ID folder, whose group new files take", () => {
    const egid = process.getegid!();
    // a folder of another group: root can give it any; a user, one of their other groups if they have one
    const folderGroup = process.geteuid!() === 0 ? egid + 4242 : (process.getgroups?.() ?? []).find((group) => group !== egid);
    const folder = path.join(dir, 'shared');
    fs.mkdirSync(folder);
    const file = path.join(folder, 'report.txt');
    fs.writeFileSync(file, OLD);
    fs.chmodSync(file, 0o640);
    let calls: WriteCalls = fs;
    const groupsGiven: number[] = [];
    if (folderGroup !== undefined) {
      fs.chownSync(folder, process.geteuid!(), folderGroup);
      fs.chmodSync(folder, 0o2775);
      fs.chownSync(file, process.geteuid!(), egid);
    } else {
      // no other group to give the folder: the temporary file reports the folder's group, as it would have there
      const temporary = new Set<number>();
      calls = {
        ...fs,
        openSync: ((target: fs.PathLike, flags: fs.OpenMode, mode?: fs.Mode) => {
          const fd = fs.openSync(target, flags, mode);
          if (target !== fs.realpathSync(file)) temporary.add(fd);
          return fd;
        }) as typeof fs.openSync,
        fstatSync: ((fd: number) => {
          const stat = fs.fstatSync(fd);
          return temporary.has(fd) ? Object.assign(Object.create(Object.getPrototypeOf(stat)), stat, { gid: egid + 1 }) : stat;
        }) as typeof fs.fstatSync,
        fchownSync: (fd: number, uid: number, gid: number) => {
          groupsGiven.push(gid);
          fs.fchownSync(fd, uid, gid);
        },
      };
    }
    writeBack(file, NEW, undefined, calls);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), NEW);
    assert.strictEqual(fs.statSync(file).gid, egid, 'the group of the report, not of the folder');
    if (folderGroup === undefined) assert.deepStrictEqual(groupsGiven, [egid], "the new file is given the report's group");
  });

  it('does not write over a file changed since it was read whose writer put back its size and time', () => {
    const file = report();
    const stamp = stampOf(fs.statSync(file));
    const { atime, mtime } = fs.statSync(file);
    fs.writeFileSync(file, OLD.replace('good', 'fine'));
    fs.utimesSync(file, atime, mtime);
    assert.throws(() => writeBack(file, NEW, stamp), ChangedSinceRead);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), OLD.replace('good', 'fine'));
  });

  it('the CLI leaves a report changed while it was checked as the other writer left it, says so, and exits 2', async () => {
    const broken = readSeed('slac-2011-rutland').replace('12. The LSCB', '14. The LSCB');
    const file = path.join(dir, 'draft.txt');
    fs.writeFileSync(file, broken);
    const meanwhile = broken + '\nA paragraph the inspector saved while the linter ran.\n';
    const io = recordingIo(dir, {
      writeFile: (filePath, text, before) => {
        fs.writeFileSync(filePath, meanwhile);
        writeBack(filePath, text, before);
      },
    });
    const { out, err } = io;
    const code = await main(['--fix', file], io);
    assert.strictEqual(code, 2);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), meanwhile);
    assert.match(err.join(''), /draft\.txt changed on disk while it was checked, so its fixes are not written \(run --fix again\)/);
    assert.match(out.join(''), /not fixed: the file changed on disk while it was checked/);
    assert.match(out.join(''), /paragraph-numbering/);
  });

  it('the CLI names the copy it kept when a write in place fails partway, and exits 2', async () => {
    const file = path.join(dir, 'draft.txt');
    fs.writeFileSync(file, readSeed('slac-2011-rutland').replace('12. The LSCB', '14. The LSCB'));
    fs.linkSync(file, path.join(dir, 'draft-other-name.txt'));
    const failingOverwrite = failingWritesInto(file, () => 'EIO');
    const io = recordingIo(dir, { writeFile: (filePath, text, before) => writeBack(filePath, text, before, failingOverwrite) });
    assert.strictEqual(await main(['--fix', file], io), 2);
    const copy = /its text as it was is kept in (\S+)/.exec(io.err.join(''))?.[1];
    assert.ok(copy, io.err.join(''));
    assert.strictEqual(fs.readFileSync(copy, 'utf8'), fs.readFileSync(path.join(dir, 'draft-other-name.txt'), 'utf8'));
    assert.match(io.out.join(''), /not fixed: the write failed partway, and the text it had is kept beside it/);
  });
});
