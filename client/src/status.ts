import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Requests, type DocumentInfo } from '../../server/src/lsp/protocol';

/** Status bar: the framework the active report is read as and how many judgements it has; click to choose. */
export class FrameworkStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('inspectionReport.framework', vscode.StatusBarAlignment.Right, 100);
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly client: LanguageClient) {
    this.item.name = 'Inspection report framework';
    this.item.command = 'inspectionReport.chooseFramework';
  }

  /** Refreshes soon (changes come in bursts while typing). */
  schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), 150);
  }

  async refresh(): Promise<DocumentInfo | null> {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      this.item.hide();
      return null;
    }
    let info: DocumentInfo | null = null;
    try {
      info = await this.client.sendRequest<DocumentInfo | null>(Requests.documentInfo, { textDocument: { uri: editor.document.uri.toString() } });
    } catch {
      info = null;
    }
    if (!info?.isReport) {
      this.item.hide();
      return info;
    }
    const framework = info.framework ? info.framework.shortName : 'Unknown framework';
    this.item.text = `$(checklist) ${framework} · ${info.graded} judgement${info.graded === 1 ? '' : 's'}`;
    this.item.tooltip = new vscode.MarkdownString(
      info.framework
        ? `Read as **${info.framework.name}** (${info.framework.source}).\n\n${info.graded} of ${info.judgements} judgements graded, ${info.problems} problem${info.problems === 1 ? '' : 's'}.\n\nClick to choose another framework.`
        : 'No inspection framework recognised. Click to choose one.',
    );
    this.item.show();
    return info;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.item.dispose();
  }
}
