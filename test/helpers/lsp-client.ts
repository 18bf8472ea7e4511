import { spawn, type ChildProcess } from 'child_process';
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { repoRoot } from './paths';

export const uriOf = (file: string) => pathToFileURL(file).href;

/** A position, and a request's document: the parameters tests send most. */
export const at = (line: number, character: number) => ({ line, character });
export const td = (uri: string) => ({ textDocument: { uri } });

/** "line code" for each diagnostic (1-based lines), the server's or the linter's, to compare them. */
export const codesAndLines = (diagnostics: { code?: unknown; ruleId?: string; range: { start: { line: number } } }[]) =>
  diagnostics.map((d) => `${d.range.start.line + 1} ${String(d.code ?? d.ruleId)}`);

export interface ClientOptions {
  /** Announce pull diagnostics (LSP 3.17); otherwise the server must push. */
  pull?: boolean;
  /** What the client answers to workspace/configuration for "inspectionReport". */
  settings?: Record<string, unknown>;
  initializationOptions?: unknown;
  /** Extra command-line arguments for the server. */
  args?: string[];
  /** Arguments for Node itself, before the server's script (e.g. --require a module). */
  nodeArgs?: string[];
  /** The server's script: the bin (compiled sources) by default, or the bundle the extension ships. */
  serverScript?: string;
  /** Do not answer workspace/configuration (older clients): settings come only with didChangeConfiguration. */
  pushSettingsOnly?: boolean;
  /** Announce codeAction/resolve for edits, as VS Code does: "fix all" then comes without its edit until resolved. */
  resolveCodeActions?: boolean;
}

/** A JSON-RPC client driving the real server process over stdio. */
export class LspClient {
  readonly published = new Map<string, PublishDiagnosticsParams[]>();
  private readonly waiters: {
    uri: string;
    test: (p: PublishDiagnosticsParams) => boolean;
    resolve: (p: PublishDiagnosticsParams) => void;
    reject: (error: Error) => void;
  }[] = [];
  settings: Record<string, unknown>;
  registrations: string[] = [];
  initializeResult!: InitializeResult;
  stderr = '';
  /** What the server logged (window/logMessage), in order. */
  readonly logs: { type: number; message: string }[] = [];

  private constructor(
    readonly process: ChildProcess,
    readonly connection: ProtocolConnection,
    options: ClientOptions,
  ) {
    this.settings = options.settings ?? {};
  }

  static async start(options: ClientOptions = {}): Promise<LspClient> {
    const script = options.serverScript ?? path.join(repoRoot, 'bin', 'inspection-report-language-server.js');
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), script, '--stdio', ...(options.args ?? [])], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspClient(child, connection, options);
    child.stderr!.on('data', (data) => (client.stderr += String(data)));
    // a server that dies fails every wait at once, with what it said
    child.on('exit', (code) => {
      for (const waiter of client.waiters.splice(0)) waiter.reject(new Error(`the server exited (${code}) while waiting for diagnostics: ${client.stderr}`));
    });
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const list = client.published.get(params.uri) ?? [];
      list.push(params);
      client.published.set(params.uri, list);
      for (const waiter of [...client.waiters]) {
        if (waiter.uri === params.uri && waiter.test(params)) {
          client.waiters.splice(client.waiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
    connection.onNotification('window/logMessage', (params: { type: number; message: string }) => {
      client.logs.push(params);
    });
    connection.onRequest(ConfigurationRequest.type, (params) => params.items.map((item) => (item.section === 'inspectionReport' ? client.settings : null)));
    connection.onRequest('client/registerCapability', (params: { registrations: { method: string }[] }) => {
      client.registrations.push(...params.registrations.map((registration) => registration.method));
      return null;
    });
    connection.onRequest('workspace/diagnostic/refresh', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.listen();
    const capabilities: ClientCapabilities = {
      workspace: {
        configuration: !options.pushSettingsOnly,
        didChangeConfiguration: { dynamicRegistration: true },
        didChangeWatchedFiles: { dynamicRegistration: true },
        diagnostics: { refreshSupport: true },
        workspaceEdit: { documentChanges: true },
      },
      textDocument: {
        synchronization: { didSave: true },
        publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, versionSupport: true },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        completion: { completionItem: { snippetSupport: true } },
        codeAction: {
          codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } },
          ...(options.resolveCodeActions ? { dataSupport: true, resolveSupport: { properties: ['edit'] } } : {}),
        },
        foldingRange: {},
        ...(options.pull ? { diagnostic: { dynamicRegistration: false } } : {}),
      },
    };
    client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities,
      initializationOptions: options.initializationOptions,
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  async open(file: string, text: string, languageId = 'plaintext', version = 1): Promise<string> {
    const uri = uriOf(file);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
    return uri;
  }

  async change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async changeSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { inspectionReport: settings } });
  }

  async configFileChanged(file: string): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(file), type: 2 }] });
  }

  /** The next diagnostics published for the document that satisfy the test (already published ones count). */
  diagnostics(uri: string, test: (params: PublishDiagnosticsParams) => boolean = () => true, timeout = 10000): Promise<PublishDiagnosticsParams> {
    const done = this.published.get(uri)?.filter(test).pop();
    if (done) return Promise.resolve(done);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeout} ms; stderr: ${this.stderr}`)), timeout);
      this.waiters.push({ uri, test, resolve: (params) => (clearTimeout(timer), resolve(params)), reject: (error) => (clearTimeout(timer), reject(error)) });
    });
  }

  /** Diagnostics for exactly this version of the document. */
  diagnosticsForVersion(uri: string, version: number): Promise<PublishDiagnosticsParams> {
    return this.diagnostics(uri, (params) => params.version === version);
  }

  /** Waits until the server has registered for a method (registration follows initialization). */
  async registered(method: string, timeout = 5000): Promise<void> {
    const until = Date.now() + timeout;
    while (!this.registrations.includes(method)) {
      if (Date.now() > until) throw new Error(`${method} was never registered (got ${this.registrations.join(', ')})`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.process.once('exit', (code) => resolve(code)));
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      this.process.kill();
    }
    const timer = setTimeout(() => this.process.kill(), 5000);
    const code = await exited;
    clearTimeout(timer);
    this.connection.dispose();
    return code;
  }
}
