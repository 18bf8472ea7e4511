import * as assert from 'assert';
import * as fc from 'fast-check';
import { LEAD_IN_PATTERNS, LONGEST_LEAD_IN, lastWords } from '../../server/src/core/parse/evaluation';
import { endsSentence, holdsSentences } from '../../server/src/core/parse/judgements';
import { BOUNDARY, boundaryStart, nextBoundary, Paragraph, splitSentences, StopFinder } from '../../server/src/core/parse/sentences';
import { Lines, TIMESCALE, headingShaped, isTimescale, leadingCode, opensWith, withoutFinalStop } from '../../server/src/core/parse/lines';
import { collapseWhiteSpace, endsClause, firstIndexWhere, isWhiteSpace, splitLines, withoutInvisible, wordCount } from '../../server/src/core/text';

// The parser's hand-written character checks replace regular expressions for speed: they must agree with them.

/** Strings rich in the characters that matter here: every kind of white space, and some letters. */
const spacey = fc.string({
  unit: fc.constantFrom(' ', ' ', 'a', 'b', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u2003', '\u2028', '\u3000', '\ufeff', '\u200b', 'é'),
  maxLength: 60,
});

describe('text helpers agree with the regular expressions they replace', () => {
  it('isWhiteSpace is what \\s matches, for every UTF-16 code unit', () => {
    for (let code = 0; code <= 0xffff; code++) {
      assert.strictEqual(isWhiteSpace(code), /\s/.test(String.fromCharCode(code)), `code unit ${code.toString(16)}`);
    }
  });

  it("collapseWhiteSpace is .replace(/\\s+/g, ' ')", () => {
    fc.assert(fc.property(spacey, (text) => assert.strictEqual(collapseWhiteSpace(text), text.replace(/\s+/g, ' '))), { numRuns: 2000 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => assert.strictEqual(collapseWhiteSpace(text), text.replace(/\s+/g, ' '))));
  });

  it('wordCount is .trim().split(/\\s+/).length', () => {
    fc.assert(fc.property(spacey, (text) => assert.strictEqual(wordCount(text), text.trim().split(/\s+/).length, JSON.stringify(text))), { numRuns: 2000 });
  });

  it('endsClause is /[.;:!?]["\'’”)]?\\s*$/', () => {
    const text = fc.string({ unit: fc.constantFrom('a', ' ', '\t', '\u00a0', '\u3000', '\ufeff', '.', ':', ';', '!', '?', ',', '"', "'", '\u2019', '\u201d', ')', '\n'), maxLength: 8 });
    fc.assert(fc.property(text, (line) => assert.strictEqual(endsClause(line), /[.;:!?]["'\u2019\u201d)]?\s*$/.test(line), JSON.stringify(line))), { numRuns: 3000 });
  });

  it("withoutFinalStop is .replace(/[:.]\\s*$/, '')", () => {
    const text = fc.string({ unit: fc.constantFrom('a', ' ', '\t', '\u00a0', '\u3000', '.', ':', ';', '\n'), maxLength: 8 });
    fc.assert(fc.property(text, (line) => assert.strictEqual(withoutFinalStop(line), line.replace(/[:.]\s*$/, ''), JSON.stringify(line))), { numRuns: 3000 });
  });

  it('collapseWhiteSpace returns a text with nothing to collapse as it is', () => {
    const text = 'Leadership and management';
    assert.strictEqual(collapseWhiteSpace(text), text);
    assert.strictEqual(collapseWhiteSpace(' a  b\t\nc '), ' a b c ');
  });

  it('splitLines is .split(/\\r\\n|\\r|\\n/), with LF alone and with CR among the terminators', () => {
    const lineBreaky = fc.string({ unit: fc.constantFrom('a', ' ', '\n', '\n', '\r', '\u2028', 'é', '\ud83d'), maxLength: 40 });
    fc.assert(fc.property(lineBreaky, (text) => assert.deepStrictEqual(splitLines(text), text.split(/\r\n|\r|\n/))), { numRuns: 2000 });
    assert.deepStrictEqual(splitLines(''), ['']);
    assert.deepStrictEqual(splitLines('a\n\nb\n'), ['a', '', 'b', '']);
  });

  it('opensWith(text, characters) is /^\\s*[characters]/', () => {
    const sets = ['|:-*', '0123456789', '<', '-+*\u2022\u00b7\u25aa\u25e6\u2013\u2014\u25cf\u2023\u2043\uf0b7'];
    const text = fc.string({ unit: fc.constantFrom(' ', '\t', '\u00a0', '\u3000', '|', ':', '-', '*', '1', '9', '<', 'a', '\u2022', '\uf0b7', '\ud83d'), maxLength: 8 });
    fc.assert(
      fc.property(text, fc.constantFrom(...sets), (line, characters) => {
        const pattern = new RegExp(`^\\s*[${characters.replace(/[\]\\^-]/g, '\\$&')}]`);
        assert.strictEqual(opensWith(line, characters), pattern.test(line), JSON.stringify({ line, characters }));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('shortcuts in the parser agree with the tests they stand for', () => {
  it('leadingCode(text) is the character opensWith tests', () => {
    const text = fc.string({ unit: fc.constantFrom(' ', '\t', '\u00a0', '\u3000', '\ufeff', '|', '#', '1', 'a', '\u2022'), maxLength: 8 });
    fc.assert(
      fc.property(text, (line) => {
        const first = /^\s*(\S)/.exec(line)?.[1];
        assert.strictEqual(leadingCode(line), first === undefined ? -1 : first.charCodeAt(0), JSON.stringify(line));
      }),
      { numRuns: 2000 },
    );
  });

  it('headingShaped is the regular-expression definition it replaced', () => {
    const notAHeading =
      /^(?:dear|yours|kind regards|best wishes|with best wishes|regards|cc|tel|fax|email|e-mail|telephone)\b|^\d{1,2}(?:st|nd|rd|th)?\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+\d{4}$|@|www\.|https?:|\.gov\.uk|\.org\.uk|\u00a9|^page\s+\d+(?:\s+of\s+\d+)?$/i;
    const reference = (text: string): boolean => {
      if (text.length < 3 || text.length > 160) return false;
      if (!/^[A-Z0-9\u2018\u201c"'(]/.test(text)) return false;
      if (/[.,;]$/.test(text) && !/\b(?:etc|inc|ltd)\.$/i.test(text)) return false;
      if (text.includes('\t')) return false;
      const words = text.split(/ (?! )/).length;
      return words <= 22 && !/\s(?:the|a|an|of|in|to|for|and|or|with|this|that|these|by|on|at|from|is|are|was|were|which|who|as|their|its|our|has|have|be)$/i.test(text) && !notAHeading.test(text);
    };
    const word = fc.constantFrom('Being', 'healthy', 'Grade', '3', 'the', 'of', 'Dear', 'Page', 'www.x', 'WWW.X', 'a@b', 'HTTPS:', 'x.Gov.uk', '\u00a9', 'etc.', 'Ltd.', 'May', '12', '2007', 'x', '\u2018Good', '(LSCB)', 'an');
    const separator = fc.constantFrom(' ', '  ', '\t', '\u00a0', '', '.', ',', ';', ':');
    const line = fc.array(fc.tuple(word, separator), { maxLength: 30 }).map((parts) => parts.map(([w, s]) => w + s).join(''));
    fc.assert(fc.property(line, (text) => assert.strictEqual(headingShaped(text), reference(text), JSON.stringify(text))), { numRuns: 5000 });
    const words = (count: number) => ['Being', ...Array.from({ length: count - 1 }, () => 'well')].join(' ');
    for (const text of ['Being healthy', 'Dear Ms Smith', 'Page 3 of 17', 'Areas for development', 'Services for children and', 'Contact: a@b.gov.uk', words(22), words(23)]) {
      assert.strictEqual(headingShaped(text), reference(text), text);
    }
  });

  it('isTimescale is TIMESCALE on the trimmed text without invisible characters, for texts under 60 characters', () => {
    const word = fc.constantFrom('Immediately', 'within', 'WITHIN', 'six', '3', 'months', 'For', 'action', 'in', 'the', 'next', 'longer', 'Medium', 'short', 'term', '-', 'Short-term', 'iN');
    const separator = fc.constantFrom(' ', '  ', '\t', '\u00a0', '\ufeff', '', ':');
    const text = fc.tuple(separator, fc.array(fc.tuple(word, separator), { maxLength: 8 })).map(([lead, parts]) => lead + parts.map(([w, s]) => w + s).join(''));
    fc.assert(fc.property(text, (line) => assert.strictEqual(isTimescale(line), line.length < 60 && TIMESCALE.test(withoutInvisible(line).trim()), JSON.stringify(line))), { numRuns: 5000 });
    for (const line of ['Within six months', '  immediately:', 'Longer term', 'For action in the next three months', 'Being healthy']) {
      assert.strictEqual(isTimescale(line), TIMESCALE.test(line.trim()), line);
    }
  });

  it(`the patterns read on a term's lead-in match its last ${LONGEST_LEAD_IN} words exactly when they match the whole of it`, () => {
    const word = fc.constantFrom(
      'not', 'no', 'longer', 'never', "isn't", 'far', 'from', 'at', 'least', 'better', 'than', 'to', 'be', 'been', 'being', 'is', 'are',
      'was', 'were', 'had', 'used', 'yet', 'consistently', 'judged', 'rated', 'as', 'other', 'similar', 'statistical', 'neighbours',
      'that', 'it', 'found', 'described', 'in', 'order', 'needs', 'services', 'council', 'the', 'now', 'very', 'which',
    );
    const separator = fc.constantFrom(' ', '  ', '\u00a0', '\t', ', ', ' - ');
    const leadIn = fc.array(fc.tuple(word, separator), { maxLength: 24 }).map((parts) => parts.map(([w, s]) => w + s).join(''));
    fc.assert(
      fc.property(leadIn, (text) => {
        const tail = lastWords(text, LONGEST_LEAD_IN);
        assert.ok(text.endsWith(tail));
        for (const pattern of LEAD_IN_PATTERNS) assert.strictEqual(pattern.test(tail), pattern.test(text), `${pattern.source.slice(0, 40)} on ${JSON.stringify(text)}`);
      }),
      { numRuns: 5000 },
    );
  });

  it('nextBoundary finds the matches of the sentence BOUNDARY expression, one after another', () => {
    const prose = fc.string({ unit: fc.constantFrom('a', 'B', '7', '.', '.', '!', '?', ' ', ' ', '\n', '\u00a0', '"', "'", '\u2018', '\u2019', '\u201c', '\u201d', '(', ')', ']', '\u00a3', 'e.g'), maxLength: 30 });
    const byRegex = (text: string) => {
      const pattern = new RegExp(BOUNDARY.source, 'g');
      const found: [number, number][] = [];
      for (let match = pattern.exec(text); match; match = pattern.exec(text)) found.push([match.index, match.index + match[0].length]);
      return found;
    };
    const byScan = (text: string) => {
      const found: [number, number][] = [];
      let from = 0;
      for (let end = nextBoundary(text, from); end >= 0; end = nextBoundary(text, from)) {
        found.push([boundaryStart(text, end), end]);
        from = end;
      }
      return found;
    };
    fc.assert(fc.property(prose, (text) => assert.deepStrictEqual(byScan(text), byRegex(text), JSON.stringify(text))), { numRuns: 5000 });
  });

  it('a StopFinder shared by calls from any positions, in any order, finds what a fresh one finds', () => {
    const prose = fc.string({ unit: fc.constantFrom('a', 'B', '.', '!', '?', ' ', '"', ')'), maxLength: 30 });
    fc.assert(
      fc.property(prose, fc.array(fc.nat(32), { maxLength: 12 }), (text, positions) => {
        const shared = new StopFinder(text);
        for (const from of positions) {
          assert.strictEqual(nextBoundary(text, from, shared), nextBoundary(text, from), JSON.stringify({ text, positions, from }));
          const stop = /[.!?]/g;
          stop.lastIndex = from;
          assert.strictEqual(shared.at(from), stop.exec(text)?.index ?? -1, JSON.stringify({ text, positions, from }));
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('a paragraph cut where holdsSentences says it may be has the same first sentences, and the same text past them', () => {
    const word = fc.constantFrom('Services', 'are', 'good', 'e.g.', 'Mr.', 'J.', 'A', '7', '\u00a3', '(Note)', '"Yes."', 'end.', 'end?!', 'no', '.', '\u2003', '\u3000');
    const piece = fc.array(word, { minLength: 1, maxLength: 12 }).map((words) => words.join(' '));
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 3 }), (texts, count) => {
        const pieces = texts.map((text, line) => ({ line, start: 0, text }));
        const whole = new Paragraph(pieces).text;
        for (let cut = 1; cut <= pieces.length; cut++) {
          if (!holdsSentences(pieces.slice(0, cut), count)) continue;
          const part = new Paragraph(pieces.slice(0, cut)).text;
          const sentences = splitSentences(part, count);
          assert.deepStrictEqual(sentences, splitSentences(whole, count), JSON.stringify({ texts, cut }));
          const readTo = sentences[count - 1]!.end + 30;
          assert.strictEqual(part.slice(0, readTo), whole.slice(0, readTo));
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('endsSentence is /[.!?:]["\'\u2019\u201d)]?$/', () => {
    const text = fc.string({ unit: fc.constantFrom('a', ' ', '.', '!', '?', ':', '"', "'", '\u2019', '\u201d', ')', '(', ','), maxLength: 6 });
    fc.assert(fc.property(text, (line) => assert.strictEqual(endsSentence(line), /[.!?:]["'\u2019\u201d)]?$/.test(line), JSON.stringify(line))), { numRuns: 3000 });
  });

  it('Lines.hasTab tells the lines holding a tab, whether the whole text is searched or each line', () => {
    const line = fc.string({ unit: fc.constantFrom('a', ' ', '\t', '*', '<', '`', '_', '\u00a0'), maxLength: 6 });
    const document = fc.tuple(fc.array(line, { maxLength: 12 }), fc.constantFrom('\n', '\r\n', '\r'));
    fc.assert(
      fc.property(document, ([rows, eol]) => {
        const text = rows.join(eol);
        const raw = splitLines(text);
        // with the text (searched whole when split at LF) and without it (read line by line)
        for (const lines of [new Lines(raw, text), new Lines(raw)]) {
          raw.forEach((row, index) => assert.strictEqual(lines.hasTab(index), row.includes('\t'), JSON.stringify({ text, index })));
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('firstIndexWhere', () => {
  it('finds by halving what a search from the start finds, in any sorted list', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 })), fc.integer({ min: -1, max: 21 }), (values, bound) => {
        const sorted = [...values].sort((a, b) => a - b);
        const linear = sorted.findIndex((value) => value > bound);
        assert.strictEqual(firstIndexWhere(sorted.length, (index) => (sorted[index] as number) > bound), linear < 0 ? sorted.length : linear);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('Paragraph: a word a justified PDF column broke with a hyphen', () => {
  const pieces = [
    { line: 0, start: 4, text: 'The service is ade-' },
    { line: 1, start: 0, text: 'quate. The Trust leads the multi-' },
    { line: 2, start: 2, text: 'agency work, well- and widely.' },
  ];

  it('is one word again, and each of its letters keeps its place in the text', () => {
    const paragraph = new Paragraph(pieces);
    assert.strictEqual(paragraph.text, 'The service is adequate. The Trust leads the multiagency work, well- and widely.');
    const at = paragraph.text.indexOf('adequate');
    assert.deepStrictEqual(paragraph.range(at, at + 'adequate'.length), { start: { line: 0, character: 19 }, end: { line: 1, character: 5 } });
    assert.deepStrictEqual(paragraph.position(paragraph.text.indexOf('agency')), { line: 2, character: 2 });
  });

  it('only when the next line goes on in lower case after a letter and a hyphen', () => {
    // "well-" before " and" on the same line, a dash that ends a line before a capital, a number range: kept as written
    assert.strictEqual(new Paragraph([{ line: 0, start: 0, text: 'Judged in 2010-' }, { line: 1, start: 0, text: '11 as good.' }]).text, 'Judged in 2010- 11 as good.');
    assert.strictEqual(new Paragraph([{ line: 0, start: 0, text: 'The council -' }, { line: 1, start: 0, text: 'and its partners.' }]).text, 'The council - and its partners.');
    assert.strictEqual(new Paragraph([{ line: 0, start: 0, text: 'Ofsted-' }, { line: 1, start: 0, text: 'Registered settings.' }]).text, 'Ofsted- Registered settings.');
  });
});
