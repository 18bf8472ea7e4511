import type { CompiledFramework } from '../frameworks/compiled';
import type { JudgementDefinition, Level } from '../frameworks/profile';
import { isWhiteSpace } from '../text';
import type { SentenceSpan } from './sentences';

/** An evaluative term found in a sentence that really states a level (not negated, not a range, not a wish). */
export interface FoundTerm {
  start: number;
  end: number;
  level: Level;
  /** "… is good", "… perform well": the term is what the sentence predicates. */
  predicative: boolean;
  /** "… was good", "… were judged to perform adequately": a level held in the past. */
  past: boolean;
  /** "At the last inspection services were judged inadequate": the level an earlier time gave, named in its clause. */
  earlier: boolean;
}

/** The pattern with each space of its phrases standing for any white space: "no  longer", doubled by a PDF, is "no longer". */
function spaced(pattern: RegExp): RegExp {
  return new RegExp(pattern.source.replace(/ /g, '\\s+'), pattern.flags);
}

// Each pattern looks at the words just before (or after) a term, inside the same sentence.
const NEGATED = spaced(
  /(?:\b(?:not|no longer|never|nor|neither|cannot|hardly|far from|without|no)|n['\u2019]t)\s+(?:(?:yet|always|consistently|fully|sufficiently|entirely|all|as|so|been|be|being|judged|considered|rated|seen|regarded|quite|wholly|reliably|securely|universally|uniformly|to|be|yet)\s+){0,3}$/i);
const BOUNDED_BEFORE =
  spaced(/\b(?:at least|better than|worse than|more than|less than|rather than|other than|beyond|above|below|from|between|than)\s+$/i);
/** "as good as" */
const COMPARISON = /\bas\s+$/i;
const RANGE_AFTER = /^\s*(?:or|and\/or|to)\s+(?:better|above|higher|worse|below|lower|more)\b/i;
const ASPIRATION =
  spaced(/\b(?:improvement to be|improve to|to become|towards|aspire to|aspires to|aspiring to|aim to be|aims to be|aiming to be|ambition to be|ambitious to be|in order to be|needs? to be|has to be|have to be|must be|should be|to achieve|to reach|to move to|to get to|target of|be at least)\s+(?:\w+\s+)?$/i);
const OTHER_SUBJECT =
  spaced(/\b(?:other|similar|neighbouring|comparable|statistical neighbours?)\b(?:\s+[\w'\u2019-]+){0,5}?\s+(?:rated|judged|graded|described as|regarded as|that are|which are|who are|found to be)\s+$/i);
/** Set phrases in which the word does not grade anything: "good practice", "to good effect". */
const SET_PHRASE_AFTER = spaced(/^\s+(?:practice|practise|effect|use|start|example|examples|reason|deal|news|faith|will|time|order|understanding of|knowledge of)\b/i);
const PREDICATIVE =
  spaced(/\b(?:is|are|was|were|be|been|being|remains?|remained|becomes?|became|now|judged|rated|graded|considered|deemed|found|that it is)\s+(?:(?:now|consistently|still|judged|currently|overall|all|both|also|generally|broadly|mostly|clearly|securely|increasingly|very|highly|rated|to be|been|as|reliably|overwhelmingly|typically|uniformly|predominantly|therefore|thus|again|to|be)\s+){0,3}(?:[a-z]+,?\s+and\s+)?$/i);
const VERB_TERM = /^(?:perform|require|need)/i;
/** A level the service had, not has: "was good", "were judged to be", "had been", "having been". */
const PAST_COPULA = spaced(/\b(?:was|were|had been|having been|used to be)\s+(?:[\w'\u2019-]+\s+){0,3}$/i);
/** "Last year services were …", within the clause of the term. */
const PAST_TIME = spaced(/\b(?:last year|previously|formerly|at the (?:last|previous) inspection)\b/i);

/** Any of the words before a term that keep it from stating a level, in one search rather than four. */
const NOT_STATED_BEFORE = new RegExp([NEGATED, BOUNDED_BEFORE, ASPIRATION, OTHER_SUBJECT].map((regex) => `(?:${regex.source})`).join('|'), 'i');

/**
 * The patterns above that end at the term (`…\s+$`) span at most this many words: "statistical neighbours that
 * are found to be" is the longest.
 */
export const LONGEST_LEAD_IN = 10;

/** The patterns read on a term's lead-in only (exported for the test that holds them to LONGEST_LEAD_IN). */
export const LEAD_IN_PATTERNS: readonly RegExp[] = [NOT_STATED_BEFORE, COMPARISON, PREDICATIVE, PAST_COPULA];

/**
 * The last `count` words of the text with the white space after them. A pattern ending at the text's end that spans
 * no more words matches the tail exactly when it matches the text; a regular expression tries every position of
 * the text for such a pattern, and the tail has far fewer.
 */
export function lastWords(text: string, count: number): string {
  let start = text.length;
  for (let word = 0; word < count; word++) {
    while (start > 0 && isWhiteSpace(text.charCodeAt(start - 1))) start--;
    while (start > 0 && !isWhiteSpace(text.charCodeAt(start - 1))) start--;
    if (start === 0) return text;
  }
  return text.slice(start);
}

/** How far back from a term its clause is read for an earlier time or someone else's view. */
const CLAUSE_READ_BACK = 240;

/**
 * Someone's view reported, not the inspectors' judgement: "Partners say services are good", "The council believes that
 * its services are good", "Parents describe the service as outstanding". ("Inspectors found that …" is the judgement;
 * "feel", "described" and "perceived" are left out: "are safe and feel safe is good", "the services described above".)
 */
const REPORTED_VIEW = spaced(
  /\b(?:say|says|said|believe|believes|believed|claim|claims|claimed|think|thinks|describe|describes|perceive|perceives|assert|asserts|asserted|told (?:inspectors|us)|tell (?:inspectors|us)|tells (?:inspectors|us)|self-assessment|self-evaluation)\b/i,
);

/** The term's clause up to the term: from the last comma or semicolon before it, within the sentence. */
function clauseBefore(text: string, sentenceStart: number, termStart: number): string {
  const before = text.slice(Math.max(sentenceStart, termStart - CLAUSE_READ_BACK), termStart);
  let clauseStart = before.length - 1;
  while (clauseStart >= 0 && before.charCodeAt(clauseStart) !== 44 /* , */ && before.charCodeAt(clauseStart) !== 59 /* ; */) clauseStart--;
  return before.slice(clauseStart + 1);
}
const SPREAD = /\b(?:rang\w*|var(?:y|ies|ied|ying)|spread\w*|span\w*)\s+from\s+$/i;

/** A sentence opening with a concession ("Although …", "While …", "Despite …"). */
const CONCESSION = /^\W*(?:although|though|even though|while|whilst|despite|in spite of|notwithstanding)\b/i;

/** Where a sentence's opening concessive clause ends (its first comma or semicolon), or the sentence's start if it has none. */
function concessiveClauseEnd(text: string, sentence: SentenceSpan): number {
  if (!CONCESSION.test(text.slice(sentence.start, Math.min(sentence.end, sentence.start + 40)))) return sentence.start;
  const clause = text.slice(sentence.start, sentence.end);
  const comma = clause.search(/[,;\u2013\u2014]/);
  return comma < 0 ? sentence.start : sentence.start + comma;
}

function beforeWithinClause(text: string, sentenceStart: number, termStart: number): string {
  return text.slice(Math.max(sentenceStart, termStart - 80), termStart);
}

/** Terms of the framework's scale in the sentence, in order, leaving out the ones that do not state a level. */
export function evaluativeTerms(text: string, sentence: SentenceSpan, framework: CompiledFramework): FoundTerm[] {
  if (!framework.profile) return [];
  const raw: { start: number; end: number; level: Level }[] = [];
  for (const match of matchesWithin(framework.termRegex, text, sentence)) {
    const level = framework.levelForTerm(match.text);
    if (level) raw.push({ start: match.start, end: match.end, level });
  }
  const found: FoundTerm[] = [];
  const conceded = concessiveClauseEnd(text, sentence);
  raw.forEach((term, index) => {
    // "Although partnership working is good, the overall effectiveness … is adequate": the main clause judges
    if (term.start < conceded) return;
    const before = beforeWithinClause(text, sentence.start, term.start);
    const leadIn = lastWords(before, LONGEST_LEAD_IN);
    const after = text.slice(term.end, Math.min(sentence.end, term.end + 40));
    const previous = raw[index - 1];
    const next = raw[index + 1];
    // "good or outstanding", "good and outstanding": a spread of levels, not one judgement
    if (next && /^\s*(?:or|and\/or)\s+$/i.test(text.slice(term.end, next.start))) return;
    if (previous && /^\s*(?:or|and\/or)\s+$/i.test(text.slice(previous.end, term.start))) return;
    if (NOT_STATED_BEFORE.test(leadIn)) return;
    if (RANGE_AFTER.test(after) || SET_PHRASE_AFTER.test(after)) return;
    if (/^\s+as\b/i.test(after) && COMPARISON.test(leadIn)) return;
    // "risen from good to outstanding": the level reached counts; "ranges from adequate to good" states no one level
    const fromTo = previous && /^\s*to\s+$/i.test(text.slice(previous.end, term.start));
    if (fromTo && SPREAD.test(beforeWithinClause(text, sentence.start, previous.start))) return;
    const predicative = fromTo || VERB_TERM.test(text.slice(term.start, term.end)) || PREDICATIVE.test(leadIn);
    // spelled out: a spread followed by new properties takes V8's slow path on every call
    // the clause may open further back than the lead-in read above
    const clause = clauseBefore(text, sentence.start, term.start);
    if (REPORTED_VIEW.test(clause)) return;
    const earlier = PAST_TIME.test(clause);
    const past = earlier || PAST_COPULA.test(leadIn);
    found.push({ start: term.start, end: term.end, level: term.level, predicative: Boolean(predicative), past, earlier });
  });
  return found;
}

/** Matches of a global regex inside the span only: searching past it would make long paragraphs quadratic. */
function matchesWithin(regex: RegExp, text: string, span: SentenceSpan): { start: number; end: number; text: string }[] {
  const slice = text.slice(span.start, span.end);
  const out: { start: number; end: number; text: string }[] = [];
  regex.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = regex.exec(slice))) {
    out.push({ start: span.start + match.index, end: span.start + match.index + match[0].length, text: match[1] ?? match[0] });
    if (regex.lastIndex === match.index) regex.lastIndex++;
  }
  return out;
}

/** Words a level may qualify and still grade the whole service: "a good service", "at a good level". */
const GRADES_THE_SERVICE = /^\s+(?:services?|level|standards?|provision|contributions?|performance)\b/i;

/**
 * The term that carries a judgement sentence's evaluation: the first predicative one, else one that qualifies the
 * service itself ("provide a good service"). "Assessments are of good quality" grades something else: no term.
 */
export function carryingTerm(terms: readonly FoundTerm[], text = ''): FoundTerm | null {
  // "which was good last year, is now adequate": what the service is now, before what it was
  return (
    terms.find((term) => term.predicative && !term.past) ??
    terms.find((term) => term.predicative) ??
    terms.find((term) => GRADES_THE_SERVICE.test(text.slice(term.end, term.end + 30))) ??
    null
  );
}

export interface FoundMention {
  start: number;
  end: number;
  definition: JudgementDefinition;
}

export function mentionsIn(text: string, span: SentenceSpan, framework: CompiledFramework): FoundMention[] {
  if (!framework.mentionRegex) return [];
  const out: FoundMention[] = [];
  for (const match of matchesWithin(framework.mentionRegex, text, span)) {
    const definition = framework.judgementForMention(match.text);
    if (definition && !out.some((mention) => mention.definition === definition)) {
      out.push({ start: match.start, end: match.end, definition });
    }
  }
  return out;
}

const CLAUSE_BREAK = /;|,\s*(?:and|but|while|whereas)\s|\s(?:but|while|whereas|although)\s/gi;

/**
 * Pairs judgements named in a sentence with the level the sentence gives them. A sentence (or, failing
 * that, a clause) is only read when it names judgements and gives exactly one level: anything less clear
 * is left alone rather than guessed.
 */
export function statementsIn(
  text: string,
  sentence: SentenceSpan,
  framework: CompiledFramework,
): { mention: FoundMention; term: FoundTerm }[] {
  const read = (span: SentenceSpan) => {
    const mentions = mentionsIn(text, span, framework);
    if (!mentions.length) return { mentions, terms: [] as FoundTerm[], levels: 0 };
    // "At the last inspection partnership working was judged inadequate": what a judgement was says nothing of its grade
    const terms = evaluativeTerms(text, span, framework).filter((term) => !term.past);
    return { mentions, terms, levels: new Set(terms.map((term) => term.level.key)).size };
  };
  const whole = read(sentence);
  if (!whole.mentions.length || whole.levels === 0) return [];
  const pair = (mentions: FoundMention[], terms: FoundTerm[]) =>
    mentions.map((mention) => ({
      mention,
      term: terms.find((term) => term.start >= mention.end) ?? (terms[terms.length - 1] as FoundTerm),
    }));
  if (whole.levels === 1) return pair(whole.mentions, whole.terms);

  const out: { mention: FoundMention; term: FoundTerm }[] = [];
  let clauseStart = sentence.start;
  const breaks: number[] = [];
  for (const match of matchesWithin(CLAUSE_BREAK, text, sentence)) breaks.push(match.start);
  breaks.push(sentence.end);
  for (const end of breaks) {
    const clause = read({ start: clauseStart, end });
    if (clause.mentions.length && clause.levels === 1) out.push(...pair(clause.mentions, clause.terms));
    clauseStart = end;
  }
  return out;
}
