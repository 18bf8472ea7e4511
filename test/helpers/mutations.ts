import * as fc from 'fast-check';

/** Edits a writer (or a broken export) might make to a report, applied line by line. */
export type Mutation =
  | { op: 'delete'; at: number }
  | { op: 'duplicate'; at: number }
  | { op: 'swap'; at: number; with: number }
  | { op: 'renumber'; at: number; digit: number }
  | { op: 'reword'; at: number; word: string }
  | { op: 'binary'; at: number; bytes: string }
  | { op: 'crlf'; at: number }
  | { op: 'bom' }
  | { op: 'long'; at: number; length: number };

const WORDS = ['good', 'outstanding', 'inadequate', 'adequate', 'Grade', 'not', 'no longer', 'Record of main findings', '\t', '**', '<b>', '#'];

export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ op: fc.constant('renumber' as const), at: fc.nat(), digit: fc.integer({ min: 0, max: 9 }) }),
  fc.record({ op: fc.constant('reword' as const), at: fc.nat(), word: fc.constantFrom(...WORDS) }),
  fc.record({
    op: fc.constant('binary' as const),
    at: fc.nat(),
    bytes: fc.uint8Array({ maxLength: 16 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
  }),
  fc.record({ op: fc.constant('crlf' as const), at: fc.nat() }),
  fc.constant({ op: 'bom' as const }),
  fc.record({ op: fc.constant('long' as const), at: fc.nat(), length: fc.integer({ min: 1000, max: 20000 }) }),
);

export function applyMutations(text: string, mutations: readonly Mutation[]): string {
  const lines = text.split('\n');
  const pick = (at: number) => (lines.length ? at % lines.length : 0);
  let bom = false;
  for (const mutation of mutations) {
    const index = mutation.op === 'bom' ? 0 : pick(mutation.at);
    switch (mutation.op) {
      case 'delete':
        lines.splice(index, 1);
        break;
      case 'duplicate':
        lines.splice(index, 0, lines[index] ?? '');
        break;
      case 'swap': {
        const other = pick(mutation.with);
        [lines[index], lines[other]] = [lines[other] ?? '', lines[index] ?? ''];
        break;
      }
      case 'renumber':
        lines[index] = (lines[index] ?? '').replace(/\d/, String(mutation.digit));
        break;
      case 'reword': {
        const line = lines[index] ?? '';
        const cut = Math.floor(line.length / 2);
        lines[index] = line.slice(0, cut) + mutation.word + line.slice(cut);
        break;
      }
      case 'binary':
        lines[index] = (lines[index] ?? '') + mutation.bytes;
        break;
      case 'crlf':
        lines[index] = (lines[index] ?? '') + '\r';
        break;
      case 'bom':
        bom = true;
        break;
      case 'long':
        lines[index] = (lines[index] ?? '') + ' good'.repeat(Math.ceil(mutation.length / 5));
        break;
    }
  }
  return (bom ? '\uFEFF' : '') + lines.join('\n');
}
