// Requests the server answers beyond LSP (server/src/lsp/features/custom.ts).
export const Requests = {
  documentInfo: 'inspectionReport/documentInfo',
  judgementSummary: 'inspectionReport/judgementSummary',
  recordEdit: 'inspectionReport/recordOfFindingsEdit',
  setFramework: 'inspectionReport/setFramework',
} as const;

export interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export interface DocumentInfo {
  isReport: boolean;
  tooLarge: boolean;
  framework: { id: string; name: string; shortName: string; source: string } | null;
  judgements: number;
  graded: number;
  problems: number;
  frameworks: { id: string; name: string }[];
}

export interface SummaryRow {
  title: string;
  part: string | null;
  range: LspRange;
  grade: { text: string; level: string | null; label: string | null; rank: number | null; range: LspRange } | null;
  sentence: { term: string; level: string; label: string; agrees: boolean | null; range: LspRange } | null;
  record: { text: string; level: string | null; agrees: boolean | null; range: LspRange } | null;
  problems: string[];
  levels: number;
}
