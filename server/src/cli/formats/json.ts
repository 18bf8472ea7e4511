import type { Diagnostic } from '../../lint/engine';
import { hasPreferredFix } from '../../lint/fix';
import { prettyJson, streamed } from './chunks';
import type { Formatter } from './types';

/**
 * ESLint's JSON format: one entry per file, with its counts; info-level notes are left out (ESLint has only warnings
 * and errors). A problem counts as fixable when it has a preferred fix, the one `--fix` applies (to UTF-8 files); the
 * messages carry no `fix` of their own.
 */
export const formatJson: Formatter = (files) =>
  prettyJson(
    streamed(
      (function* () {
        for (const { filePath, diagnostics, notChecked } of files) {
          if (notChecked !== undefined) {
            // one fatal message, without a place (as ESLint gives a file it ignores), so that a consumer cannot take it for clean
            const messages = [{ ruleId: null, fatal: true, severity: 2, message: notChecked }];
            yield { filePath, messages, errorCount: 1, fatalErrorCount: 1, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 };
            continue;
          }
          const shown = diagnostics.filter((diagnostic) => diagnostic.severity !== 'info');
          let errorCount = 0;
          let fixableErrorCount = 0;
          let fixableWarningCount = 0;
          for (const diagnostic of shown) {
            const fixable = hasPreferredFix(diagnostic);
            if (diagnostic.severity === 'error') {
              errorCount++;
              if (fixable) fixableErrorCount++;
            } else if (fixable) fixableWarningCount++;
          }
          const warningCount = shown.length - errorCount;
          yield { filePath, messages: streamed(messagesOf(shown)), errorCount, fatalErrorCount: 0, warningCount, fixableErrorCount, fixableWarningCount };
        }
      })(),
    ),
  );

function* messagesOf(diagnostics: readonly Diagnostic[]) {
  for (const diagnostic of diagnostics) {
    yield {
      ruleId: diagnostic.ruleId,
      severity: diagnostic.severity === 'error' ? 2 : 1,
      message: diagnostic.message,
      line: diagnostic.range.start.line + 1,
      column: diagnostic.range.start.character + 1,
      endLine: diagnostic.range.end.line + 1,
      endColumn: diagnostic.range.end.character + 1,
    };
  }
}
