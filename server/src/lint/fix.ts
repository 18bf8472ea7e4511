import { comparePositions as compare, firstIndexWhere, type Range } from '../core/text';
import type { TextEdit } from '../rules/rule';
import type { Diagnostic } from './engine';

/** Offsets at which each line starts; lines end at LF, CRLF or a lone CR, as the parser splits them. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 13 && text.charCodeAt(index + 1) === 10) index++;
    if (code === 10 || code === 13) starts.push(index + 1);
  }
  return starts;
}

function offsetIn(text: string, starts: readonly number[], position: Range['start']): number {
  if (position.line >= starts.length) return text.length;
  const start = starts[position.line] as number;
  const next = position.line + 1 < starts.length ? (starts[position.line + 1] as number) : text.length;
  // a character past the end of its line stops at the line's end, before its terminator
  let end = next;
  while (end > start && (text.charCodeAt(end - 1) === 10 || text.charCodeAt(end - 1) === 13)) end--;
  return Math.min(start + Math.max(0, position.character), end);
}

/** Applies edits whose positions all refer to the text before any of them (LSP semantics); they must not overlap. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const starts = lineStarts(text);
  const located = edits
    .map((edit) => ({ start: offsetIn(text, starts, edit.range.start), end: offsetIn(text, starts, edit.range.end), newText: edit.newText }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let cursor = 0;
  for (const edit of located) {
    if (edit.start < cursor) throw new Error('overlapping edits');
    out += text.slice(cursor, edit.start) + edit.newText;
    cursor = edit.end;
  }
  return out + text.slice(cursor);
}

function isEmpty(range: Range): boolean {
  return compare(range.start, range.end) === 0;
}

/**
 * Do two edits collide? Ranges that only touch do not; two insertions at one place do (their order would be
 * arbitrary: only the first is kept).
 */
export function overlaps(a: Range, b: Range): boolean {
  if (isEmpty(a) && isEmpty(b)) return compare(a.start, b.start) === 0;
  return compare(a.start, b.end) < 0 && compare(b.start, a.end) < 0;
}

/**
 * Edits that collide with none of the others, sorted by where they start (then end): their ends are in order too,
 * so whether a new edit collides with any of them is a question for the first that ends after it starts (and, for
 * an insertion, for an insertion at its place), found by halving: fixing thousands of problems stays linear.
 */
class DisjointEdits {
  readonly edits: TextEdit[] = [];

  /** Index of the first edit whose end comes after `position` (or, with `orAt`, is at it). */
  private firstEndingAfter(position: Range['start'], orAt: boolean): number {
    return firstIndexWhere(this.edits.length, (index) => {
      const order = compare((this.edits[index] as TextEdit).range.end, position);
      return order > 0 || (orAt && order === 0);
    });
  }

  collides(range: Range): boolean {
    // from the first edit ending where the new one starts (an insertion there collides with an insertion) to the
    // first starting where it ends: an insertion at a place sorts before the edits starting there
    for (let index = this.firstEndingAfter(range.start, true); index < this.edits.length; index++) {
      const other = (this.edits[index] as TextEdit).range;
      if (overlaps(range, other)) return true;
      if (compare(other.start, range.end) >= 0) return false;
    }
    return false;
  }

  add(edit: TextEdit): void {
    const { start, end } = edit.range;
    const at = firstIndexWhere(this.edits.length, (index) => {
      const other = (this.edits[index] as TextEdit).range;
      return (compare(other.start, start) || compare(other.end, end)) > 0;
    });
    this.edits.splice(at, 0, edit);
  }
}

/** Whether the problem has a preferred fix: the one `--fix` and "fix all" apply. */
export function hasPreferredFix(diagnostic: Diagnostic): boolean {
  return diagnostic.fixes.some((fix) => fix.preferred);
}

/**
 * The preferred fix of every problem, leaving out any whose edits would collide with a fix already taken (or with
 * each other: applied, such a fix would fail), in the order the problems come.
 */
export function preferredEdits(diagnostics: readonly Diagnostic[]): TextEdit[] {
  const taken: TextEdit[] = [];
  const placed = new DisjointEdits();
  for (const diagnostic of diagnostics) {
    const fix = diagnostic.fixes.find((candidate) => candidate.preferred);
    if (!fix || !fix.edits.length) continue;
    if (fix.edits.some((edit, index) => placed.collides(edit.range) || fix.edits.some((other, at) => at < index && overlaps(edit.range, other.range)))) continue;
    for (const edit of fix.edits) placed.add(edit);
    taken.push(...fix.edits);
  }
  return taken;
}

export interface FixAllResult {
  text: string;
  /** How many rounds of fixes were applied. */
  passes: number;
}

