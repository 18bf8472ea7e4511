import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';
import { allRules } from '../../server/src/rules';
import { repoRoot } from '../helpers/paths';

interface Manifest {
  main: string;
  activationEvents: string[];
  capabilities: { untrustedWorkspaces: { supported: string } };
  contributes: {
    languages: { id: string; extensions?: string[]; filenames?: string[]; configuration?: string }[];
    grammars: { scopeName: string; path: string; injectTo?: string[] }[];
    jsonValidation: { fileMatch: string; url: string }[];
    configuration: { properties: Record<string, { default?: unknown; properties?: Record<string, { enum: string[] }> }> };
    commands: { command: string }[];
    walkthroughs: { steps: { media: { markdown: string } }[] }[];
  };
}

const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Manifest;

describe('the extension manifest and package', () => {
  it('contributes the report language for *.report.txt and *.report.md, with its configuration and grammars', () => {
    const language = manifest.contributes.languages.find((candidate) => candidate.id === 'inspection-report');
    assert.deepStrictEqual(language?.extensions, ['.report.txt', '.report.md']);
    assert.ok(fs.existsSync(path.join(repoRoot, language!.configuration!)));
    for (const grammar of manifest.contributes.grammars) assert.ok(fs.existsSync(path.join(repoRoot, grammar.path)), grammar.path);
    assert.deepStrictEqual(manifest.contributes.grammars.find((grammar) => grammar.injectTo)?.injectTo, ['text.html.markdown']);
    assert.ok(manifest.activationEvents.includes('onLanguage:inspection-report'));
  });

  it('validates .inspection-lint.json with the generated schema', () => {
    const validation = manifest.contributes.jsonValidation[0]!;
    assert.strictEqual(validation.fileMatch, '.inspection-lint.json');
    assert.ok(fs.existsSync(path.join(repoRoot, validation.url)));
  });

  it('offers every rule in the settings, with its severities', () => {
    const rules = manifest.contributes.configuration.properties['inspectionReport.rules']!.properties!;
    assert.deepStrictEqual(Object.keys(rules).sort(), allRules.map((rule) => rule.meta.id).sort());
    for (const setting of Object.values(rules)) assert.deepStrictEqual(setting.enum, ['error', 'warning', 'info', 'off']);
  });

  it("contributes every setting the server reads, with the server's default, and the client sends each one", () => {
    const contributed = Object.entries(manifest.contributes.configuration.properties).filter(([key]) => key !== 'inspectionReport.trace.server');
    // allowCustomFrameworks is the workspace's trust, not a setting
    const serverSettings = Object.entries(DEFAULT_SETTINGS).filter(([key]) => key !== 'allowCustomFrameworks');
    assert.deepStrictEqual(
      contributed.map(([key, setting]) => [key.replace('inspectionReport.', ''), setting.default]).sort(),
      serverSettings.sort(),
    );
    const client = fs.readFileSync(path.join(repoRoot, 'client', 'src', 'extension.ts'), 'utf8');
    for (const [key] of serverSettings) assert.ok(client.includes(`${key}: config.get('${key}')`), `the client does not send ${key}`);
  });

  it('declares its commands, a walkthrough whose pages exist, and limited support for untrusted workspaces', () => {
    const commands = manifest.contributes.commands.map((command) => command.command);
    for (const id of ['inspectionReport.showJudgementSummary', 'inspectionReport.updateRecordOfFindings', 'inspectionReport.chooseFramework']) assert.ok(commands.includes(id), id);
    for (const step of manifest.contributes.walkthroughs[0]!.steps) assert.ok(fs.existsSync(path.join(repoRoot, step.media.markdown)), step.media.markdown);
    assert.strictEqual(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
  });

  it('packages only what runs: the bundles, grammars, profiles, schemas and docs', function () {
    this.timeout(60000);
    const run = spawnSync(process.execPath, [path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies'], { cwd: repoRoot, encoding: 'utf8' });
    assert.strictEqual(run.status, 0, run.stderr);
    const files = run.stdout.split('\n').map((line) => line.trim()).filter(Boolean);
    assert.ok(files.includes('dist/client.js') && files.includes('dist/server.js') && files.includes('dist/zod.js'));
    const allowed = /^(?:package\.json|README\.md|LICENSE|language-configuration\.json|dist\/(?:client|server|zod)\.js|dist\/frameworks\.json|syntaxes\/[\w.-]+\.json|server\/(?:frameworks|schemas)\/[\w.-]+\.json|docs\/(?:rules|walkthrough)\/[\w.-]+\.md)$/;
    assert.deepStrictEqual(files.filter((file) => !allowed.test(file)), []);
    assert.ok(!files.some((file) => /\.ts$|^test\/|^seeds\/|node_modules/.test(file)));
    assert.strictEqual(manifest.main, './dist/client.js');
  });
});
