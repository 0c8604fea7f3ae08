import { formsOfNoun } from '../question/read-message';
import type { Part, Reading } from '../question/reading';
import { compactForm } from '../text/compact-form';
import type { Section } from '../types';
import { rowsOf } from './choose-table';
import type { TypedTable } from '../facts/typed-tables';
import { answered, type Claim, type PartAnswer, type Source } from './claims';
import { rowSource, sentenceSource, type Knowledge } from './knowledge';
import { labelledLists, rankPassages, type Retrieval } from './answer-from-passages';
import { WHERE } from './thresholds';

/** A place of the report that a where-question is answered with: a section, a table or a figure. */
interface Place {
  kind: 'section' | 'table' | 'figure';
  sectionId: string;
  /** 「第二章「…」的「（四）…」」, 「表3-3「…」」. */
  label: string;
  source: Source;
  score: number;
}

const CHAPTER_NUMBERS = '一二三四五六七八九十';

/** 「二、」 → 「第二章」. */
function chapterName(chapter: Section): string {
  const number = chapter.number.replace(/[、.．\s]/g, '');
  return CHAPTER_NUMBERS.includes(number) ? `第${number}章` : chapter.heading;
}

const plain = (text: string) => text.replace(/\*\*/g, '').replace(/\s+/g, (s, at: number, whole: string) => (/[A-Za-z0-9]/.test(whole[at - 1] ?? '') && /[A-Za-z0-9]/.test(whole[at + s.length] ?? '') ? ' ' : '')).trim();

/**
 * 「第二章「2020年上半年我国区块链产业发展现状」的「（四）产业园区发展逐渐成熟，竞争力不断增强」」, with
 * the heading lines it prints a figure of (a year in a chapter title) as sources, so the number guard sees them.
 */
function sectionPath(knowledge: Knowledge, sectionId: string): { label: string; sources: Source[] } {
  const chain: Section[] = [];
  for (let section = knowledge.sections.get(sectionId); section; section = section.parentId ? knowledge.sections.get(section.parentId) : undefined) chain.unshift(section);
  if (!chain.length) return { label: `「${knowledge.sectionLabel(sectionId)}」`, sources: [] };
  const [chapter, ...rest] = chain;
  const head = chapter.kind === 'chapter' ? `${chapterName(chapter)}「${plain(chapter.title)}」` : `「${plain(chapter.heading)}」`;
  const sources = chain.filter((s) => /\d/.test(s.title)).map((s) => headingSource(knowledge, s)).filter((s): s is Source => s !== null);
  return { label: [head, ...rest.map((s) => `「${plain(s.heading)}」`)].join('的'), sources };
}

/** A section's heading line as a citation, filed under the section's first chunk. */
function headingSource(knowledge: Knowledge, section: Section): Source | null {
  const chunkId = chunkOf(knowledge, section.id, section.line);
  return chunkId ? { chunkId, quote: lineQuote(knowledge, section.line), line: section.line, section: knowledge.sectionLabel(section.id) } : null;
}