/** Rounds taken whatever they do (as ESLint takes ten). */
const FREE_PASSES = 10;
/** Rounds in all, while each leaves fewer problems to fix than the one before. */
const MAX_PASSES = 100;
/**
 * Characters the rounds past the tenth may check in all: a hundred rounds of a long report would hold the editor
 * for seconds (a 4 MB report, pasted 50 times over, takes about 0.1 s a round).
 */
const EXTRA_ROUNDS_BUDGET = 8_000_000;

/**
 * Applies the preferred fixes, then checks the result again and fixes what is left: fixes are computed against the
 * text they fix, so two that depend on each other (renumbering paragraphs after a gap, then after a repeat further
 * on) come out right. Ten rounds, as ESLint takes; then more while each leaves fewer fixable problems (a report
 * with fifteen breaks in its numbering, one fixed a round), up to a hundred and within EXTRA_ROUNDS_BUDGET.
 */
export function fixAll(text: string, check: (text: string) => readonly Diagnostic[], first?: readonly Diagnostic[]): FixAllResult {
  let current = text;
  let diagnostics = first ?? check(text);
  const seen = new Set([current]);
  let passes = 0;
  let fixable = Infinity;
  while (passes < MAX_PASSES) {
    const count = diagnostics.filter(hasPreferredFix).length;
    if (passes >= FREE_PASSES && (count >= fixable || (passes - FREE_PASSES + 1) * current.length > EXTRA_ROUNDS_BUDGET)) break;
    fixable = count;
    const edits = preferredEdits(diagnostics);
    if (!edits.length) break;
    const next = applyEdits(current, edits);
    if (seen.has(next)) break;
    seen.add(next);
    current = next;
    passes++;
    diagnostics = check(current);
  }
  return { text: current, passes };
}

/** The text split into lines that keep their terminators (the last may have none). */
function chunks(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

function contentOf(chunk: string): string {
  return chunk.replace(/(?:\r\n|\r|\n)$/, '');
}

/** How far ahead a change may look for the lines where the two texts agree again. */
const RESYNC_WINDOW = 60;

/**
 * Edits that turn `before` into `after`, each as small as it can be: changed lines are edited from their first to
 * their last differing character, and inserted or deleted lines are edited as whole lines. Text the two share is
 * never part of an edit.
 */
export function editsBetween(beforeText: string, afterText: string): TextEdit[] {
  if (beforeText === afterText) return [];
  const a = chunks(beforeText);
  const b = chunks(afterText);
  const endsWithBreak = /[\r\n]$/.test(beforeText);
  const lastLine = Math.max(0, a.length - (endsWithBreak ? 0 : 1));
  const startOf = (index: number) => (index < a.length ? { line: index, character: 0 } : endsWithBreak ? { line: a.length, character: 0 } : { line: lastLine, character: contentOf(a[a.length - 1] ?? '').length });
  const edits: TextEdit[] = [];
  const replaceLines = (from: number, to: number, lines: string[]) => edits.push({ range: { start: startOf(from), end: startOf(to) }, newText: lines.join('') });
  const editLine = (index: number, old: string, now: string) => {
    let head = 0;
    while (head < old.length && head < now.length && old[head] === now[head]) head++;
    let tail = 0;
    while (tail < old.length - head && tail < now.length - head && old[old.length - 1 - tail] === now[now.length - 1 - tail]) tail++;
    edits.push({ range: { start: { line: index, character: head }, end: { line: index, character: old.length - tail } }, newText: now.slice(head, now.length - tail) });
  };

  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    // the nearest place where the texts agree again, preferring lines changed in place
    let resync: [number, number] | null = null;
    for (let distance = 1; distance <= RESYNC_WINDOW * 2 && !resync; distance++) {
      // balanced skips first: a line changed in place rather than one deleted and another inserted
      for (let step = 0; step <= distance && !resync; step++) {
        const skipA = (distance >> 1) + (step % 2 ? (step + 1) >> 1 : -(step >> 1));
        if (skipA < 0 || skipA > distance) continue;
        const skipB = distance - skipA;
        const x = i + skipA;
        const y = j + skipB;
        if (x <= a.length && y <= b.length && (x === a.length ? y === b.length : y < b.length && a[x] === b[y])) resync = [x, y];
      }
    }
    const [x, y] = resync ?? [a.length, b.length];
    // lines changed in place, same terminators: edit inside each line
    const inPlace = x - i === y - j && a.slice(i, x).every((line, k) => line.length - contentOf(line).length === (b[j + k] as string).length - contentOf(b[j + k] as string).length && line.endsWith((b[j + k] as string).slice(contentOf(b[j + k] as string).length)));
    if (inPlace) for (let k = 0; k < x - i; k++) editLine(i + k, contentOf(a[i + k] as string), contentOf(b[j + k] as string));
    else replaceLines(i, x, b.slice(j, y));
    i = x;
    j = y;
  }
  return edits;
}
