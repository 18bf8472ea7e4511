import { compileFramework, titleKey } from '../frameworks/compiled';
import type { FrameworkRegistry } from '../frameworks/registry';
import type { FrameworkProfile } from '../frameworks/profile';
import type { Directive, FrameworkResolution } from '../model';
import { collapseWhiteSpace, maskMarkup } from '../text';
import type { Lines } from './lines';

/** Only the start of a long document is read to recognise its framework. */
const SAMPLE_LINES = 400;
const SAMPLE_CHARACTERS = 120_000;
const TITLE_LINES = 30;
const TITLE_CHARACTERS = 6000;
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

interface Lowered {
  titles: { text: string; folded: string }[];
  phrases: { text: string; folded: string }[];
  descriptors: string[];
}

const loweredCache = new WeakMap<FrameworkProfile, Lowered>();

/** A profile's detection phrases, folded once. */
function lowered(profile: FrameworkProfile): Lowered {
  let cached = loweredCache.get(profile);
  if (!cached) {
    cached = {
      titles: profile.detection.titles.map((text) => ({ text, folded: lower(text) })),
      phrases: profile.detection.phrases.map((text) => ({ text, folded: lower(text) })),
      descriptors: profile.scale.levels.flatMap((level) => (level.descriptor ? [lower(level.descriptor)] : [])),
    };
    loweredCache.set(profile, cached);
  }
  return cached;
}

function lower(text: string): string {
  return collapseWhiteSpace(text.toLowerCase().replace(/[\u2018\u2019]/g, "'"));
}

/** Scores each framework on the report's own evidence and picks the best, if it is convincing. */
export function detect(lines: Lines, profiles: readonly FrameworkProfile[]): FrameworkResolution | null {
  let sampleEnd = Math.min(lines.length, SAMPLE_LINES);
  let characters = 0;
  for (let index = 0; index < sampleEnd; index++) {
    characters += lines.text(index).length + 1;
    if (characters > SAMPLE_CHARACTERS) sampleEnd = index + 1;
  }
  // titles stand on short lines (a PDF may break one over two): long paragraphs are not searched for them
  const headLines: string[] = [];
  for (let index = 0; index < Math.min(sampleEnd, TITLE_LINES); index++) {
    const line = lines.text(index);
    if (line.length <= 200) headLines.push(line);
  }
  const headText = lower(maskMarkup(headLines.join('\n').slice(0, TITLE_CHARACTERS)));

  // the report's title first: when it names one framework, the costlier evidence is not gathered
  const scored = profiles.map((profile) => {
    const evidence: string[] = [];
    let score = 0;
    for (const title of lowered(profile).titles) {
      if (headText.includes(title.folded)) {
        score += 10;
        evidence.push(`its title says "${title.text}"`);
      }
    }
    return { profile, score, evidence };
  });
  const ranked = [...scored].sort((a, b) => b.score - a.score);
  const [first, second] = ranked;
  if (first && first.score >= 10 && (!second || first.score - second.score >= 10)) {
    return { profile: first.profile, source: 'detected', evidence: first.evidence };
  }

  const sampleText = lower(maskMarkup(lines.raw.slice(0, sampleEnd).join('\n')));
  for (const candidate of scored) {
    const { phrases, descriptors } = lowered(candidate.profile);
    for (const phrase of phrases) {
      if (sampleText.includes(phrase.folded)) {
        candidate.score += 3;
        candidate.evidence.push(`it says "${phrase.text}"`);
      }
    }
    const matching = descriptors.filter((descriptor) => sampleText.includes(descriptor)).length;
    if (matching) {
      candidate.score += 2 * matching;
      candidate.evidence.push(`its scale table matches ${matching} of the framework's descriptors`);
    }
  }
  const pairs = gradePairs(sampleText);
  const titleKeys: string[] = [];
  for (let index = 0; index < sampleEnd; index++) {
    const text = lines.text(index);
    if (text.length > 0 && text.length < 120 && !lines.hasTab(index)) titleKeys.push(titleKey(maskMarkup(text)));
  }
  let best: FrameworkResolution | null = null;
  let bestScore = 0;
  for (const candidate of scored) {
    const { profile, evidence } = candidate;
    let score = candidate.score;
    const compiled = compileFramework(profile);
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
