import type { Diagnostic } from '../../lint/engine';
import { prettyJson, streamed } from './chunks';
import { eslintFix, type EslintFix, type LinedText } from './eslint-fix';
import type { Formatter } from './types';

/**
 * ESLint's JSON format: one entry per file, with its counts; info-level notes are left out (ESLint has only warnings
 * and errors). A message's `fix` is its preferred fix, the one `--fix` applies, and its other fixes are `suggestions`,
 * as ESLint gives them: offsets into the file's text (without a byte order mark), given for UTF-8 files, the ones
 * `--fix` writes. A problem counts as fixable when its message has a `fix`.
 */
export const formatJson: Formatter = (files) =>
  prettyJson(
    streamed(
      (function* () {
        for (const { filePath, diagnostics, notChecked, text } of files) {
          if (notChecked !== undefined) {
            // one fatal message, without a place (as ESLint gives a file it ignores), so that a consumer cannot take it for clean
            const messages = [{ ruleId: null, fatal: true, severity: 2, message: notChecked }];
            yield { filePath, messages, errorCount: 1, fatalErrorCount: 1, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 };
            continue;
          }
          const shown = diagnostics.filter((diagnostic) => diagnostic.severity !== 'info');
          const messages = messagesOf(shown, text);
          let errorCount = 0;
          let fixableErrorCount = 0;
          let fixableWarningCount = 0;
          for (const message of messages) {
            if (message.severity === 2) {
              errorCount++;
              if (message.fix) fixableErrorCount++;
            } else if (message.fix) fixableWarningCount++;
          }
          const warningCount = messages.length - errorCount;
          yield { filePath, messages: streamed(messages), errorCount, fatalErrorCount: 0, warningCount, fixableErrorCount, fixableWarningCount };
        }
      })(),
    ),
  );

interface Message {
  ruleId: string;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix?: EslintFix;
  suggestions?: { desc: string; fix: EslintFix }[];
}

function messagesOf(diagnostics: readonly Diagnostic[], text: LinedText | undefined): Message[] {
  return diagnostics.map((diagnostic) => {
    const message: Message = {
      ruleId: diagnostic.ruleId,
      severity: diagnostic.severity === 'error' ? 2 : 1,
      message: diagnostic.message,
      line: diagnostic.range.start.line + 1,
      column: diagnostic.range.start.character + 1,
      endLine: diagnostic.range.end.line + 1,
      endColumn: diagnostic.range.end.character + 1,
    };
    if (text === undefined || !diagnostic.fixes.length) return message;
    const suggestions: { desc: string; fix: EslintFix }[] = [];
    for (const fix of diagnostic.fixes) {
      const offsets = eslintFix(fix, text);
      if (!offsets) continue;
      if (fix.preferred && !message.fix) message.fix = offsets;
      else suggestions.push({ desc: fix.title, fix: offsets });
    }
    if (suggestions.length) message.suggestions = suggestions;
    return message;
  });
}
