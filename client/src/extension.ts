import * as vscode from 'vscode';
import { DidChangeConfigurationNotification, LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions, type WorkspaceEdit } from 'vscode-languageclient/node';
import { Requests, type DocumentInfo } from '../../server/src/lsp/protocol';
import { FrameworkStatus } from './status';
import { JudgementSummary } from './summary';

const LANGUAGE = 'inspection-report';
const CHOSEN = 'inspectionReport.chosenFrameworks';

let client: LanguageClient | undefined;

/** What the extension exposes to its tests (and to other extensions). */
export interface InspectionReportApi {
  client: LanguageClient;
  summary: JudgementSummary;
  status: FrameworkStatus;
}

function settings(): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration('inspectionReport');
  return {
    enable: config.get('enable'),
    framework: config.get('framework'),
    rules: config.get('rules'),
    lintAsYouType: config.get('lintAsYouType'),
    maxFileSize: config.get('maxFileSize'),
    maxNumberOfProblems: config.get('maxNumberOfProblems'),
    slowCheckMs: config.get('slowCheckMs'),
    lintPlainTextReports: config.get('lintPlainTextReports'),
    // frameworks defined in a workspace's .inspection-lint.json are code-like: only in trusted workspaces
    allowCustomFrameworks: vscode.workspace.isTrusted,
  };
}

export async function activate(context: vscode.ExtensionContext): Promise<InspectionReportApi> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: LANGUAGE },
      { language: 'plaintext', scheme: 'file' },
      { language: 'plaintext', scheme: 'untitled' },
      { language: 'markdown', scheme: 'file' },
      { language: 'markdown', scheme: 'untitled' },
      { pattern: '**/.inspection-lint.json' },
    ],
    initializationOptions: { settings: settings() },
    middleware: {
      workspace: {
        configuration: (params, _token, _next) => params.items.map((item) => (item.section === 'inspectionReport' ? settings() : null)),
      },
    },
  };
  client = new LanguageClient('inspectionReport', 'Inspection Report', serverOptions, clientOptions);
  await client.start();
  const current = client;

  const status = new FrameworkStatus(current);
  const summary = new JudgementSummary(current);
  context.subscriptions.push(status, summary);

  // the frameworks the user chose for files: the server forgets them when it restarts, so they are sent again
  const sendChosenFrameworks = () => {
    const chosen = context.workspaceState.get<Record<string, string>>(CHOSEN, {});
    for (const [uri, framework] of Object.entries(chosen)) {
      void current.sendNotification(Requests.setFramework, { textDocument: { uri }, framework });
    }
  };
  sendChosenFrameworks();
  context.subscriptions.push(current.onDidChangeState((event) => event.newState === State.Running && sendChosenFrameworks()));

  const reportEditor = (): vscode.TextEditor | undefined => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) void vscode.window.showWarningMessage('Open an inspection report first.');
    return editor;
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('inspectionReport.showJudgementSummary', async () => {
      const editor = reportEditor();
      return editor ? summary.show(editor.document) : undefined;
    }),
    vscode.commands.registerCommand('inspectionReport.updateRecordOfFindings', async () => {
      const editor = reportEditor();
      if (!editor) return false;
      const answer = await current.sendRequest<{ created: boolean; declined?: string; edit: WorkspaceEdit; version: number } | null>(Requests.recordEdit, { textDocument: { uri: editor.document.uri.toString() } });
      if (answer?.declined) {
        void vscode.window.showInformationMessage(answer.declined);
        return false;
      }
      // typed into while the record was made: its edits are for the text as it was, and would land in the wrong places
      if (answer && answer.version !== editor.document.version) {
        void vscode.window.showInformationMessage('The report changed while its record of main findings was being made: run the command again.');
        return false;
      }
      const edit = answer ? await current.protocol2CodeConverter.asWorkspaceEdit(answer.edit) : undefined;
      if (!answer || !edit || edit.size === 0) {
        void vscode.window.showInformationMessage('The record of main findings already agrees with the sections.');
        return false;
      }
      const applied = await vscode.workspace.applyEdit(edit);
      if (applied) void vscode.window.showInformationMessage(answer.created ? 'Record of main findings added at the end of the report.' : 'Record of main findings updated from the sections.');
      return applied;
    }),
    vscode.commands.registerCommand('inspectionReport.chooseFramework', async (pickedId?: string) => {
      const editor = reportEditor();
      if (!editor) return;
      const uri = editor.document.uri.toString();
      const info = await current.sendRequest<DocumentInfo | null>(Requests.documentInfo, { textDocument: { uri } });
      let framework: string | null | undefined = pickedId;
      if (framework === undefined) {
        const items: (vscode.QuickPickItem & { id: string | null })[] = [
          { id: null, label: '$(search) Detect from the report', description: info?.framework ? `now ${info.framework.shortName}` : 'none recognised' },
          ...(info?.frameworks ?? []).map((candidate) => ({ id: candidate.id, label: candidate.name, description: candidate.id, picked: candidate.id === info?.framework?.id })),
        ];
        const picked = await vscode.window.showQuickPick(items, { title: 'Read this report as', placeHolder: 'Framework' });
        if (!picked) return;
        framework = picked.id;
      }
      const next = { ...context.workspaceState.get<Record<string, string>>(CHOSEN, {}) };
      if (framework) next[uri] = framework;
      else delete next[uri];
      await context.workspaceState.update(CHOSEN, next);
      await current.sendNotification(Requests.setFramework, { textDocument: { uri }, framework: framework ?? null });
      status.schedule();
    }),
    vscode.commands.registerCommand('inspectionReport.openRuleDocs', async (ruleId?: string) => {
      const docs = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${ruleId ?? 'README'}.md`);
      await vscode.commands.executeCommand('markdown.showPreview', docs);
    }),
    vscode.commands.registerCommand('inspectionReport.restartServer', async () => {
      await current.restart();
      status.schedule();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void current.sendNotification(DidChangeConfigurationNotification.type, { settings: null })),
    vscode.window.onDidChangeActiveTextEditor(() => status.schedule()),
    vscode.languages.onDidChangeDiagnostics(() => status.schedule()),
    vscode.workspace.onDidChangeTextDocument((event) => void summary.update(event.document)),
  );
  status.schedule();
  return { client: current, summary, status };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
