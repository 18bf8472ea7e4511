import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { markdownText } from '../../server/src/lsp/features/markdown';
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
    this.item.text = `$(checklist) ${framework} · ${info.graded} judgement${info.graded === 1 ? '' : 's'}${info.check.whenTypingPauses ? ' $(watch)' : ''}`;
    const summary = info.framework
      ? `Read as **${markdownText(info.framework.name)}** (${markdownText(info.framework.source)}).\n\n${info.graded} of ${info.judgements} judgements graded, ${info.problems} problem${info.problems === 1 ? '' : 's'}.`
      : 'No inspection framework recognised.';
    this.item.tooltip = new vscode.MarkdownString(`${summary}${pacingNote(info)}\n\nClick to choose ${info.framework ? 'another framework' : 'one'}.`, true);
    this.item.show();
    return info;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.item.dispose();
  }
}

/** For a report whose check is slow, why its problems appear only once typing pauses. */
export function pacingNote(info: DocumentInfo): string {
  const { lastMs, whenTypingPauses, slowCheckMs } = info.check;
  if (!whenTypingPauses || lastMs === null) return '';
  const took = lastMs >= 1000 ? `${(lastMs / 1000).toFixed(1)} s` : `${Math.round(lastMs)} ms`;
  return `\n\n$(watch) Checked once typing pauses: its last check took ${took}, over the ${slowCheckMs} ms of \`inspectionReport.slowCheckMs\`.`;
}
