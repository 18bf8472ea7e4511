import { detached, normalizeTitle, phrasePattern, withoutSectionNumber } from '../text';
import type { GradeStyle } from '../model';
import type {
  FrameworkProfile,
  GroupDefinition,
  HeadingDefinition,
  JudgementDefinition,
  Level,
  PartDefinition,
} from './profile';

export type TitleRole =
  | { kind: 'judgement'; definition: JudgementDefinition }
  | { kind: 'part'; part: PartDefinition }
  | { kind: 'group'; group: GroupDefinition }
  | { kind: 'heading'; heading: HeadingDefinition };

/**
 * A framework profile turned into the lookups and regular expressions the parser needs.
 * The generic matcher (profile null) recognises grade notation with any known label but gives no meaning.
 */
export interface CompiledFramework {
  profile: FrameworkProfile | null;
  levels: readonly Level[];
  /** Alternation of every label spelling, longest first (regex source, no groups). */
  labelPattern: string;
  styles: ReadonlySet<GradeStyle>;
  levelForNumber(value: number): Level | null;
  levelForLabel(label: string): Level | null;
  /** True when the label is an outdated wording of its level. */
  isOutdatedLabel(label: string): boolean;
  /** Global regex over prose finding evaluative terms; group 1 is the term. */
  termRegex: RegExp;
  levelForTerm(term: string): Level | null;
  matchTitle(title: string): TitleRole | null;
  /** As matchTitle, for a title already reduced by titleKey(). */
  matchTitleKey(key: string): TitleRole | null;
  /** Global regex finding mentions of judgements in prose; group 1 is the mention. */
  mentionRegex: RegExp | null;
  judgementForMention(mention: string): JudgementDefinition | null;
  recordTitles: readonly string[];
  /** Whether the text begins (or is) a label of the scale, for labels broken over lines. */
  isLabelStart(text: string): boolean;
  /** Whether the text begins (or is) a known judgement title, for titles broken over lines. */
  isTitleStart(text: string): boolean;
  /** Openings of one-line statements of a judgement with its grade (longest first). */
  statements: readonly Statement[];
}

export interface Statement {
  /** Lower case, straight apostrophes. */
  opening: string;
  definition: JudgementDefinition;
  /** Named as a statement by the profile (rather than a judgement's title, which needs a line of its own). */
  explicit: boolean;
}

const cache = new WeakMap<FrameworkProfile, CompiledFramework>();
const genericCache = new Map<string, CompiledFramework>();


/** Lower case with straight apostrophes; same length as the text, so offsets still match. */
export function foldApostrophes(text: string): string {
  return text.toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'");
}

/**
 * A memo of a string function over the short strings reports repeat (titles, labels, terms); it stays small. Its
 * keys are copied: a title read from a report is a slice of the report's whole text, and a slice held as a key keeps
 * that text alive (the CLI kept all 200 reports of the bench corpus, 9 MB, and the server every version typed).
 */
function remembered(compute: (text: string) => string): (text: string) => string {
  const cache = new Map<string, string>();
  return (text) => {
    let value = cache.get(text);
    if (value === undefined) {
      value = compute(text);
      if (text.length > 200) return value;
      if (cache.size > 20000) cache.clear();
      cache.set(detached(text), detached(value));
    }
    return value;
  };
}

/** The key a title is compared by: lower case, no punctuation, no leading number or bracketed abbreviation, no separator after it. */
export const titleKey = remembered(computeTitleKey);

function computeTitleKey(title: string): string {
  // "The Local Safeguarding Children Board (LSCB)": an abbreviation in brackets does not change the title
  // a dash left after the title ("Capacity for improvement –") is the separator before a grade, as a record row's is
  return normalizeTitle(withoutSectionNumber(title).replace(/\s*\([A-Za-z]{2,8}\)\s*:?\s*$/, '')).replace(/[\s:-]+$/, '');
}

function byLengthDesc(a: string, b: string): number {
  return b.length - a.length;
}

function alternation(phrases: Iterable<string>): string {
  const unique = [...new Set([...phrases].map((p) => p.trim()).filter(Boolean))].sort(byLengthDesc);
  return unique.length ? unique.map(phrasePattern).join('|') : '(?!)';
}

/** normalizeTitle, remembered: labels, terms and mentions are a few short strings met again and again. */
const normalizePhrase = remembered(normalizeTitle);

