import type { Formatter } from './types';

/** ESLint's JSON format: one entry per file; info-level notes are left out (ESLint has only warnings and errors). */
export const formatJson: Formatter = (files) =>
  JSON.stringify(
    files.map(({ filePath, diagnostics }) => {
      const messages = diagnostics
        .filter((diagnostic) => diagnostic.severity !== 'info')
        .map((diagnostic) => ({
          ruleId: diagnostic.ruleId,
          severity: diagnostic.severity === 'error' ? 2 : 1,
          message: diagnostic.message,
          line: diagnostic.range.start.line + 1,
          column: diagnostic.range.start.character + 1,
          endLine: diagnostic.range.end.line + 1,
          endColumn: diagnostic.range.end.character + 1,
        }));
      const count = (severity: number) => messages.filter((message) => message.severity === severity).length;
      return { filePath, messages, errorCount: count(2), warningCount: count(1) };
    }),
    null,
    2,
  );
