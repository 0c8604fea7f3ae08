import type { ReportDocument, Table } from '../types';
import { compactForm } from '../text/compact-form';
import type { AttributeId, Entity, LexiconFiles, TableSchema } from './lexicon';

/** What the report itself names, derived at index time (stored in the index, JSON). */
export interface ReportLexicon {
  entities: Entity[];
  /** [surface (compact form), entity id] pairs. */
  surfaces: [string, string][];
  /**
   * The labels the report prints once each over a list of names (the front matter's 顾问, 副主任, 联合发布单位), compact: a question
   * reads each as one word (jieba cuts 副主任 into 副 + 主任) and asks for its list.
   */
  labels?: string[];
  /** [name, label] pairs: the persons those lists name (刘权 under 主任), each a word of its own (jieba cuts 邢春晓 into 邢 + 春晓). */
  members?: [string, string][];
}

/**
 * A line that labels a list: 「指导单位：（排名不分先后）」, 「编写人员（排名不分先后）」, or a label with its items on the line
 * (「顾问：朱晔罡 邢春晓」). 「数据来源：…」 has the same form, but the report prints it under every figure: a label is printed once.
 */
const LABEL_LINE = /^([^，。；,;：:\s（）《》“”]{2,12})(?:[：:]\s*(?:（[^）]*）)?\s*$|（[^）]*）$|[：:]\s*[^，。；,;：:]{1,60}$)/;

/** A line of personal names spaced apart (「孙小越 刘宗媛 徐苗苗」). */
const NAME_LINE = /^\p{Script=Han}{2,4}(\s+\p{Script=Han}{2,4})*$/u;

/**
 * The persons the labelled lists name, with their label: the names on a label's own line (「顾问：朱晔罡 邢春晓」) and on the
 * lines of names right after it (blank lines between); any other line ends the list.
 */
export function listMembers(lines: readonly string[], labels: readonly string[]): [string, string][] {
  const members: [string, string][] = [];
  let open: string | null = null;
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    const label = LABEL_LINE.exec(line)?.[1];
    if (label && labels.includes(compactForm(label))) {
      open = compactForm(label);
      const rest = line.slice(line.search(/[：:]/) + 1).trim();
      if (/[：:]/.test(line) && NAME_LINE.test(rest)) for (const name of rest.split(/\s+/)) members.push([name, open]);
      continue;
    }
    if (open && NAME_LINE.test(line) && /\s/.test(line)) for (const name of line.split(/\s+/)) members.push([name, open]);
    else open = null;
  }
  return members;
}

/** The labels of lists the report prints, each printed once. */
export function listLabels(lines: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const line of lines) {
    const label = LABEL_LINE.exec(line.trim())?.[1];
    if (label) counts.set(compactForm(label), (counts.get(compactForm(label)) ?? 0) + 1);
  }
  return [...counts].filter(([, n]) => n === 1).map(([label]) => label).sort();
}

/** Attributes whose column names the rows of its table (a park, a company, a standard …). */
const ROW_NAMES = new Set<AttributeId>(['title', 'enterprise', 'platform']);
/** Attributes whose cells are a small set of categories (政府, 天使轮, 团体标准 …). */
const CATEGORIES = new Set<AttributeId>(['leader', 'round', 'level', 'status', 'apptype', 'subfield']);

/** A cell without printed group counts and quotes: '浙江 (8)' → '浙江', '《…》' → '…'. */
export function bareCell(cell: string): string {
  return cell.replace(/\s*[（(]\s*\d+\s*[)）]\s*$/g, '').replace(/\s*[（(]\s*\d+\s*[)）]\s*/g, '').replace(/^《|》$/g, '').trim();
}

/** Most mentions in the report of a company's short form that still names the company (海尔: 3). */
const COMPANY_FORM_MENTIONS = 6;

