import * as assert from 'assert';
import * as fc from 'fast-check';
import { opensWith } from '../../server/src/core/parse/lines';
import { collapseWhiteSpace, isWhiteSpace } from '../../server/src/core/text';

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

  it('collapseWhiteSpace returns a text with nothing to collapse as it is', () => {
    const text = 'Leadership and management';
    assert.strictEqual(collapseWhiteSpace(text), text);
    assert.strictEqual(collapseWhiteSpace(' a  b\t\nc '), ' a b c ');
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
