// What the server offers beyond LSP, shared by the server and the VS Code extension (types and names only:
// the extension bundles this file and nothing else of the server).

/** Requests and notifications the VS Code extension (or any client) can use beyond LSP. */
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
  /** How long the last check of the document took (ms), and whether that makes it one checked only once typing pauses. */
  check: CheckInfo;
}

export interface CheckInfo {
  lastMs: number | null;
  whenTypingPauses: boolean;
  /** The setting that decides it (inspectionReport.slowCheckMs). */
  slowCheckMs: number;
}

/** A row of the judgement summary: a judgement, its grade, its sentence and its record row, and whether they agree. */
export interface SummaryRow {
  title: string;
  part: string | null;
  range: LspRange;
  grade: { text: string; level: string | null; label: string | null; rank: number | null; range: LspRange } | null;
  sentence: { term: string; level: string; label: string; agrees: boolean | null; range: LspRange } | null;
  record: { text: string; level: string | null; agrees: boolean | null; range: LspRange } | null;
  /** Rule ids of the problems reported inside the section. */
  problems: string[];
  levels: number;
}

/** The edit of "Insert / update record of main findings", or why there is none. */
export interface RecordEdit<Edit = { range: LspRange; newText: string }> {
  edits: Edit[];
  /** A record was added (rather than rows of one updated). */
  created: boolean;
  /** Why no record is offered, to tell the user. */
  declined?: string;
  /** The version of the document the edits are for: applied to any other, they would land in the wrong places. */
  version: number;
}
