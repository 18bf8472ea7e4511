import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Range } from '../../core/text';
import { allRules } from '../../rules';
import { ruleDocsMarkdown } from '../../rules/docs';
import type { Severity } from '../../rules/rule';
import { VERSION } from '../../version';
import { prettyJson, streamed } from './chunks';
import type { FileResult, Formatter } from './types';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

function region(range: Range) {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

/** A file under the folder the linter ran in is named relative to it (as code scanning wants); any other by its file URL. */
type ArtifactLocation = { uri: string; uriBaseId?: string; index: number };

function artifactUri(cwd: string, filePath: string): { uri: string; uriBaseId?: string } {
  const relative = path.relative(cwd, filePath);
  if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) return { uri: pathToFileURL(filePath).href };
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

const pascal = (id: string) => id.replace(/(^|-)([a-z])/g, (_, __, letter: string) => letter.toUpperCase());

/** SARIF 2.1.0, for code scanning: every rule with its docs, every result with its location and fixes. */
export const formatSarif: Formatter = (files, { cwd, configurationProblems = [] }) => {
  const rules = allRules.map((rule) => {
    const markdown = ruleDocsMarkdown(rule.meta.id);
    return {
      id: rule.meta.id,
      name: pascal(rule.meta.id),
      shortDescription: { text: rule.meta.description },
      fullDescription: { text: rule.meta.description },
      ...(markdown ? { help: { text: rule.meta.description, markdown } } : {}),
      defaultConfiguration: { level: LEVEL[rule.meta.defaultSeverity] },
      properties: { fixable: rule.meta.fixable },
    };
  });
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const resultOf = (diagnostic: FileResult['diagnostics'][number], artifactLocation: ArtifactLocation) => ({
    ruleId: diagnostic.ruleId,
    ruleIndex: ruleIndex.get(diagnostic.ruleId) ?? -1,
    level: LEVEL[diagnostic.severity],
    message: { text: diagnostic.message },
    locations: [{ physicalLocation: { artifactLocation, region: region(diagnostic.range) } }],
    ...(diagnostic.related.length
      ? {
          relatedLocations: diagnostic.related.map((related, id) => ({
            id,
            message: { text: related.message },
            physicalLocation: { artifactLocation, region: region(related.range) },
          })),
        }
      : {}),
    ...(diagnostic.fixes.length
      ? {
          fixes: diagnostic.fixes.map((fix) => ({
            description: { text: fix.title },
            artifactChanges: [
              {
                artifactLocation,
                replacements: fix.edits.map((edit) => ({ deletedRegion: region(edit.range), insertedContent: { text: edit.newText } })),
              },
            ],
          })),
        }
      : {}),
  });
  // made as the output is written: the objects of every result are never all held at once, nor every file's
  // results (the artifacts, listed as the files come, are written after them)
  const artifacts: { location: { uri: string; uriBaseId?: string } }[] = [];
  const notChecked: { level: 'error'; message: { text: string }; locations: { physicalLocation: { artifactLocation: ArtifactLocation } }[] }[] = [];
  const results = (function* () {
    for (const file of files) {
      const location = artifactUri(cwd, file.filePath);
      const artifactLocation = { ...location, index: artifacts.length };
      artifacts.push({ location });
      if (file.notChecked !== undefined) {
        notChecked.push({ level: 'error', message: { text: file.notChecked }, locations: [{ physicalLocation: { artifactLocation } }] });
      }
      for (const diagnostic of file.diagnostics) yield resultOf(diagnostic, artifactLocation);
    }
  })();
  const configurationNotifications = configurationProblems.map((problem) => ({
    level: problem.severity,
    message: { text: problem.message },
    ...(problem.filePath ? { locations: [{ physicalLocation: { artifactLocation: artifactUri(cwd, problem.filePath), region: region(problem.range) } }] } : {}),
  }));
  // a file that was not checked is a failure of the run, not a result: known once the results are written
  const invocations = (function* () {
    const failed = notChecked.length > 0 || configurationProblems.some((problem) => problem.severity === 'error');
    yield {
      executionSuccessful: !failed,
      ...(notChecked.length ? { toolExecutionNotifications: notChecked } : {}),
      ...(configurationNotifications.length ? { toolConfigurationNotifications: configurationNotifications } : {}),
    };
  })();
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'inspection-lint', version: VERSION, semanticVersion: VERSION, rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd.endsWith(path.sep) ? cwd : cwd + path.sep).href } },
        results: streamed(results),
        columnKind: 'utf16CodeUnits',
        artifacts: streamed(artifacts),
        invocations: streamed(invocations),
      },
    ],
  };
  return prettyJson(log);
};
