import type { CompiledFramework } from '../frameworks/compiled';
import type { EvaluativeTerm, Section, SummaryStatement } from '../model';
import { isWhiteSpace, trimmedSpan } from '../text';
import { carryingTerm, evaluativeTerms, mentionsIn, statementsIn, type FoundTerm } from './evaluation';
import type { Lines } from './lines';
import { Paragraph, splitSentences, type SentenceSpan } from './sentences';
import { LineKind, type Structure } from './structure';

/** How far into its first paragraph a section's judgement sentence may be. */
const JUDGEMENT_SENTENCE_WINDOW = 2;
/** A judgement sentence's score when it names its subject and speaks in the present. */
const BEST_SCORE = 3;

/** Words with which a judgement sentence names what it grades. */
const SUBJECT =
  /\b(?:services?|provision|arrangements|contribution|in this aspect|overall effectiveness|capacity|effectiveness|leadership|council|partnership|authority|management)\b/i;
/** "Some assessments are good", "Most schools are good": a part of the service, not the service. */
const PARTIAL_SUBJECT = /^\W*(?:some|many|most|several|a few|a number of|not all|a minority of|a majority of|few)\b/i;

/** Do the main words of the section's title all appear in the sentence ("Leadership and management … are good")? */
function titleWordsIn(sentence: string, title: string): boolean {
  const words = title.toLowerCase().match(/[a-z]{4,}/g) ?? [];
  if (!words.length) return false;
  const lower = sentence.toLowerCase();
  return words.every((word) => lower.includes(word.slice(0, Math.max(4, word.length - 2))));
}

/** Closing quotes and brackets that may follow a sentence's final stop. */
const CLOSERS = '"\'\u2019\u201d)';
const STOPS = '.!?:';

/** Does the text end a sentence (/[.!?:]["'’”)]?$/, read from the end rather than tried at every position)? */
export function endsSentence(text: string): boolean {
  let last = text.length - 1;
  if (last >= 0 && CLOSERS.includes(text.charAt(last))) last--;
  return last >= 0 && STOPS.includes(text.charAt(last));
}

/** How far a reading of a judgement sentence looks past its end (carryingTerm reads 30 characters after a term). */
const READ_PAST_SENTENCE = 40;
const MIN_CHECKED_LENGTH = 400;

/**
 * Do the pieces, joined, hold `count` sentences whose ends splitSentences finds in the whole paragraph too? A
 * boundary is decided by the characters up to the first one after it that is not white space; when that
 * character is in the joined text for each of the first `count` boundaries, and the text runs on well past the
 * last of them, the rest of the paragraph can change none of them, nor anything read of those sentences.
 */
export function holdsSentences(pieces: { line: number; start: number; text: string }[], count: number): boolean {
  if (count === Infinity) return false;
  const text = new Paragraph(pieces).text;
  if (isWhiteSpace(text.charCodeAt(text.length - 1))) return false;
  const found = splitSentences(text, count);
  return found.length === count && (found[count - 1] as SentenceSpan).end + READ_PAST_SENTENCE <= text.length;
}

export class ProseReader {
  constructor(
    private readonly lines: Lines,
    private readonly structure: Structure,
    private readonly framework: CompiledFramework,
  ) {}

  /**
   * The paragraph of prose starting at `first`, joined across a PDF page break that split a sentence. With
   * `sentences`, it may stop once it holds that many sentences whole (see `holdsSentences`): a paragraph of a
   * PDF can run to many lines, and only its first sentences are read for a judgement.
   */
  paragraphAt(first: number, limit: number, sentences = Infinity): { paragraph: Paragraph; last: number } {
    const { lines } = this;
    const kinds = this.structure.kinds;
    const pieces: { line: number; start: number; text: string }[] = [];
    let line = first;
    let last = first;
    let length = 0;
    // checked each time the text has doubled, so that a paragraph without sentence ends is not read again and again
    let checkedAt = MIN_CHECKED_LENGTH / 2;
    while (line <= limit && kinds[line] === LineKind.Prose) {
      const masked = lines.masked(line);
      const span = trimmedSpan(masked, this.structure.proseStart.get(line) ?? 0);
      pieces.push({ line, start: span.start, text: masked.slice(span.start, span.end) });
      last = line;
      length += span.end - span.start + 1;
      if (length >= 2 * checkedAt) {
        checkedAt = length;
        if (holdsSentences(pieces, sentences)) break;
      }
      line++;
      if (line <= limit && kinds[line] !== LineKind.Prose) {
        const ended = endsSentence(pieces[pieces.length - 1]?.text ?? '.');
        const resume = lines.nextNonBlank(line, limit + 1);
        if (!ended && resume > 0 && kinds[resume] === LineKind.Prose && /^\s*[a-z]/.test(lines.masked(resume))) line = resume;
      }
    }
    return { paragraph: new Paragraph(pieces), last };
  }

  private term(paragraph: Paragraph, found: FoundTerm): EvaluativeTerm {
    return { text: paragraph.text.slice(found.start, found.end), range: paragraph.range(found.start, found.end), level: found.level };
  }

