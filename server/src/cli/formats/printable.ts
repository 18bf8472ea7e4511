/**
 * Characters a terminal acts on instead of showing: C0 controls other than tab and line feed (ESC starts the
 * sequences that recolour, move the cursor, retitle the window or write the clipboard; CR goes back over the line),
 * DEL, the C1 controls, and the bidirectional marks and overrides that reorder what follows them on the line.
 */
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function escapeOf(character: string): string {
  const code = character.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Text from a report, a configuration or a file name, made safe for a terminal or a CI log: the characters above are
 * written as escapes ("\x1B", "\u202E"). A report is a document someone else wrote; printing its text as it is would
 * let it restyle or rewrite the linter's output, or disguise a message by reversing it.
 */
export function printable(text: string): string {
  UNPRINTABLE.lastIndex = 0;
  return UNPRINTABLE.test(text) ? text.replace(UNPRINTABLE, escapeOf) : text;
}
