import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Requests, type SummaryRow } from '../../server/src/lsp/protocol';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** A table of every judgement of a report: grade, label, record row and whether they agree, coloured by level. */
export class JudgementSummary implements vscode.Disposable {
  static readonly viewType = 'inspectionReport.judgementSummary';
  private panel: vscode.WebviewPanel | undefined;
  private document: vscode.TextDocument | undefined;
  /** The rows last shown (for tests and for jumping). */
  rows: SummaryRow[] = [];

  constructor(private readonly client: LanguageClient) {}

  async show(document: vscode.TextDocument): Promise<SummaryRow[]> {
    this.document = document;
    this.rows = await this.client.sendRequest<SummaryRow[]>(Requests.judgementSummary, { textDocument: { uri: document.uri.toString() } });
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(JudgementSummary.viewType, 'Judgement summary', vscode.ViewColumn.Beside, {
        enableScripts: true,
        localResourceRoots: [],
      });
      this.panel.onDidDispose(() => (this.panel = undefined));
      this.panel.webview.onDidReceiveMessage((message: { line?: number }) => void this.reveal(message.line));
    }
    this.panel.title = `Judgements: ${vscode.workspace.asRelativePath(document.uri)}`;
    this.panel.webview.html = this.html(this.panel.webview, this.rows);
    return this.rows;
  }

  /** Refreshes an open summary when its report changes. */
  async update(document: vscode.TextDocument): Promise<void> {
    if (this.panel && this.document && document.uri.toString() === this.document.uri.toString()) await this.show(document);
  }

  private async reveal(line: number | undefined): Promise<void> {
    if (line === undefined || !this.document) return;
    const editor = await vscode.window.showTextDocument(this.document, vscode.ViewColumn.One);
    const position = new vscode.Position(line, 0);
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
  }

  private html(webview: vscode.Webview, rows: SummaryRow[]): string {
    const nonce = Array.from({ length: 24 }, () => Math.floor(Math.random() * 36).toString(36)).join('');
    const mark = (agrees: boolean | null | undefined) => (agrees === true ? '<span class="ok" title="agrees">✓</span>' : agrees === false ? '<span class="bad" title="disagrees">✗</span>' : '');
    const body = rows
      .map((row) => {
        const level = row.grade?.rank !== null && row.grade?.rank !== undefined ? `level-${Math.round((row.grade.rank / Math.max(1, row.levels - 1)) * 3)}` : 'level-none';
        return `<tr data-line="${row.range.start.line}" class="${level}">
  <td>${escape(row.part ?? '')}</td>
  <td class="title">${escape(row.title)}</td>
  <td class="grade">${escape(row.grade?.text ?? 'no grade')}</td>
  <td>${escape(row.grade?.label ?? '')}</td>
  <td>${row.sentence ? `${escape(row.sentence.term)} ${mark(row.sentence.agrees)}` : ''}</td>
  <td>${row.record ? `${escape(row.record.text)} ${mark(row.record.agrees)}` : ''}</td>
  <td class="problems">${escape(row.problems.join(', '))}</td>
</tr>`;
      })
      .join('\n');
    return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<style nonce="${nonce}">
  body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--vscode-panel-border); }
  tr[data-line] { cursor: pointer; }
  tr[data-line]:hover { background: var(--vscode-list-hoverBackground); }
  td.grade { font-weight: bold; border-left: 6px solid transparent; }
  tr.level-0 td.grade { border-left-color: var(--vscode-charts-green); }
  tr.level-1 td.grade { border-left-color: var(--vscode-charts-blue); }
  tr.level-2 td.grade { border-left-color: var(--vscode-charts-yellow); }
  tr.level-3 td.grade { border-left-color: var(--vscode-charts-red); }
  .ok { color: var(--vscode-charts-green); } .bad { color: var(--vscode-errorForeground); font-weight: bold; }
  td.problems { color: var(--vscode-errorForeground); }
</style></head>
<body>
<table>
<thead><tr><th>Part</th><th>Judgement</th><th>Grade</th><th>Meaning</th><th>Judgement sentence</th><th>Record row</th><th>Problems</th></tr></thead>
<tbody>
${body || '<tr><td colspan="7">No judgements found.</td></tr>'}
</tbody></table>
<script nonce="${nonce}">
  const vscode = acquireVsCodeApi();
  for (const row of document.querySelectorAll('tr[data-line]')) {
    row.addEventListener('click', () => vscode.postMessage({ line: Number(row.dataset.line) }));
  }
</script>
</body></html>`;
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
