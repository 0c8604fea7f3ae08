/**
 * Shared data shapes of the pipeline (types only, no code).
 * Lines are 1-based line numbers in the corpus file, inclusive ranges.
 */

/** Which part of the report a section is. */
export type SectionKind = 'front' | 'preface' | 'committee' | 'toc' | 'chapter' | 'section' | 'item';

/** A node of the document tree: 一、… chapters, （一）… sections, 1./(1) items. */
export interface Section {
  /** Stable id from the numbering: 'preface', 'committee', 'toc', '2', '2.1', '3.1.2', '5.3.1'. */
  id: string;
  kind: SectionKind;
  /** 0 front matter, 1 chapter, 2 section, 3 item, 4 sub-item. */
  level: number;
  /** Numbering as printed, normalised: '一、', '（一）', '1.', '(1)'; '' for front matter. */
  number: string;
  /** Heading text without numbering: '企业分布阶梯化明显'. */
  title: string;
  /** Numbering + title: '（二）企业分布阶梯化明显'. */
  heading: string;
  /** Headings from the chapter down, e.g. ['六、区块链企业发展现状', '（二）企业分布阶梯化明显']. */
  path: string[];
  line: number;
  parentId: string | null;
}

/** Where each source line starts inside a repaired text (for line-exact citations). */
export interface LineOffset {
  line: number;
  /** Character offset in the repaired text at which this source line's content begins. */
  offset: number;
}

/** A repaired prose paragraph (page breaks joined, artefacts dropped). */
export interface Paragraph {
  sectionId: string;
  text: string;
  lineStart: number;
  lineEnd: number;
  lines: LineOffset[];
  /** Figure captions that label this paragraph ('图 2-3 2020 年上半年我国区块链企业地区分布数量及比例'). */
  figures: string[];
}

export interface TableRow {
  /** One cell per column, as printed (whitespace trimmed), merged cells filled from the row above. */
  cells: string[];
  line: number;
  lineEnd: number;
  /** Cells that were filled from the row above (column indexes). */
  filled: number[];
}

export interface Table {
  /** As printed without the space: '表6-1'. */
  id: string;
  /** Caption without the id: '我国区块链企业各地区分布数量及比例'. */
  caption: string;
  sectionId: string;
  /** Line of the caption. */
  line: number;
  lineEnd: number;
  columns: string[];
  rows: TableRow[];
  /** 「数据来源：…」 text, when printed. */
  dataSource?: string;
}

export interface Figure {
  /** '图2-3' */
  id: string;
  caption: string;
  sectionId: string;
  line: number;
  dataSource?: string;
  /** Text printed inside the figure (e.g. the industry map of 图 2-2), if any. */
  text?: string;
  /** The same text line by line (cells joined by a space), with each line's number. */
  lines?: { line: number; text: string }[];
}

/** The parsed report. */
export interface ReportDocument {
  sha256: string;
  /** Raw corpus lines (index 0 is line 1). */
  lines: string[];
  sections: Section[];
  paragraphs: Paragraph[];
  tables: Table[];
  figures: Figure[];
}

export type ChunkKind = 'prose' | 'table-rows' | 'table-row';

/** A retrievable unit. */
export interface Chunk {
  /** 's2.1#3' prose, 't6-1#g0' row group, 't6-1#r1' single row (1-based row number). */
  id: string;
  kind: ChunkKind;
  sectionId: string;
  /** Heading path joined for display: '六、（二）企业分布阶梯化明显'. */
  section: string;
  /** Table or figure caption with id, e.g. '表6-1 我国区块链企业各地区分布数量及比例'. */
  source?: string;
  /** Report text as printed (repaired); what a citation quotes. */
  text: string;
  /** Search-only context: heading path, caption, column names, figure labels (never quoted). */
  context: string;
  lineStart: number;
  lineEnd: number;
  /** Sentence/row start offsets in `text` mapped to lines. */
  lines: LineOffset[];
  tableId?: string;
  /** 0-based row indexes of the table rows in this chunk. */
  rows?: number[];
}

/** A retrieval result. */
export interface Hit {
  chunk: Chunk;
  score: number;
  /** Per-arm scores before fusion, for eval and debugging. */
  scores?: { bm25?: number; dense?: number };
}

/** A numeric or categorical fact from a table cell or a prose sentence. */
export interface Fact {
  id: string;
  /** '表6-1' or a section id like '2.1'. */
  source: string;
  subject: string;
  metric: string;
  /** Value as printed: '354', '27.06%', '四万余家', '1675 万美元'. */
  text: string;
  value: number | null;
  unit: string;
  period: string;
  /** Approximation as printed: '近', '余', '超过', '约' … */
  qualifier?: string;
  /** The row's cells or the sentence. */
  quote: string;
  /** Where `text` stands in `quote` (prose and running-text cells), so the clause around it can be shown. */
  offset?: number;
  /** Caption of the table a table fact comes from ('我国区块链企业各地区分布数量及比例'). */
  caption?: string;
  line: number;
  /** A sentence a page break splits, the figure printed after the break: that line and where it starts in `quote`. */
  printed?: { line: number; offset: number };
  chunkId: string;
  tableId?: string;
  row?: number;
  column?: string;
}

/** A citation of the HTTP contract. */
export interface Citation {
  id: number;
  chunkId: string;
  section: string;
  source?: string;
  quote: string;
  line: number;
}

/** A structured value an answer used (wire shape of the contract's `facts`). */
export interface AnswerFact {
  source: string;
  subject: string;
  metric: string;
  value: number | string | null;
  unit: string;
  period: string;
  /** The value as the report prints it ('8.10%', '1675 万美元'), for display. */
  text?: string;
  /** Heading path of the section a prose figure comes from ('二、（一）…'), for display instead of its id. */
  section?: string;
}

export type AnswerMode = 'extractive' | 'llm';

export interface Answer {
  answer: string;
  citations: Citation[];
  facts: AnswerFact[];
  grounded: boolean;
  mode: AnswerMode;
  /** How a follow-up was understood, when it was rewritten (e.g. '江苏 区块链企业数量'). */
  understood?: string;
  /** Next questions the report answers, derived from what this answer cites (2–3, Chinese). */
  suggestions?: string[];
}

export interface ChatMessage {
  role: 'user' | 'assistant' | 'system';
  content: string;
}

/** One entry of GET /api/tables. */
export interface TableSummary {
  id: string;
  caption: string;
  rows: number;
}

/** What the server and CLI need from the answering core (built by createPipeline). */
export interface Pipeline {
  /** Answers the last user message of a conversation; never throws for "not in the report". */
  ask(messages: ChatMessage[], options?: { signal?: AbortSignal }): Promise<Answer>;
  /** Structured lookup only (GET /api/facts). */
  lookupFacts(query: string): { facts: Fact[] };
  listTables(): TableSummary[];
  getTable(id: string): Table | undefined;
  /** Display heading path of a section ('六、（二）企业分布阶梯化明显'), for GET /api/tables/:id. */
  sectionLabel?(sectionId: string): string;
  health(): { chunks: number; embedder: string; corpus: string };
}
