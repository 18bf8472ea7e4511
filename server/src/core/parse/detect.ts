import { compileFramework } from '../frameworks/compiled';
import type { FrameworkRegistry } from '../frameworks/registry';
import type { FrameworkProfile } from '../frameworks/schema';
import type { Directive, FrameworkResolution } from '../model';
import { trimmedSpan } from '../text';
import type { Lines } from './lines';

/** Only the start of a long document is read to recognise its framework. */
const SAMPLE_LINES = 1500;
const TITLE_LINES = 60;
const THRESHOLD = 6;

export interface DetectionInput {
  lines: Lines;
  registry: FrameworkRegistry;
  directives: readonly Directive[];
  /** A framework id the caller insists on (CLI flag, editor setting, configuration). */
  forced?: { id: string; source: 'option' | 'config' };
}

export interface Detection {
  resolution: FrameworkResolution | null;
  /** A framework named by a directive or option that does not exist. */
  unknown: { id: string; source: 'directive' | 'option' | 'config'; directive?: Directive } | null;
}

export function resolveFramework(input: DetectionInput): Detection {
  const { registry, directives } = input;
  const directive = directives.find((candidate) => candidate.kind === 'framework');
  let unknown: Detection['unknown'] = null;
  if (directive) {
    const id = directive.values[0] ?? '';
    const profile = registry.get(id);
    if (profile) {
      return { resolution: { profile, source: 'directive', evidence: [`the directive on line ${directive.range.start.line + 1}`] }, unknown };
    }
    unknown = { id, source: 'directive', directive };
  }
  if (input.forced) {
    const profile = registry.get(input.forced.id);
    if (profile) {
      const why = input.forced.source === 'config' ? 'the workspace configuration' : 'the caller';
      return { resolution: { profile, source: input.forced.source, evidence: [`chosen by ${why}`] }, unknown };
    }
    unknown ??= { id: input.forced.id, source: input.forced.source };
  }
  return { resolution: detect(input.lines, registry.all()), unknown };
}

function lower(text: string): string {
  return text.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ');
}

/** Scores each framework on the report's own evidence and picks the best, if it is convincing. */
export function detect(lines: Lines, profiles: readonly FrameworkProfile[]): FrameworkResolution | null {
  const sampleEnd = Math.min(lines.length, SAMPLE_LINES);
  const head: string[] = [];
  const sample: string[] = [];
  const shortLines: string[] = [];
  for (let index = 0; index < sampleEnd; index++) {
    const text = lines.masked(index);
    const folded = lower(text);
    if (index < TITLE_LINES) head.push(folded);
    sample.push(folded);
    const span = trimmedSpan(text);
    if (span.end - span.start > 0 && span.end - span.start < 120) shortLines.push(text.slice(span.start, span.end));
  }
  const headText = head.join('\n');
  const sampleText = sample.join('\n');
  const pairs = gradePairs(sampleText);

  let best: FrameworkResolution | null = null;
  let bestScore = 0;
  for (const profile of profiles) {
    const compiled = compileFramework(profile);
    const evidence: string[] = [];
    let score = 0;
    for (const title of profile.detection.titles) {
      if (headText.includes(lower(title))) {
        score += 10;
        evidence.push(`its title says "${title}"`);
      }
    }
    for (const phrase of profile.detection.phrases) {
      if (sampleText.includes(lower(phrase))) {
        score += 3;
        evidence.push(`it says "${phrase}"`);
      }
    }
    let descriptors = 0;
    for (const level of profile.scale.levels) if (level.descriptor && sampleText.includes(lower(level.descriptor))) descriptors++;
    if (descriptors) {
      score += 2 * descriptors;
      evidence.push(`its scale table matches ${descriptors} of the framework's descriptors`);
    }
    let agree = 0;
    let disagree = 0;
    for (const pair of pairs) {
      const byNumber = compiled.levelForNumber(pair.number);
      const words = pair.label.split(' ');
      let byLabel = null;
      for (let take = 1; take <= Math.min(4, words.length) && !byLabel; take++) {
        byLabel = compiled.levelForLabel(words.slice(-take).join(' '));
      }
      if (!byLabel) continue;
      if (byNumber === byLabel) agree++;
      else disagree++;
    }
    if (agree) evidence.push(`${agree} grade${agree > 1 ? 's' : ''} pair numbers and labels as this scale does`);
    score += Math.min(agree, 10) * 2 - disagree * 3;
    let headings = 0;
    for (const text of shortLines) if (compiled.matchTitle(text)?.kind === 'judgement') headings++;
    if (headings) evidence.push(`${headings} heading${headings > 1 ? 's' : ''} name its judgements`);
    score += Math.min(headings, 10);
    if (score > bestScore) {
      bestScore = score;
      best = { profile, source: 'detected', evidence };
    }
  }
  return bestScore >= THRESHOLD ? best : null;
}

/** "Grade 2 (Good)", "Good (Grade 2)", "Inadequate Grade 4", "Performs well (3)" */
function gradePairs(text: string): { number: number; label: string }[] {
  const out: { number: number; label: string }[] = [];
  const patterns = [
    /grade\s*(\d{1,2})\s*[(\[]\s*([a-z][a-z ]{1,40}?)\s*[)\]]/g,
    /([a-z][a-z ]{1,40}?)\s*[(\[]\s*grade\s*(\d{1,2})\s*[)\]]/g,
    /\b(performs? [a-z]+)\s*\(\s*(\d)\s*\)/g,
  ];
  patterns.forEach((pattern, index) => {
    let match: RegExpExecArray | null;
    while ((match = pattern.exec(text))) {
      const number = Number(index === 0 ? match[1] : match[2]);
      const label = (index === 0 ? match[2] : match[1]) ?? '';
      out.push({ number, label: label.trim() });
    }
  });
  return out;
}