export function compileFramework(profile: FrameworkProfile): CompiledFramework {
  const cached = cache.get(profile);
  if (cached) return cached;

  const levels = profile.scale.levels;
  const byNumber = new Map<number, Level>();
  const byLabel = new Map<string, Level>();
  const outdated = new Set<string>();
  const byTerm = new Map<string, Level>();
  for (const level of levels) {
    if (level.number !== undefined) byNumber.set(level.number, level);
    for (const label of [level.label, ...level.aliases]) byLabel.set(normalizePhrase(label), level);
    for (const label of level.outdatedLabels) {
      byLabel.set(normalizePhrase(label), level);
      outdated.add(normalizePhrase(label));
    }
    for (const term of [...level.terms, ...level.outdatedLabels]) byTerm.set(normalizePhrase(term), level);
  }

  const titles = new Map<string, TitleRole>();
  const add = (title: string, role: TitleRole) => {
    const key = titleKey(title);
    if (key && !titles.has(key)) titles.set(key, role);
  };
  for (const definition of profile.judgements) {
    for (const title of [definition.title, ...definition.aliases]) add(title, { kind: 'judgement', definition });
  }
  for (const part of profile.parts) for (const title of [part.title, ...part.aliases]) add(title, { kind: 'part', part });
  for (const group of profile.groups) {
    for (const title of [group.title, ...group.aliases]) add(title, { kind: 'group', group });
  }
  for (const heading of profile.headings) {
    for (const title of [heading.title, ...heading.aliases]) add(title, { kind: 'heading', heading });
  }
  for (const title of profile.record.titles) add(title, { kind: 'heading', heading: { title, aliases: [], kind: 'record', within: 'report', summary: false } });

  const mentions = new Map<string, JudgementDefinition>();
  for (const definition of profile.judgements) {
    if (definition.overall || !definition.graded) continue;
    const phrases = definition.mentions.length ? definition.mentions : [definition.title, ...definition.aliases];
    for (const phrase of phrases) {
      const key = normalizePhrase(phrase);
      if (key && !mentions.has(key)) mentions.set(key, definition);
    }
  }

  const matchKey = (key: string): TitleRole | null => {
    const exact = titles.get(key);
    if (exact) return exact;
    // "… including the management of …", "… 2009": the title before the suffix
    const including = key.indexOf(' including');
    if (including > 0) {
      const role = titles.get(key.slice(0, including));
      if (role) return role;
    }
    // a year ends in a digit: the regular expression, tried at every position, is spared the other titles
    const lastCode = key.charCodeAt(key.length - 1);
    const year = lastCode >= 48 && lastCode <= 57 ? /\s\d{4}(?:\s*-\s*\d{2,4})?$/.exec(key) : null;
    return year ? (titles.get(key.slice(0, year.index)) ?? null) : null;
  };

  const labelKeys = levels.flatMap((level) => [level.label, ...level.aliases, ...level.outdatedLabels]).map(normalizePhrase);
  const titleKeys = [...titles.keys()];
  const statements: Statement[] = [];
  if (profile.notation.styles.includes('sentence')) {
    for (const definition of profile.judgements) {
      for (const opening of definition.statements) statements.push({ opening: foldApostrophes(opening), definition, explicit: true });
      for (const title of [definition.title, ...definition.aliases]) statements.push({ opening: foldApostrophes(title), definition, explicit: false });
    }
    statements.sort((a, b) => b.opening.length - a.opening.length);
  }

  const termWords = [...levels.flatMap((level) => [...level.terms, ...level.outdatedLabels])];
  const compiled: CompiledFramework = {
    profile,
    levels,
    labelPattern: alternation(levels.flatMap((level) => [level.label, ...level.aliases, ...level.outdatedLabels])),
    styles: new Set(profile.notation.styles),
    levelForNumber: (value) => byNumber.get(value) ?? null,
    levelForLabel: (label) => byLabel.get(normalizePhrase(label)) ?? null,
    isOutdatedLabel: (label) => outdated.has(normalizePhrase(label)),
    termRegex: new RegExp(`\\b(${alternation(termWords)})\\b`, 'gi'),
    levelForTerm: (term) => byTerm.get(normalizePhrase(term)) ?? null,
    matchTitle: (title) => matchKey(titleKey(title)),
    matchTitleKey: (key) => matchKey(key),
    mentionRegex: mentions.size
      ? new RegExp(`\\b(${alternation(mentions.keys())})\\b`, 'gi')
      : null,
    judgementForMention: (mention) => mentions.get(normalizePhrase(mention)) ?? null,
    recordTitles: profile.record.titles,
    isLabelStart: (text) => {
      const key = normalizePhrase(text);
      if (!key) return false;
      const prefix = key + ' ';
      return labelKeys.some((label) => label === key || label.startsWith(prefix));
    },
    isTitleStart: (text) => {
      const key = titleKey(text);
      if (!key) return false;
      const prefix = key + ' ';
      return titleKeys.some((title) => title === key || title.startsWith(prefix));
    },
    statements,
  };
  cache.set(profile, compiled);
  return compiled;
}

/** Recognises grade notation written with any of the given frameworks' labels, without giving it a meaning. */
export function compileGeneric(known: readonly FrameworkProfile[]): CompiledFramework {
  const labels = known.flatMap((profile) =>
    profile.scale.levels.flatMap((level) => [level.label, ...level.aliases, ...level.outdatedLabels]),
  );
  const cacheKey = labels.join('|');
  const cached = genericCache.get(cacheKey);
  if (cached) return cached;
  const compiled: CompiledFramework = {
    profile: null,
    levels: [],
    labelPattern: alternation(labels),
    styles: new Set<GradeStyle>(['grade-number', 'grade-number-label', 'label-grade-number', 'label-number']),
    levelForNumber: () => null,
    levelForLabel: () => null,
    isOutdatedLabel: () => false,
    termRegex: /(?!)/g,
    levelForTerm: () => null,
    matchTitle: () => null,
    matchTitleKey: () => null,
    mentionRegex: null,
    judgementForMention: () => null,
    recordTitles: [],
    isLabelStart: () => false,
    isTitleStart: () => false,
    statements: [],
  };
  genericCache.set(cacheKey, compiled);
  return compiled;
}

