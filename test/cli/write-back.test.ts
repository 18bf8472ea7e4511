import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main, type Io } from '../../server/src/cli/main';
import { ChangedSinceRead, stampOf, writeBack, type WriteCalls } from '../../server/src/cli/write-back';
import { readSeed } from '../helpers/paths';

const OLD = 'Being healthy\n\nGrade 3\n\nThe contribution of services to health is good.\n';
const NEW = 'Being healthy\n\nGrade 3\n\nThe contribution of services to health is good. A new sentence.\n';

describe('--fix writes a file back whole or not at all', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'write-back-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const leftovers = () => fs.readdirSync(dir).filter((name) => name.endsWith('.tmp'));

  it('replaces the text, keeps the mode, and leaves no temporary file', () => {
    const file = path.join(dir, 'report.txt');
    fs.writeFileSync(file, OLD);
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
    const file = path.join(dir, 'report.txt');
    fs.writeFileSync(file, OLD);
    const stamp = stampOf(fs.statSync(file));
    fs.writeFileSync(file, OLD + 'Typed by the inspector meanwhile.\n');
    assert.throws(() => writeBack(file, NEW, stamp), ChangedSinceRead);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), OLD + 'Typed by the inspector meanwhile.\n');
  });

  // before, the text was written in place: a disk filling up partway left the report cut short
  it('leaves the file as it was when the disk fills partway through the write, and cleans up', () => {
    const file = path.join(dir, 'report.txt');
    fs.writeFileSync(file, OLD);
    let writes = 0;
    const fullDisk: WriteCalls = {
      ...fs,
      writeSync: ((fd: number, buffer: Buffer, offset: number) => {
        if (writes++ > 0) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
        return fs.writeSync(fd, buffer, offset, 10);
      }) as typeof fs.writeSync,
    };
    assert.throws(() => writeBack(file, NEW, stampOf(fs.statSync(file)), fullDisk), /no space left/);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), OLD);
    assert.deepStrictEqual(leftovers(), []);
  });

  it('leaves the file as it was when the rename fails, and cleans up', () => {
    const file = path.join(dir, 'report.txt');
    fs.writeFileSync(file, OLD);
    const failingRename: WriteCalls = {
      ...fs,
      renameSync: () => {
        throw Object.assign(new Error('cross-device link'), { code: 'EXDEV' });
      },
    };
    assert.throws(() => writeBack(file, NEW, undefined, failingRename), /cross-device/);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), OLD);
    assert.deepStrictEqual(leftovers(), []);
  });

  it('does not write a read-only report (renaming over it would)', () => {
    const file = path.join(dir, 'report.txt');
    fs.writeFileSync(file, OLD);
    // as root, the test's user here, every file is writable: the check is made to fail as it does for others
    const readOnly: WriteCalls = {
      ...fs,
      accessSync: (target: fs.PathLike, mode?: number) => {
        if (target === fs.realpathSync(file) && mode === fs.constants.W_OK) throw Object.assign(new Error('permission denied'), { code: 'EACCES' });
      },
    };
    assert.throws(() => writeBack(file, NEW, undefined, readOnly), /permission denied/);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), OLD);
    assert.deepStrictEqual(leftovers(), []);
  });

  it('writes a report whose name is as long as names may be', () => {
    const file = path.join(dir, `${'r'.repeat(251)}.txt`);
    fs.writeFileSync(file, OLD);
    writeBack(file, NEW);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), NEW);
    assert.deepStrictEqual(leftovers(), []);
  });

  it('writes in place when no file can be made beside it', () => {
    const file = path.join(dir, 'report.txt');
    fs.writeFileSync(file, OLD);
    const lockedFolder: WriteCalls = {
      ...fs,
      openSync: (() => {
        throw Object.assign(new Error('permission denied'), { code: 'EACCES' });
      }) as typeof fs.openSync,
    };
    writeBack(file, NEW, undefined, lockedFolder);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), NEW);
  });

  it('the CLI leaves a report changed while it was checked as the other writer left it, says so, and exits 2', async () => {
    const broken = readSeed('slac-2011-rutland').replace('12. The LSCB', '14. The LSCB');
    const file = path.join(dir, 'draft.txt');
    fs.writeFileSync(file, broken);
    const meanwhile = broken + '\nA paragraph the inspector saved while the linter ran.\n';
    const out: string[] = [];
    const err: string[] = [];
    const io: Io = {
      cwd: dir,
      stdout: (text) => out.push(text),
      stderr: (text) => err.push(text),
      isTTY: false,
      env: {},
      writeFile: (filePath, text, before) => {
        fs.writeFileSync(filePath, meanwhile);
        writeBack(filePath, text, before);
      },
    };
    const code = await main(['--fix', file], io);
    assert.strictEqual(code, 2);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), meanwhile);
    assert.match(err.join(''), /draft\.txt changed on disk while it was checked, so its fixes are not written \(run --fix again\)/);
    assert.match(out.join(''), /not fixed: the file changed on disk while it was checked/);
    assert.match(out.join(''), /paragraph-numbering/);
  });
});
