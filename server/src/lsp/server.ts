import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type ClientCapabilities,
  type CodeAction,
  type Connection,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
  type Diagnostic as LspDiagnostic,
  type InitializeResult,
  type WorkspaceSymbolParams,
} from 'vscode-languageserver/node';
import { CONFIG_FILE_NAME } from '../config/names';
import { VERSION } from '../version';
import { Analyzer, type Analysis } from './analysis';
import { codeActions, FIX_ALL_KIND, fixAllEdits, isFixAllData } from './features/code-actions';
import { completions } from './features/completion';
import { documentInfo, judgementSummary, recordOfFindingsEdit } from './features/custom';
import { Requests } from './protocol';
import { diagnosticsFor, fingerprintOf, SOURCE } from './features/diagnostics';
import { foldingRanges } from './features/folding';
import { hover } from './features/hover';
import { definition, references } from './features/navigation';
import { documentSymbols, workspaceSymbols } from './features/symbols';
import { LineDocuments } from './line-document';
import { Pacing } from './pacing';
import { DEFAULT_SETTINGS, readSettings, type Settings } from './settings';

/** Changes closer together than this come from a program, not from typing. */
const BURST_GAP_MS = 1;
const BURST_WAIT_MS = 5;
const MAX_DEFER_MS = 100;

const isConfigUri = (uri: string) => uri.endsWith(`/${CONFIG_FILE_NAME}`);