/** Short forms of an organisation or company name: '青岛海尔股份有限公司' → 青岛海尔, 海尔. */
function companyForms(name: string, mentions: (text: string) => number): string[] {
  const forms: string[] = [];
  let stem = name.replace(/(股份有限公司|有限责任公司|有限公司|股份公司|公司)$/, '');
  if (stem !== name && stem.length >= 2) forms.push(stem);
  const group = stem.replace(/(集团)$/, '');
  if (group !== stem && group.length >= 2) forms.push((stem = group));
  const core = stem.replace(/(网络科技|系统科技|智能互联科技|科技|技术|软件集团|软件|网络|计算|系统)$/, '');
  if (core !== stem && core.length >= 2) forms.push((stem = core));
  // 「电老虎工业互联网」: a trade the report names throughout (工业互联网) ends the name; what is before it names the company.
  for (let at = 2; at + 3 <= stem.length; at++) {
    if (mentions(stem.slice(at)) > COMPANY_FORM_MENTIONS && /^\p{Script=Han}+$/u.test(stem)) {
      forms.push((stem = stem.slice(0, at)));
      break;
    }
  }
  const local = stem.replace(/^(青岛|北京|重庆|贵州|上海|深圳|杭州|广州|中国|中电)/, '');
  if (local !== stem && local.length >= 2) forms.push(local);
  // 'CoolBitX Technology' → CoolBitX; 'First Digital Trust' keeps its whole name.
  const latin = name.match(/^([A-Za-z][A-Za-z0-9]{3,})\s+(Technology|Technologies|Inc|Ltd)\b/);
  if (latin) forms.push(latin[1]);
  return forms;
}

/** Distinctive Latin words inside a platform or park name ('海尔 COSMOPlat 工业互联网平台' → COSMOPlat). */
function latinForms(name: string): string[] {
  // Only inside a name that is not Latin throughout (「海尔 COSMOPlat 工业互联网平台」), and only distinctive words.
  if (!/\p{Script=Han}/u.test(name)) return [];
  return [...name.matchAll(/[A-Za-z][A-Za-z0-9]{3,}/g)].map((m) => m[0]).filter((w) => /[A-Z].*[A-Z]|[a-z].*[A-Z]/.test(w) && !/^(Cloud|Technology|FinTech)$/i.test(w));
}

/** Initials of a name of several Latin words ('First Digital Trust' → FDT). */
function acronym(name: string): string[] {
  const words = name.match(/[A-Za-z][A-Za-z0-9]*/g) ?? [];
  return words.length >= 3 && words.length === name.trim().split(/\s+/).length ? [words.map((w) => w[0].toUpperCase()).join('')] : [];
}

/** Words every park, institute or platform name shares: what is left names it (杭州西溪谷区块链产业园 → 西溪谷). */
const GENERIC_NAME = /区块链|APP|App|产业园区|产业园|孵化器|孵园|创新中心|研究院|研究中心|实验室|产业基地|基地|小镇|中心|工业互联网平台|平台|国际|金融科技|聚集区|科技|中国/g;

