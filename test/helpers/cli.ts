import { spawnSync } from 'child_process';
import * as path from 'path';
import type { Io } from '../../server/src/cli/main';
import { repoRoot } from './paths';

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `inspection-lint` bin in a child process. */
export function runCli(args: string[], cwd = repoRoot): CliRun {
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'inspection-lint.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** An Io for running the CLI in process: what it writes, kept (`log` holds both streams in the order written). */
export function recordingIo(cwd: string, extra: Partial<Io> = {}): Io & { out: string[]; err: string[]; log: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const log: string[] = [];
  return {
    cwd,
    stdout: (text) => {
      out.push(text);
      log.push(`out:${text}`);
    },
    stderr: (text) => {
      err.push(text);
      log.push(`err:${text}`);
    },
    isTTY: false,
    env: {},
    ...extra,
    out,
    err,
    log,
  };
}
