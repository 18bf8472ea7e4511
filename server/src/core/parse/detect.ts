import { compileFramework, titleKey } from '../frameworks/compiled';
import type { FrameworkRegistry } from '../frameworks/registry';
import type { FrameworkProfile } from '../frameworks/schema';
import type { Directive, FrameworkResolution } from '../model';
import { maskMarkup } from '../text';
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
  /** A framework named by a directive or option that does not exist, with the ids that do. */
  unknown: { id: string; source: 'directive' | 'option' | 'config'; directive?: Directive; known: string[] } | null;
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
    unknown = { id, source: 'directive', directive, known: registry.ids() };
  }
  if (input.forced) {
    const profile = registry.get(input.forced.id);
    if (profile) {
      const why = input.forced.source === 'config' ? 'the workspace configuration' : 'the caller';
      return { resolution: { profile, source: input.forced.source, evidence: [`chosen by ${why}`] }, unknown };
    }
    unknown ??= { id: input.forced.id, source: input.forced.source, known: registry.ids() };
  }
  return { resolution: detect(input.lines, registry.all()), unknown };
}

function lower(text: string): string {
  return text.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ');
}

/** Scores each framework on the report's own evidence and picks the best, if it is convincing. */
export function detect(lines: Lines, profiles: readonly FrameworkProfile[]): FrameworkResolution | null {
  const sampleEnd = Math.min(lines.length, SAMPLE_LINES);
  const headText = lower(maskMarkup(lines.raw.slice(0, Math.min(sampleEnd, TITLE_LINES)).join('\n')));
  const sampleText = lower(maskMarkup(lines.raw.slice(0, sampleEnd).join('\n')));
  const titleKeys: string[] = [];
  for (let index = 0; index < sampleEnd; index++) {
    const text = lines.text(index);
    if (text.length > 0 && text.length < 120 && !text.includes('\t')) titleKeys.push(titleKey(maskMarkup(text)));
  }
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
    for (const key of titleKeys) if (compiled.matchTitleKey(key)?.kind === 'judgement') headings++;
    if (headings) evidence.push(`${headings} heading${headings > 1 ? 's' : ''} name its judgements`);
    score += Math.min(headings, 10);
    if (score > bestScore) {
      bestScore = score;
      best = { profile, source: 'detected', evidence };
    }
  }
  return bestScore >= THRESHOLD ? best : null;
}

/** "Grade 2 (Good)", "Good (Grade 2)", "Performs well (3)": number and label pairs, the label as up to four words. */
function gradePairs(text: string): { number: number; label: string }[] {
  const out: { number: number; label: string }[] = [];
  let match: RegExpExecArray | null;
  const numberThenLabel = /grade\s*(\d{1,2})\s*[(\[]\s*([a-z][a-z ]{1,40}?)\s*[)\]]/g;
  while ((match = numberThenLabel.exec(text))) out.push({ number: Number(match[1]), label: (match[2] ?? '').trim() });
  // a label before the number: find the bracket first, then read the words before it
  const bracketedNumber = /[(\[]\s*(?:grade\s*)?(\d{1,2})\s*[)\]]/g;
  while ((match = bracketedNumber.exec(text))) {
    const before = text.slice(Math.max(0, match.index - 48), match.index);
    const words = /([a-z][a-z ]*?)\s*$/.exec(before);
    if (words?.[1]) out.push({ number: Number(match[1]), label: words[1].trim() });
  }
  return out;
}