/** The report's text of a line as a quote (a heading without its markdown). */
function lineQuote(knowledge: Knowledge, line: number): string {
  return knowledge.lineText(line).replace(/^#+\s*/, '').replace(/\*\*/g, '').trim();
}

/** A chunk to file a heading's or caption's citation under: the first one of the section or below it. */
function chunkOf(knowledge: Knowledge, sectionId: string, line: number): string | undefined {
  const inside = knowledge.chunks.filter((c) => c.sectionId === sectionId || c.sectionId.startsWith(`${sectionId}.`));
  return (inside.find((c) => c.lineStart <= line && c.lineEnd >= line) ?? inside[0])?.id;
}

// Headings, captions and table cells never change while an index is served: analysed once.
const analysed = new Map<string, Set<string>>();

/** idf-weighted share of the topic's terms a text contains. */
function coverage(key: string, text: string, weights: ReadonlyMap<string, number>, total: number, retrieval: Retrieval): number {
  if (!total) return 0;
  let terms = analysed.get(key);
  if (!terms) {
    terms = new Set(retrieval.analyze(text));
    analysed.set(key, terms);
  }
  let covered = 0;
  for (const [term, weight] of weights) if (terms.has(term)) covered += weight;
  return covered / total;
}

/**
 * Answers 「…在报告哪一章/哪张表/哪张图」 with places of the report: sections whose heading covers
 * the topic (or whose sentences do, the heading counting more), tables whose caption covers it or
 * whose cells name it, figures by their caption. Each place is named by its chapter and section
 * path and cited at its heading or caption line; a table or figure inside a named section is named
 * with it. Null when nothing fits.
 */
export async function answerWhere(part: Part, reading: Reading, knowledge: Knowledge, retrieval: Retrieval): Promise<PartAnswer | null> {
  const forms = part.subjects.flatMap((s) => knowledge.lexicon.formsOf(s.entity.id).filter((f) => f.length >= 2)).map(compactForm);
  const topic = part.topic || [...part.subjects.map((s) => s.entity.name), ...part.words, part.noun ?? ''].join(' ');
  // Each word analysed on its own: a bigram across two of them (省 分布 → 省分) is no word of the topic.
  const terms = new Set(topic.split(/\s+/).filter(Boolean).flatMap((word) => retrieval.analyze(word)));
  const weights = new Map([...terms].map((t) => [t, retrieval.idf(t)] as const).filter(([, w]) => w > 0));
  const total = [...weights.values()].reduce((a, b) => a + b, 0);
  const rare = new Map([...weights].filter(([, w]) => w >= WHERE.rareIdf));
  const rareTotal = [...rare.values()].reduce((a, b) => a + b, 0);
  // A subject named by any of its forms (DCEP → 央行数字货币) places a heading or caption outright.
  const named = (text: string) => forms.some((f) => compactForm(text).includes(f));
  const places: Place[] = [];

  const content = new Map<string, number>();
  for (const passage of await rankPassages(part, reading, knowledge, retrieval, WHERE.passages)) {
    if (passage.chunk.kind !== 'prose') continue;
    content.set(passage.chunk.sectionId, Math.max(content.get(passage.chunk.sectionId) ?? 0, passage.coverage));
  }
  // 「联合发布单位的名单在哪看」: a list's label places the section that prints the list (the front matter's committee).
  const listed = new Set(labelledLists(knowledge).filter((list) => part.labels?.includes(list.label)).map((list) => list.lines[0].chunk.sectionId));
  for (const section of knowledge.sections.values()) {
    if (!['chapter', 'section', 'item', 'committee', 'preface'].includes(section.kind)) continue;
    const heading = Math.max(coverage(`s:${section.id}`, section.title, weights, total, retrieval), named(section.title) || listed.has(section.id) ? 1 : 0);
    // 「专利在第几章」: sentences covering the topic under a heading that names part of it (专利公开量) place it before sentences
    // alone (a 跨链 patent): the heading makes up the rest of their weight in the share it covers.
    const said = content.get(section.id) ?? 0;
    const score = Math.max(heading, WHERE.contentWeight * said + (1 - WHERE.contentWeight) * heading * said);
    const source = score >= WHERE.minScore ? headingSource(knowledge, section) : null;
    if (!source) continue;
    places.push({ kind: 'section', sectionId: section.id, label: sectionPath(knowledge, section.id).label, score, source });
  }
  for (const table of knowledge.tables.values()) {
    // 「表6-1在哪一章」: the table named is the place, its section said with it.
    const caption = Math.max(coverage(`t:${table.id}`, `${table.caption} ${table.topics.join(' ')}`, weights, total, retrieval), named(table.caption) || part.table === table.id ? 1 : 0);
    // 「出入通出现在哪几张表」: rows that name the topic place the table too.
    // Only the topic's rare words count in cells: a long table contains every common one.
    const cells = table.rows.map((r) => r.cells.map((c) => c.text).join(' ')).join(' ');
    const rows = WHERE.rowsNamingTopic * Math.max(rareTotal ? coverage(`c:${table.id}`, cells, rare, rareTotal, retrieval) : 0,
      part.subjects.some((s) => rowsOf(table, s).length > 0) ? 1 : 0);
    // 「广东的企业数在哪个表」: of tables whose rows name the subject, the one whose caption names the rest of the topic (企业) first.
    const score = Math.max(caption, rows) + (rows > caption ? WHERE.captionTieShare * caption : 0);
    if (score < WHERE.minScore) continue;
    places.push({ kind: 'table', sectionId: table.sectionId, label: `${table.id}「${plain(table.caption)}」`, score,
      source: { chunkId: table.rows[0].chunkId, quote: lineQuote(knowledge, table.line), line: table.line, section: knowledge.sectionLabel(table.sectionId), source: `${table.id} ${table.caption}` } });
  }
  for (const figure of knowledge.figures) {
    const score = Math.max(coverage(`f:${figure.id}`, figure.caption, weights, total, retrieval), named(figure.caption) ? 1 : 0);
    const chunkId = chunkOf(knowledge, figure.sectionId, figure.line);
    if (score < WHERE.minScore || !chunkId) continue;
    places.push({ kind: 'figure', sectionId: figure.sectionId, label: `${figure.id}「${plain(figure.caption)}」`, score,
      source: { chunkId, quote: lineQuote(knowledge, figure.line), line: figure.line, section: knowledge.sectionLabel(figure.sectionId), source: `${figure.id} ${figure.caption}` } });
  }
  const byScore = (a: Place, b: Place) => b.score - a.score || a.source.line - b.source.line;
  // What was asked for is named first (哪张表 → tables); sections otherwise, with the tables and figures inside them.
  // 「产业园那张表在哪一章」: a table said to be what is looked for is named, its chapter and section with it.
  const tableNoun = formsOfNoun('表', knowledge.lexicon);
  const sought = part.place === 'section' && part.words.some((w) => tableNoun.has(compactForm(w))) ? 'table' : part.place ?? 'section';
  const wanted = places.filter((p) => p.kind === sought).sort(byScore);
  const sections = places.filter((p) => p.kind === 'section').sort(byScore);
  const main = wanted.length ? wanted : sections.length ? sections : [...places].sort(byScore);
  if (!main.length) return null;
  const chosen: Place[] = [];
  for (const place of main) {
    // The best place is always named; the others only while they score near it.
    if (chosen.length && (place.score < main[0].score * WHERE.keepShare || chosen.length >= WHERE.maxPlaces)) break;
    // A section inside one already named (or around it) adds nothing.
    if (chosen.some((c) => c.kind === 'section' && place.kind === 'section' && (place.sectionId.startsWith(`${c.sectionId}.`) || c.sectionId.startsWith(`${place.sectionId}.`)))) continue;
    chosen.push(place);
  }
  const claims: Claim[] = chosen.map((place, i) => {
    const lead = i === 0 ? '在' : '另见';
    const path = sectionPath(knowledge, place.sectionId);
    const others = path.sources.filter((s) => s.line !== place.source.line);
    if (place.kind !== 'section') return { text: `${lead}${place.label}（在${path.label}）`, sources: [place.source, ...others], end: '；' };
    const inside = places.filter((p) => p.kind !== 'section' && p.sectionId === place.sectionId && p.score >= WHERE.minScore).sort(byScore).slice(0, 2);
    return { text: `${lead}${place.label}${inside.length ? `，见${inside.map((p) => p.label).join('、')}` : ''}`, sources: [place.source, ...others, ...inside.map((p) => p.source)], end: '；' };
  });
  claims[claims.length - 1].end = '。';
  return answered(claims);
}

/**
 * 「这份报告讲了什么」「第六章讲了什么」: what a part of the report covers, as the report itself lays it out — the chapters
 * (for the whole report, asked where its preface is) or the sections of a chapter, each cited at its heading line.
 */
export function answerOutline(sectionId: string, knowledge: Knowledge): PartAnswer | null {
  const whole = knowledge.sections.get(sectionId)?.level === 0;
  const parent = whole ? undefined : knowledge.sections.get(sectionId);
  const children = [...knowledge.sections.values()].filter((s) => (whole ? s.level === 1 : parent && s.level === parent.level + 1 && s.id.startsWith(`${parent.id}.`)));
  const sources = children.map((s) => headingSource(knowledge, s));
  if (children.length < 2 || sources.some((s) => !s)) return null;
  const label = whole ? '报告分为以下各章' : `${plain(parent!.heading)}包括以下几部分`;
  // A chapter whose heading prints a figure (七、2020 年下半年…) is cited at its own heading as well: the outline restates it.
  const own = parent && /\d/.test(parent.title) ? headingSource(knowledge, parent) : null;
  return answered([{ text: `${label}：${children.map((s) => plain(s.heading)).join('；')}`, sources: [...(own ? [own] : []), ...(sources as Source[])], end: '。' }]);
}

/** A table cited at its caption line. */
function captionSource(knowledge: Knowledge, table: TypedTable): Source {
  return { chunkId: table.rows[0].chunkId, quote: lineQuote(knowledge, table.line), line: table.line, section: knowledge.sectionLabel(table.sectionId), source: `${table.id} ${table.caption}` };
}

/**
 * The tables a part is about: those of the section it names, and of each topic word it says — a counted noun their rows are
 * (标准 → 表5-1 … 表5-9) or a word of their caption or topics. Null when a topic word fits no table.
 */
function tablesAbout(part: Part, knowledge: Knowledge): { tables: TypedTable[]; topic: string[] } | null {
  const own = formsOfNoun('表', knowledge.lexicon);
  // 「那几个表里」: 表 with a function word after it (里, 里面: looking inside it) is still only 表.
  const inside = (w: string) => [1, 2].some((k) => w.length > k && knowledge.lexicon.isFunctionWord(w.slice(-k)) && own.has(w.slice(0, -k)));
  const topic = [...new Set([...part.subjects.map((s) => s.entity.name), ...part.words, ...(part.noun && part.noun !== '表' ? [part.noun] : [])].map(compactForm))]
    .filter((w) => w.length >= 2 && !own.has(w) && !inside(w) && !knowledge.lexicon.isFunctionWord(w) && w !== '区块链' && w !== '报告');
  let tables = [...knowledge.tables.values()].filter((t) => !part.section || part.section === 'preface' || t.sectionId === part.section || t.sectionId.startsWith(`${part.section}.`));
  for (const word of topic) {
    const match = knowledge.lexicon.longestAt(word, 0, () => true);
    const nouns = match?.surface === word ? match.cues.flatMap((c) => (c.type === 'noun' ? [c.noun] : [])) : [];
    const fits = tables.filter((t) => nouns.some((n) => t.rowNouns.includes(n)) || compactForm(t.caption).includes(word) || t.topics.some((w) => compactForm(w) === word));
    if (!fits.length) return null;
    tables = fits;
  }
  return tables.length ? { tables, topic } : null;
}

/**
 * 「标准那几个表一共列了多少项」「第四章那些案例表加起来多少个案例」「哪张表行数最少」 (the rows of several tables): each table's
 * rows counted, then added up with the formula, or the tables ranked by them (ties all named). A table is cited at its caption,
 * and at its last row where a serial column prints the count (序号 15), or at every row where it has only a few.
 */
export function answerTableRows(part: Part, knowledge: Knowledge): PartAnswer | null {
  if (!part.acrossTables || part.table || !['count', 'sum', 'max', 'min'].includes(part.operation)) return null;
  const about = tablesAbout(part, knowledge);
  if (!about || about.tables.length < 2) return null;
  const { tables, topic } = about;
  const sized = tables.map((table) => {
    const rows = table.rows.filter((r) => !r.total);
    const serial = table.columns.findIndex((c) => c.attribute === 'serial');
    const last = rows.at(-1);
    // The size is cited where the report prints it: a serial column's last number (序号 15), else a sentence of the table's
    // section counting its things by that number (「国家各部委发布与区块链相关的政策共 26 项」); a ranking's few rows are cited too.
    if (serial >= 0 && last && last.cells[serial]?.value === rows.length) return { table, size: rows.length, sources: [captionSource(knowledge, table), rowSource(knowledge, last.chunkId)] };
    const chapter = table.sectionId.split('.')[0];
    const stated = knowledge.facts.facts.find((f) => f.kind === 'count' && f.value === rows.length && f.nouns.some((n) => table.rowNouns.includes(n))
      && knowledge.chunk(f.chunkId)?.sectionId.split('.')[0] === chapter && !/新增|新成立|新注册/.test(f.window));
    if (stated) return { table, size: rows.length, sources: [captionSource(knowledge, table), sentenceSource(knowledge, stated.chunkId, stated.quote, stated.line)] };
    const few = rows.length <= 3 && part.operation !== 'count' && part.operation !== 'sum' ? rows : [];
    return { table, size: rows.length, sources: [captionSource(knowledge, table), ...few.map((r) => rowSource(knowledge, r.chunkId))] };
  });
  const chapter = part.section && part.section !== 'preface' ? knowledge.sections.get(part.section) : undefined;
  const where = chapter ? (chapter.kind === 'chapter' ? chapterName(chapter) : `「${plain(chapter.heading)}」`) : '报告';
  const scope = topic.length ? `${where}中讲${topic.join('、')}的${tables.length}张表` : `${where}的${tables.length}张表`;
  const named = (t: TypedTable) => `${t.id}「${plain(t.caption)}」`;
  if (part.operation === 'max' || part.operation === 'min') {
    const best = part.operation === 'max' ? Math.max(...sized.map((s) => s.size)) : Math.min(...sized.map((s) => s.size));
    const top = sized.filter((s) => s.size === best);
    // The tables ranked are cited at their captions, those ranking first with what states their size.
    // (Not every caption of the whole report's tables: too many to cite in a short answer.)
    const others = tables.length <= 12 ? sized.filter((s) => !top.includes(s)).map((s) => s.sources[0]) : [];
    return answered([{ text: `${scope}里`, sources: others, derived: [String(tables.length)], end: '，' },
      { text: `${top.map((s) => named(s.table)).join('、')}${top.length > 1 ? '并列' : ''}行数${part.operation === 'max' ? '最多' : '最少'}，${top.length > 1 ? '各' : '共'}${best}行`,
        sources: top.flatMap((s) => s.sources), derived: [String(best)], end: '。' }]);
  }
  const total = sized.reduce((n, s) => n + s.size, 0);
  // 「多少个案例」: the rows said as what they are (个案例, 项标准) where the question names it.
  const unit = part.noun && part.noun !== '表' ? `个${part.noun}` : '行';
  return answered([{ text: `${scope}共列${total}${unit}（${sized.map((s) => s.size).join('+')}=${total}）`, sources: [], derived: [String(total), String(tables.length)], end: '：' },
    ...sized.map((s, i): Claim => ({ text: `${s.table.id}有${s.size}行`, sources: s.sources, derived: [String(s.size)], end: i === sized.length - 1 ? '。' : '、' }))]);
}

/**
 * 「有几张表讲标准」「第四章有几个表」「报告一共多少张表」: the report's tables counted (and named), each cited at its caption —
 * those of the section named, and of the topic said: a counted noun their rows are (标准 → 表5-1 … 表5-9) or a word of their
 * caption or topics. Null unless the part counts or lists tables, or when a topic word fits no table.
 */
export function answerTableCount(part: Part, knowledge: Knowledge): PartAnswer | null {
  // 「密码算法标准在第几章？有几张表？」: a field the tables are about (密码算法) is a word of their captions, as a topic word is.
  if (part.noun !== '表' || part.table || part.acrossTables || part.subjects.some((s) => s.entity.kind !== 'domain') || !['count', 'list', 'lookup', 'sum'].includes(part.operation)) return null;
  const about = tablesAbout(part, knowledge);
  if (!about) return null;
  const { tables, topic } = about;
  const sources = tables.map((table) => captionSource(knowledge, table));
  const chapter = part.section && part.section !== 'preface' ? knowledge.sections.get(part.section) : undefined;
  const where = chapter ? (chapter.kind === 'chapter' ? chapterName(chapter) : `「${plain(chapter.heading)}」`) : '报告';
  const scope = topic.length ? `${where}中讲${topic.join('、')}的表` : `${where}中的表`;
  const named = tables.length > 12 ? tables.slice(0, 3) : tables;
  return answered([{ text: `${scope}共${tables.length}张`, sources: [], derived: [String(tables.length)], end: '：' },
    { text: `${named.map((t) => `${t.id}「${plain(t.caption)}」`).join('、')}${named.length < tables.length ? '等' : ''}`, sources, end: '。' }]);
}