function coreForms(name: string, places: readonly string[], corpus: string): string[] {
  let core = name.replace(/[“”"「」()（）\s]/g, '').replace(GENERIC_NAME, '');
  for (const place of places) if (core.startsWith(place)) core = core.slice(place.length);
  core = core.replace(/^(省|市|新区|区)(?!块)/, '');
  if (core.length < 2 || core === name || !/\p{Script=Han}{2,}|[A-Za-z]{3,}/u.test(core)) return [];
  // Only a core the report uses for this name alone (西溪谷, 链湾 — not 数字经济 or 杭州).
  const count = (text: string) => corpus.split(compactForm(text)).length - 1;
  return count(core) <= Math.max(1, count(name)) ? [core] : [];
}

/** Shortest last part of a standard's title that names it alone. */
const TITLE_TAIL_MIN_CHARS = 4;

/**
 * A standard's title after its series words (「信息技术 区块链和分布式记账技术 存证应用指南」 → 存证应用指南): what people call it,
 * when the report prints those words for this title alone.
 */
function titleTail(name: string, mentions: (text: string) => number): string[] {
  const segments = name.trim().split(/\s+/);
  const tail = segments.at(-1) ?? '';
  // 「2020 年乡村产业工作要点」: a space inside a printed date separates no series words.
  if (segments.length < 2 || /\d$/.test(segments.at(-2)!) || !/^\p{Script=Han}+$/u.test(tail) || tail.length < TITLE_TAIL_MIN_CHARS) return [];
  return mentions(tail) <= Math.max(1, mentions(name)) ? [tail] : [];
}

/** A name without its quotes and brackets: '“密码+区块链”孵化器 (CNBI)' → 密码+区块链孵化器, CNBI. */
function quotedForms(name: string): string[] {
  const forms: string[] = [];
  const unquoted = name.replace(/[“”"「」]/g, '');
  if (unquoted !== name) forms.push(unquoted);
  // 「…孵化器 (CNBI)」 is also called by what is in brackets; a bracketed period or note is not a name.
  const bracket = unquoted.match(/^(.*?)\s*[（(]\s*([^）)]+)\s*[)）]\s*$/);
  if (bracket && /^[A-Za-z]{2,}$/.test(bracket[2].trim())) forms.push(bracket[1], bracket[2]);
  return forms;
}

/**
 * A place in brackets inside a name (「中国(萧山)区块链创业创新基地」 → 萧山, 「广东（东莞）工业互联网产业示范平台」 → 东莞): people
 * call the thing by it, when the report prints it for this name alone (not 「(区块链)」, which every park shares).
 */
function bracketedForms(name: string, mentions: (text: string) => number): string[] {
  return [...name.matchAll(/[（(]\s*(\p{Script=Han}{2,4})\s*[)）]/gu)].map((m) => m[1])
    .filter((word) => word.replace(GENERIC_NAME, '') === word && mentions(word) <= Math.max(1, mentions(name)));
}

function schemaOf(files: LexiconFiles, table: Table): TableSchema | undefined {
  const schema = files.tables.find((t) => t.id === table.id);
  return schema && schema.columns.length === table.columns.length ? schema : undefined;
}

/**
 * Derives from the parsed report the entities a question can name through a table: rows named by
 * their label cell (parks, companies, institutes, standards, projects), category values of typed
 * columns, cities with their province, and the issuing bodies of 表1-1 — each with its printed and
 * short forms. The hand lexicon supplies the schema (which column holds what) and the aliases.
 */
export function deriveReportLexicon(document: ReportDocument, files: LexiconFiles): ReportLexicon {
  const entities = new Map<string, Entity>();
  const surfaces = new Map<string, Set<string>>();
  const addSurface = (surface: string, id: string) => {
    const form = compactForm(surface);
    if (form.length < 2) return;
    (surfaces.get(form) ?? surfaces.set(form, new Set()).get(form)!).add(id);
  };
  const entity = (value: Entity, forms: string[]) => {
    const existing = entities.get(value.id);
    if (existing) existing.rows = [...new Set([...(existing.rows ?? []), ...(value.rows ?? [])])];
    else entities.set(value.id, value);
    for (const form of [value.name, ...forms]) addSurface(form, value.id);
  };
  const regionNames = new Set(files.regions.map((r) => r.name));
  const cityNames = new Map(files.cities.map((c) => [c.name, c.province]));
  const corpus = compactForm(document.lines.join('\n'));
  const places = [...regionNames, ...cityNames.keys(), ...document.tables.flatMap((t) => t.rows.flatMap((r) => r.cells.map(bareCell)))
    .filter((c) => /^\p{Script=Han}{2,3}$/u.test(c))].sort((a, b) => b.length - a.length);

  for (const table of document.tables) {
    const schema = schemaOf(files, table);
    if (!schema) continue;
    const provinceColumn = schema.columns.findIndex((c) => c === 'province' || c === 'region');
    table.rows.forEach((row, index) => {
      schema.columns.forEach((attribute, column) => {
        const cell = bareCell(row.cells[column] ?? '');
        if (!attribute || !cell || /^(总计|合计)$/.test(cell)) return;
        if (ROW_NAMES.has(attribute)) {
          const parts = attribute === 'enterprise' ? cell.split(/[、，,]/).map((p) => p.replace(/等$/, '').trim()).filter(Boolean) : [cell];
          for (const part of parts) {
            const named = attribute === 'platform' || (attribute === 'title' && schema.rowNouns.some((n) => n === '产业园' || n === '研究机构'));
            // A company's short form the report uses far more often than the name (工业互联网 from 中电工业互联网有限公司) names a topic, not it.
            const mentions = (text: string) => corpus.split(compactForm(text)).length - 1;
            const short = attribute === 'enterprise' ? companyForms(part, mentions).filter((f) => mentions(f) <= Math.max(COMPANY_FORM_MENTIONS, 2 * mentions(part)))
              : named ? coreForms(part, places, corpus) : attribute === 'title' ? titleTail(part, mentions) : [];
            // One entity per name however it is spaced (「“密码+区块链”孵化器 (CNBI)」 is printed in two rows).
            entity({ id: `row:${table.id}:${compactForm(part)}`, kind: 'row', name: part, table: table.id, column, rows: [index] },
              [...short, ...latinForms(part), ...quotedForms(part), ...acronym(part), ...bracketedForms(part, mentions)]);
          }
        } else if (CATEGORIES.has(attribute)) {
          const parts = attribute === 'apptype' ? cell.split(/[、，,]/).map((p) => p.replace(/等$/, '').trim()).filter(Boolean) : [cell];
          for (const part of parts) {
            entity({ id: `value:${table.id}:${attribute}:${part}`, kind: 'value', name: part, table: table.id, column, rows: [index] }, []);
          }
        } else if (attribute === 'city') {
          const name = cell.replace(/市$/, '');
          const province = provinceColumn >= 0 ? bareCell(row.cells[provinceColumn] ?? '').replace(/(省|市)$/, '') : cityNames.get(name);
          if (!regionNames.has(name) && !cityNames.has(name)) {
            entity({ id: `city:${name}`, kind: 'city', name, province: province ? `region:${province}` : undefined }, [cell, `${name}市`]);
          }
        } else if (attribute === 'region' || attribute === 'province') {
          const name = cell.replace(/(省|市)$/, '');
          if (!regionNames.has(name) && !cityNames.has(name)) entity({ id: `city:${name}`, kind: 'city', name }, [cell]);
        } else if (attribute === 'publisher') {
          for (const part of cell.split(/[、，,]/)) {
            const name = part.replace(/等(多|\d+)?(个)?(部门|部委)?$/, '').replace(/办公厅$/, '').trim();
            if (name.length >= 2 && !/^(多部门|部委)$/.test(name)) entity({ id: `organization:${name}`, kind: 'organization', name }, [part.trim()]);
          }
        }
      });
    });
  }
  // A standard's number names its row (「GB/T 38625-2020是什么标准」).
  for (const table of document.tables) {
    const schema = schemaOf(files, table);
    if (!schema) continue;
    const number = schema.columns.indexOf('number');
    const title = schema.columns.indexOf('title');
    if (number < 0 || title < 0) continue;
    for (const row of table.rows) {
      const code = bareCell(row.cells[number] ?? '');
      const id = `row:${table.id}:${compactForm(bareCell(row.cells[title] ?? ''))}`;
      if (code && entities.has(id)) addSurface(code, id);
    }
  }
  // Every 《title》 of the prose: a question quoting one is about the passages that name it.
  for (const paragraph of document.paragraphs) {
    for (const match of paragraph.text.matchAll(/《([^》]{2,80})》/g)) {
      const name = match[1].trim();
      const id = `title:${name}`;
      if (!entities.has(id)) entity({ id, kind: 'title', name }, [name.replace(/\s+/g, '')]);
    }
  }
  // multi-part, table-attribute: a name printed with its quoted short form right after it (「金融服务云平台“金服云”」) names one
  // thing by both — when the short form's characters all stand in the name, in order (金服云 in 金融服务云平台).
  for (const text of [...document.paragraphs.map((p) => p.text), ...document.tables.flatMap((t) => t.rows.flatMap((r) => r.cells))]) {
    for (const match of compactForm(text).matchAll(/(\p{Script=Han}{4,16}(?:平台|系统|中心|链))“([^”]{2,6})”/gu)) {
      const [, run, short] = match;
      const holds = (name: string) => {
        let at = 0;
        for (const ch of short) at = at < 0 ? at : name.indexOf(ch, at) < 0 ? -1 : name.indexOf(ch, at) + 1;
        return at >= 0;
      };
      // The name is the shortest end of the run that holds the short form (「…技术的金融服务云平台」 → 金融服务云平台).
      let from = run.length - short.length;
      while (from >= 0 && !holds(run.slice(from))) from--;
      const name = from >= 0 ? run.slice(from) : '';
      if (name.length < 4 || name.includes(short)) continue;
      const id = `organization:${short}`;
      if (!entities.has(id)) entity({ id, kind: 'organization', name: short }, [name]);
      else addSurface(name, id);
    }
  }
  const sortedEntities = [...entities.values()].sort((a, b) => a.id.localeCompare(b.id));
  const sortedSurfaces: [string, string][] = [...surfaces].flatMap(([surface, ids]) => [...ids].sort().map((id): [string, string] => [surface, id]))
    .sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]));
  const labels = listLabels(document.lines);
  return { entities: sortedEntities, surfaces: sortedSurfaces, labels, members: listMembers(document.lines, labels) };
}