  /** Finds the judgement sentence of every graded section: the first sentence near its start that states a level. */
  attachJudgementSentences(sections: readonly Section[]): void {
    for (const section of sections) {
      const judgement = section.judgement;
      if (!judgement || judgement.sentence) continue;
      const from = Math.max(section.heading.range.start.line, judgement.grade?.range.end.line ?? 0) + 1;
      // above its first graded subsection, whose sentence is its own ("Summary of strengths and areas for
      // development" under an APA outcome is not graded: the outcome's sentence is under it)
      const child = section.children.find((candidate) => candidate.judgement);
      const to = child ? Math.min(section.range.end.line, child.heading.range.start.line - 1) : section.range.end.line;
      const first = this.firstProse(from, to);
      if (first < 0) continue;
      let found = this.judgementSentenceIn(first, to, section, JUDGEMENT_SENTENCE_WINDOW);
      // a paragraph that opens with an earlier inspection's level ("At the last inspection services were judged
      // inadequate") may give the level they have now in the sentence after
      if (!found.best && found.earlierSeen) found = this.judgementSentenceIn(first, to, section, JUDGEMENT_SENTENCE_WINDOW + 1);
      const { paragraph, best } = found;
      if (best) {
        judgement.sentence = {
          text: paragraph.text.slice(best.sentence.start, best.sentence.end),
          range: paragraph.range(best.sentence.start, best.sentence.end),
          term: this.term(paragraph, best.term),
        };
      }
    }
  }

  /**
   * The best judgement sentence among the first `window` sentences of the paragraph at `first`: one that states a level
   * in the present about the judgement's subject, else the best there is. A level an earlier time gave is none.
   */
  private judgementSentenceIn(first: number, to: number, section: Section, window: number) {
    const { paragraph } = this.paragraphAt(first, to, window);
    // a grade in the heading ("Children in care: good") needs no sentence: only one that names its subject counts
    const gradedInHeading = section.judgement?.grade?.style === 'heading-colon-label';
    let best: { sentence: SentenceSpan; term: FoundTerm; score: number } | null = null;
    let earlierSeen = false;
    for (const sentence of splitSentences(paragraph.text, window)) {
      const terms = evaluativeTerms(paragraph.text, sentence, this.framework);
      const term = carryingTerm(terms.filter((candidate) => !candidate.earlier), paragraph.text);
      if (terms.some((candidate) => candidate.earlier)) earlierSeen = true;
      if (!term) continue;
      const about = this.namesItsSubject(paragraph.text, sentence, section);
      if (gradedInHeading && !about) continue;
      // a sentence about the service as a whole, in the present, beats an earlier one about a part or the past
      const score = (about ? 2 : 0) + (term.past ? 0 : 1);
      if (!best || score > best.score) best = { sentence, term, score };
      // a later sentence replaces the best only with a higher score
      if (score === BEST_SCORE) break;
    }
    return { paragraph, best, earlierSeen };
  }

  /**
   * Does the sentence name what the judgement grades: the services, their contribution or arrangements, "this
   * aspect", or the judgement itself ("The quality of provision …")? "Health visiting is good" and "Some
   * assessments are good" grade a part of it.
   */
  private namesItsSubject(text: string, sentence: SentenceSpan, section: Section): boolean {
    const words = text.slice(sentence.start, sentence.end);
    if (PARTIAL_SUBJECT.test(words)) return false;
    if (SUBJECT.test(words)) return true;
    const definition = section.judgement?.definition;
    if (!definition) return false;
    for (const mention of mentionsIn(text, sentence, this.framework)) if (mention.definition === definition) return true;
    return titleWordsIn(words, section.title);
  }

  /** First prose line of a section's own text (not inside another graded section). */
  private firstProse(from: number, to: number): number {
    const kinds = this.structure.kinds;
    for (let line = from; line <= to; line++) {
      if (kinds[line] === LineKind.Prose) return line;
    }
    return -1;
  }

  /** Statements in overall sections about the level of other judgements. */
  summaryStatements(sections: readonly Section[]): SummaryStatement[] {
    const out: SummaryStatement[] = [];
    const seen = new Set<string>();
    for (const section of sections) {
      if (!section.judgement?.definition?.overall && !section.summary) continue;
      const to = section.range.end.line;
      let line = section.heading.range.start.line + 1;
      while (line <= to) {
        if (this.structure.kinds[line] !== LineKind.Prose) {
          line++;
          continue;
        }
        const { paragraph, last } = this.paragraphAt(line, to);
        // most paragraphs name no other judgement: one search of the whole paragraph saves splitting it
        const mentions = this.framework.mentionRegex;
        if (!mentions || !mentions.test(paragraph.text)) {
          if (mentions) mentions.lastIndex = 0;
          line = last + 1;
          continue;
        }
        mentions.lastIndex = 0;
        for (const sentence of splitSentences(paragraph.text)) {
          for (const { mention, term } of statementsIn(paragraph.text, sentence, this.framework)) {
            const found = this.term(paragraph, term);
            // an executive summary inside an overall section is read once
            const key = `${mention.definition.id}@${found.range.start.line}:${found.range.start.character}`;
            if (seen.has(key)) continue;
            seen.add(key);
            out.push({
              section,
              definition: mention.definition,
              mention: { text: paragraph.text.slice(mention.start, mention.end), range: paragraph.range(mention.start, mention.end) },
              term: found,
            });
          }
        }
        line = last + 1;
      }
    }
    return out;
  }
}