/** Wires the pure analysis to a connection: one small module per feature, this file only adapts. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(LineDocuments);
  let settings: Settings = DEFAULT_SETTINGS;
  let capabilities: ClientCapabilities = {};
  let pull = false;
  const analyzer = new Analyzer(settings);
  const pending = new Set<string>();
  /** When each document last changed, and the gap before that change. */
  const changeTimes = new Map<string, { last: number; gap: number }>();
  /** The analysis last shown for each document (what is linted on save only, when lint-as-you-type is off). */
  const shown = new Map<string, Analysis>();
  let generation = 0;
  /** The diagnostics last sent to a pulling client, per document, as a fingerprint, with their result id. */
  const pulled = new Map<string, { resultId: string; fingerprint: string }>();
  let pullCount = 0;
  /** Settings a client serves through workspace/configuration arrive after initialization: analyses wait for them. */
  let settingsReady: Promise<void> = Promise.resolve();
  let markSettingsReady: () => void = () => undefined;
  const pacing = new Pacing({
    costOf: (uri) => analyzer.costOf(uri),
    lastChangeOf: (uri) => changeTimes.get(uri)?.last,
    threshold: () => settings.slowCheckMs,
  });

  const log = (message: string, error?: unknown) => connection.console.error(`${message}${error ? `: ${(error as Error).stack ?? String(error)}` : ''}`);
  function safe<A extends unknown[], R>(name: string, fallback: R, run: (...args: A) => R): (...args: A) => R {
    return (...args: A) => {
      try {
        return run(...args);
      } catch (error) {
        log(`${name} failed`, error);
        return fallback;
      }
    };
  }

  /** A request about one document: for a slow report, answered once typing pauses (nothing if cancelled before). */
  function paced<P extends { textDocument: { uri: string } }, R>(name: string, fallback: R, run: (params: P) => R): (params: P, token: CancellationToken) => R | Promise<R> {
    const guarded = safe(name, fallback, run);
    return (params, token) => {
      // malformed parameters go straight to the guarded handler, which logs them and answers the fallback
      const uri: unknown = (params as Partial<P> | null)?.textDocument?.uri;
      if (typeof uri !== 'string' || pacing.waitFor(uri) <= 0) return guarded(params);
      return pacing.settled(uri, token).then((ready) => (ready ? guarded(params) : fallback));
    };
  }

  const analysisOf = (uri: string): Analysis | undefined => {
    const document = documents.get(uri);
    return document && !isConfigUri(uri) ? analyzer.get(document) : undefined;
  };

  function diagnosticsOf(uri: string, fresh: boolean): LspDiagnostic[] {
    const document = documents.get(uri);
    if (!document) return [];
    if (isConfigUri(uri)) {
      const config = analyzer.setOpenConfig(uri, document.getText());
      return (config?.problems ?? []).map((problem) => ({ range: problem.range, severity: problem.severity === 'warning' ? 2 : 1, source: SOURCE, message: problem.message, code: 'configuration' }));
    }
    let analysis = fresh || settings.lintAsYouType ? analyzer.get(document) : (shown.get(uri) ?? analyzer.get(document));
    if (fresh || settings.lintAsYouType) shown.set(uri, analysis);
    else analysis = shown.get(uri) ?? analysis;
    return diagnosticsFor(analysis, settings.maxFileSize);
  }

  function publish(uri: string, fresh: boolean): void {
    if (pull) return;
    const document = documents.get(uri);
    if (!document) return;
    void connection.sendDiagnostics({ uri, version: document.version, diagnostics: diagnosticsOf(uri, fresh) });
  }

  /**
   * Coalesces a burst of changes into one analysis of the latest text. A person typing gets each analysis at
   * once; changes streaming in faster than anyone types (a script, a paste split into thousands of edits) wait
   * until the stream pauses, or at most MAX_DEFER_MS, so the server does not analyse every intermediate text.
   */
  function schedule(uri: string, fresh: boolean): void {
    if (pull) return;
    if (pending.has(uri)) return;
    pending.add(uri);
    const since = performance.now();
    const run = safe('validation', undefined, () => {
      const now = performance.now();
      const changes = changeTimes.get(uri);
      const streaming = changes !== undefined && changes.gap < BURST_GAP_MS && now - changes.last < BURST_WAIT_MS;
      if (streaming && now - since < MAX_DEFER_MS) {
        setTimeout(run, BURST_WAIT_MS);
        return;
      }
      const wait = pacing.waitFor(uri);
      if (wait > 0) {
        setTimeout(run, wait);
        return;
      }
      pending.delete(uri);
      publish(uri, fresh);
    });
    void settingsReady.then(() => setImmediate(run));
  }

  function refreshAll(): void {
    generation++;
    if (pull) {
      if (capabilities.workspace?.diagnostics?.refreshSupport) void connection.languages.diagnostics.refresh();
      return;
    }
    for (const document of documents.all()) schedule(document.uri, true);
  }

  /** Reads the client's settings; true when they changed. */
  async function loadSettings(): Promise<boolean> {
    if (!capabilities.workspace?.configuration) return false;
    const before = JSON.stringify(settings);
    try {
      const [value] = await connection.workspace.getConfiguration([{ section: 'inspectionReport' }]);
      settings = readSettings(value, DEFAULT_SETTINGS);
    } catch (error) {
      log('could not read the settings', error);
    }
    if (JSON.stringify(settings) === before) return false;
    analyzer.updateSettings(settings);
    return true;
  }

  connection.onInitialize((params): InitializeResult => {
    capabilities = params.capabilities;
    pull = Boolean(capabilities.textDocument?.diagnostic);
    const init = params.initializationOptions as { settings?: unknown } | undefined;
    settings = readSettings(init?.settings, DEFAULT_SETTINGS);
    analyzer.updateSettings(settings);
    if (capabilities.workspace?.configuration) {
      settingsReady = new Promise((resolve) => {
        markSettingsReady = resolve;
        setTimeout(resolve, 2000); // a client that never answers must not stop the checks
      });
    }
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        documentSymbolProvider: { label: 'Inspection report' },
        workspaceSymbolProvider: true,
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
        foldingRangeProvider: true,
        completionProvider: { triggerCharacters: [' ', '\t'] },
        definitionProvider: true,
        referencesProvider: true,
        ...(pull ? { diagnosticProvider: { identifier: SOURCE, interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'inspection-report-language-server', version: VERSION },
    };
  });

  connection.onInitialized(async () => {
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'inspectionReport' });
    }
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }] });
    }
    const changed = await loadSettings();
    markSettingsReady();
    if (changed) refreshAll();
  });

  connection.onDidChangeConfiguration(async (change) => {
    if (capabilities.workspace?.configuration) {
      if (!(await loadSettings())) return;
    } else {
      const value = (change.settings as { inspectionReport?: unknown } | undefined)?.inspectionReport;
      settings = readSettings(value, settings);
      analyzer.updateSettings(settings);
    }
    refreshAll();
  });

  connection.onDidChangeWatchedFiles(() => {
    analyzer.invalidateAll();
    refreshAll();
  });

  documents.onDidOpen((event) => schedule(event.document.uri, true));
  documents.onDidChangeContent((event) => {
    const { uri } = event.document;
    const now = performance.now();
    const previous = changeTimes.get(uri);
    changeTimes.set(uri, { last: now, gap: previous ? now - previous.last : Infinity });
    analyzer.invalidate(uri);
    if (isConfigUri(uri)) {
      analyzer.setOpenConfig(uri, event.document.getText());
      schedule(uri, true);
      refreshAll();
      return;
    }
    if (settings.lintAsYouType) schedule(uri, true);
  });
  documents.onDidSave((event) => {
    if (!settings.lintAsYouType) schedule(event.document.uri, true);
    if (pull && !settings.lintAsYouType) shown.set(event.document.uri, analyzer.get(event.document));
  });
  documents.onDidClose((event) => {
    const { uri } = event.document;
    analyzer.forget(uri);
    shown.delete(uri);
    changeTimes.delete(uri);
    pulled.delete(uri);
    if (isConfigUri(uri)) {
      analyzer.setOpenConfig(uri, null);
      refreshAll();
    }
    if (!pull) void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  connection.languages.diagnostics.on(
    async (params: DocumentDiagnosticParams, token: CancellationToken): Promise<DocumentDiagnosticReport> => {
      await settingsReady;
      const uri: unknown = (params as Partial<DocumentDiagnosticParams> | null)?.textDocument?.uri;
      if (typeof uri === 'string' && !(await pacing.settled(uri, token))) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'the report changed again before it was checked');
      return pullDiagnostics(params);
    },
  );

  const pullDiagnostics = safe('pull diagnostics', { kind: DocumentDiagnosticReportKind.Full, items: [] } as DocumentDiagnosticReport, (params: DocumentDiagnosticParams): DocumentDiagnosticReport => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      const items = diagnosticsOf(document.uri, false);
      // the same diagnostics as the client already has (typing inside a paragraph, mostly): say so, send nothing
      const fingerprint = fingerprintOf(items);
      const previous = pulled.get(document.uri);
      if (previous && previous.fingerprint === fingerprint && params.previousResultId === previous.resultId) {
        return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: previous.resultId };
      }
      const resultId = `${document.version}:${generation}:${++pullCount}`;
      pulled.set(document.uri, { resultId, fingerprint });
      return { kind: DocumentDiagnosticReportKind.Full, resultId, items };
  });

  connection.onDocumentSymbol(paced('document symbols', [], (params) => {
    const analysis = analysisOf(params.textDocument.uri);
    return analysis?.isReport ? documentSymbols(analysis) : [];
  }));
  connection.onWorkspaceSymbol(async (params, token) => {
    const settled = await Promise.all(documents.all().map((document) => pacing.settled(document.uri, token)));
    return settled.every(Boolean) ? workspaceSymbolsNow(params) : [];
  });
  const workspaceSymbolsNow = safe('workspace symbols', [], (params: WorkspaceSymbolParams) => {
    const analyses = documents.all().filter((document) => !isConfigUri(document.uri)).map((document) => analyzer.get(document));
    return workspaceSymbols(analyses, params.query);
  });
  connection.onHover(paced('hover', null, (params) => {
    const analysis = analysisOf(params.textDocument.uri);
    return analysis ? hover(analysis, params.position) : null;
  }));
  connection.onCodeAction(paced('code actions', [], (params) => {
    const document = documents.get(params.textDocument.uri);
    const analysis = analysisOf(params.textDocument.uri);
    if (!analysis || !document) return [];
    const lazy = Boolean(capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit'));
    return codeActions(analysis, params, document.getText(), (text) => analyzer.diagnosticsForText(document, text), lazy);
  }));
  connection.onCodeActionResolve((action: CodeAction): CodeAction => safe('fix all', action, resolveFixAll)(action));
  const resolveFixAll = (action: CodeAction): CodeAction => {
    if (!isFixAllData(action.data)) return action;
    const { uri, version } = action.data.fixAll;
    const document = documents.get(uri);
    const analysis = analysisOf(uri);
    // the document changed since the action was offered: no edit rather than one for another text
    if (!document || !analysis || document.version !== version) return action;
    return { ...action, edit: { changes: { [uri]: fixAllEdits(analysis, document.getText(), (text) => analyzer.diagnosticsForText(document, text)) } } };
  };
  connection.onFoldingRanges(paced('folding', [], (params) => {
    const analysis = analysisOf(params.textDocument.uri);
    return analysis?.isReport ? foldingRanges(analysis) : [];
  }));
  connection.onCompletion(paced('completion', [], (params) => {
    const analysis = analysisOf(params.textDocument.uri);
    const snippets = Boolean(capabilities.textDocument?.completion?.completionItem?.snippetSupport);
    return analysis ? completions(analysis, params.position, snippets) : [];
  }));
  connection.onDefinition(paced('definition', null, (params) => {
    const analysis = analysisOf(params.textDocument.uri);
    return analysis ? definition(analysis, params.position) : null;
  }));
  connection.onReferences(paced('references', [], (params) => {
    const analysis = analysisOf(params.textDocument.uri);
    return analysis ? references(analysis, params.position, params.context.includeDeclaration) : [];
  }));

  connection.onRequest(Requests.documentInfo, paced('document info', null, (params: { textDocument: { uri: string } }) => {
    const analysis = analysisOf(params.textDocument.uri);
    if (!analysis) return null;
    const uri = params.textDocument.uri;
    return documentInfo(analysis, { lastMs: analyzer.costOf(uri) ?? null, whenTypingPauses: pacing.isSlow(uri), slowCheckMs: settings.slowCheckMs });
  }));
  connection.onRequest(Requests.judgementSummary, paced('judgement summary', [], (params: { textDocument: { uri: string } }) => {
    const analysis = analysisOf(params.textDocument.uri);
    return analysis ? judgementSummary(analysis) : [];
  }));
  connection.onRequest(Requests.recordEdit, paced('record of main findings', null, (params: { textDocument: { uri: string } }) => {
    const analysis = analysisOf(params.textDocument.uri);
    if (!analysis) return null;
    const { edits, created, declined, version } = recordOfFindingsEdit(analysis);
    return { created, declined, version, edit: { changes: { [analysis.uri]: edits } } };
  }));
  connection.onNotification(Requests.setFramework, safe('choose framework', undefined, (params: { textDocument: { uri: string }; framework: string | null }) => {
    analyzer.setOverride(params.textDocument.uri, params.framework);
    generation++;
    if (pull) refreshAll();
    else schedule(params.textDocument.uri, true);
  }));

  documents.listen(connection);
  connection.listen();
}
