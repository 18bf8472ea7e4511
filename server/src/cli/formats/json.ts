import type { Diagnostic } from '../../lint/engine';
import { prettyJson, streamed } from './chunks';
import type { Formatter } from './types';

/** ESLint's JSON format: one entry per file; info-level notes are left out (ESLint has only warnings and errors). */
export const formatJson: Formatter = (files) =>
  prettyJson(
    streamed(
      (function* () {
        for (const { filePath, diagnostics, notChecked } of files) {
          if (notChecked !== undefined) {
            // as ESLint gives a file it could not parse: one fatal message without a place
            yield { filePath, messages: [{ ruleId: null, fatal: true, severity: 2, message: notChecked }], errorCount: 1, warningCount: 0 };
            continue;
          }
          const shown = diagnostics.filter((diagnostic) => diagnostic.severity !== 'info');
          const errorCount = shown.filter((diagnostic) => diagnostic.severity === 'error').length;
          yield { filePath, messages: streamed(messagesOf(shown)), errorCount, warningCount: shown.length - errorCount };
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
