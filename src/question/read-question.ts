import type { ChatMessage } from '../types';
import { compactForm } from '../text/compact-form';
import { memoizeRecent } from '../memoize-recent';
import { oncePerLexicon, type EntityMention, type Lexicon } from './build-lexicon';
import { REPORT_END } from '../text/find-periods';
import type { AttributeId, Entity, TableSchema } from './lexicon';
import { formsOfNoun, GROUPABLE, ownScopeWords, readMessage, type MessageReading, type ReadContext } from './read-message';
import type { Part, Reading, Subject } from './reading';

export type { ReadContext } from './read-message';

const DATE_ATTRIBUTES = new Set(['founded', 'published', 'date']);
const AGGREGATES = new Set(['max', 'min', 'earliest', 'latest', 'rank', 'topk']);
const QUANTITY = new Set(['count', 'share', 'growth', 'money', 'founded', 'published', 'date']);
const PLACE_KINDS = new Set(['region', 'city', 'cluster']);
const RANKINGS = new Set(['max', 'min', 'rank', 'topk', 'position']);
/** 「第一」「第二」 as words of a topic (a numbered tier or batch), not ordinals of a ranking asked for. */
/** 「里面」「其中」 opening a question: within the things the answer before listed. */
const WITHIN = /^(那|这)?(里面|里头|其中|当中)/;

/** A clause saying a thing is first (位列第一, 最多, 居首). */
const FIRST_PLACE = /第一|最多|居首|之首|榜首/;

/** The clause of `text` from where `name` stands to the next comma or stop (empty when it is not there). */
function clauseAfter(text: string, name: string): string {
  const compact = compactForm(text);
  const at = compact.indexOf(compactForm(name));
  return at < 0 ? '' : compact.slice(at).split(/[，；。,;]/)[0];
}

/** 「前一年」「上一年」: the year before the one the conversation stands on. */
const YEAR_BEFORE = /[前上头]一年|上年度/;
const ORDINAL_WORD = /^第[一二三四五六七八九十两\d]+$/;
/** A clause asking what things are (啥, 什么, 哪些), as against 「那产业园呢」, which asks the same as before of another noun. */
const ASKS_WHAT = /啥|什么|哪些|哪几/;
/** A word that asks rather than names (第几代, 多少, 哪年): not a word of the topic. */
const ASKS_WHICH = /啥|什么|哪|几|多少|谁/;
/** A word that names a numbered topic, alone or with its noun (第二, 第三梯队, 第二批). */
const NUMBERED_WORD = /^第[一二三四五六七八九十两\d]+/;
const ORDINAL_DIGITS = '一二三四五六七八九十';

/** The counted noun of the report's tables themselves (几张表). */
const TABLE_NOUN = '表';

/** The counted noun whose things are places themselves (省, 地区, 城市). */
const PLACE_NOUN = '地区';

/** How an answer from a table opens: the table and its caption. */
const FRAMING = /据表\s*\d+-\d+（[^）]*）/g;

/** A part says little of its own: no subject, no counted noun, no table, at most one content word. */
/** The place an answer says its subject stands at (「湖南22家，排第9」). */
function placeStated(answer: string): number | undefined {
  const said = /(?:排|位列|排名|名列)第\s*([0-9]+|[一二三四五六七八九十]+)/.exec(answer)?.[1];
  if (!said) return undefined;
  const digits = Number(said);
  if (Number.isInteger(digits)) return digits;
  return said.length === 1 ? ORDINAL_DIGITS.indexOf(said) + 1 : said.startsWith('十') ? 10 + ORDINAL_DIGITS.indexOf(said[1]) + 1 : undefined;
}

/**
 * 「婴幼儿配方乳粉那个在哪发布的」: the words said before a that-one (那个, 这家) say which one of the things counted before is
 * meant — they describe a member, they do not name a thing of their own (as 「它设立的基金」 does after 它).
 */
function describesOne(part: Part): boolean {
  const at = part.text.search(/[那这](?:个|家|项|条|所|只|款)/);
  return at > 0 && part.words.length > 0 && part.words.every((w) => part.text.indexOf(w) >= 0 && part.text.indexOf(w) < at);
}

/**
 * The value a row asked about before has in the column asked (of 「同一轮的」: 轮次, or the column asked of it before), as the
 * category value of its table.
 */
function sameValue(previous: Part, current: Part, context: ReadContext): Entity | undefined {
  const row = previous.subjects.length === 1 && previous.subjects[0].entity.kind === 'row' ? previous.subjects[0].entity : undefined;
  const schema = row?.table ? context.lexicon.tables.get(row.table) : undefined;
  if (!row || !schema) return undefined;
  // (「还有哪家」: the which-word's company is what is listed, not the column shared — the column asked before is.)
  for (const attribute of [...current.attributes, ...previous.attributes]) {
    const column = schema.columns.indexOf(attribute);
    if (column < 0) continue;
    for (const entity of context.lexicon.entities.values()) {
      if (entity.kind === 'value' && entity.table === row.table && entity.column === column && !entity.partial
        && entity.rows?.some((r) => row.rows?.includes(r))) return entity;
    }
  }
  return undefined;
}

function isFragment(part: Part): boolean {
  // 「落地了多少」: the question's own word and the report's word a synonym gave for it (落地了 → 落地) are one word.
  const words = part.words.filter((w) => !part.words.some((o) => o !== w && w.includes(o)));
  return !part.subjects.length && !part.table && !part.noun && words.length <= 1 && !part.section;
}

/** Answers whose mentions are kept: those of the turns one request reads (a few), looked at by several of its parts. */
const MENTIONED_ANSWERS = 8;

// The answer's framing names the table it read (「据表8-1（区块链+工业互联网项目）」), not what it is about.
const mentionsOf = oncePerLexicon((lexicon) =>
  memoizeRecent((text: string) => lexicon.mentions(compactForm(text.replace(/\[\d+\]/g, '').replace(FRAMING, ''))), MENTIONED_ANSWERS));

/** Every entity an answer names, found once per answer text (each part and clause of a follow-up looks at the same answer). */
function answerMentions(answer: string, lexicon: Lexicon): readonly EntityMention[] {
  return mentionsOf(lexicon)(answer);
}

/**
 * The entities the previous answer was about, in the order it names them (「广东最多，354家」 → 广东),
 * of the kinds the previous part asked for: what 它 / 那家 / 第二个 refer to.
 */
function answerSubjects(answer: string, part: Part, context: ReadContext): Subject[] {
  const found: { entity: Entity; at: number; text: string }[] = [];
  // After 「杭州最早的是哪个」 the answer is about a member of the set (a park), not the place that scoped it.
  const aggregate = AGGREGATES.has(part.operation);
  // The things the subjects also name count too (浪潮 the company is also the row 浪潮软件集团有限公司 of 表8-1 its answer named).
  const wanted = part.subjects.length && !aggregate ? new Set(part.subjects.flatMap((s) => [s.entity.kind, ...(s.alternatives ?? []).map((a) => a.kind)])) : null;
  const accepted = (entity: Entity) => entity.kind !== 'value' && entity.kind !== 'group' && entity.kind !== 'title'
    && (!wanted || wanted.has(entity.kind) || (PLACE_KINDS.has(entity.kind) && [...wanted].some((k) => PLACE_KINDS.has(k))));
  // Every place the name stands (杭州区块链产业园 is also inside 中国杭州区块链产业园, named before it in a list), by the
  // entity's first form that the answer uses.
  const byEntity = new Map<string, { entity: Entity; at: number; form: string }[]>();
  for (const mention of answerMentions(answer, context.lexicon)) {
    if (accepted(mention.entity)) (byEntity.get(mention.entity.id) ?? byEntity.set(mention.entity.id, []).get(mention.entity.id)!).push(mention);
  }
  for (const [id, mentions] of byEntity) {
    const forms = context.lexicon.formsOf(id);
    const first = forms.find((form) => mentions.some((m) => m.form === form));
    for (const mention of mentions) if (mention.form === first) found.push({ entity: mention.entity, at: mention.at, text: mention.form });
  }
  // A longer name found at the same place wins (中国杭州区块链产业园 over 杭州); each entity counts where it first stands alone.
  found.sort((a, b) => a.at - b.at || b.text.length - a.text.length);
  const kept = found.filter((f, i) => !found.some((o, j) => j !== i && o.at <= f.at && o.at + o.text.length >= f.at + f.text.length && o.text.length > f.text.length))
    .filter((f, i, all) => all.findIndex((o) => o.entity.id === f.entity.id) === i);
  const members = aggregate ? kept.filter((f) => !part.subjects.some((s) => s.entity.id === f.entity.id)) : kept;
  return (members.length ? members : kept).map((f) => ({ entity: f.entity, text: f.text }));
}

/**
 * Whether a follow-up's own words name a sibling of the topic subject carried over: one of its words is a proper piece of
 * that topic's name (密码 of 密码算法) and others are not in it (模块, 测评) — the same kind of thing, another one.
 */
function siblingTopic(previous: Part, current: Part): boolean {
  if (current.subjects.length || previous.subjects.length !== 1 || previous.subjects[0].entity.kind !== 'domain') return false;
  const name = compactForm(previous.subjects[0].entity.name);
  const own = current.words.map(compactForm).filter((w) => w !== current.noun);
  const shared = own.filter((w) => w.length >= 2 && w !== name && name.includes(w));
  const other = own.filter((w) => w.length >= 2 && !name.includes(w));
  return shared.length > 0 && other.length > 0;
}

/**
 * The cluster among `around` that every subject lies in (四川、重庆 in 湘黔渝聚集区: the provinces the lexicon places in it, a
 * city by its province), if one does.
 */
function clusterHolding(subjects: Subject[], around: Subject[]): Subject | undefined {
  if (!subjects.length || subjects.some((s) => s.entity.kind === 'cluster')) return undefined;
  return around.find((c) => c.entity.kind === 'cluster' && subjects.every((s) => inCluster(s, c)));
}

/** Whether a place lies in a cluster (a city by its province). */
function inCluster(place: Subject, cluster: Subject): boolean {
  const province = place.entity.kind === 'city' ? place.entity.province : place.entity.kind === 'region' ? place.entity.id : undefined;
  return province !== undefined && (cluster.entity.members ?? []).includes(province);
}

/**
 * 「分别占多少」 after an answer about one cluster that names the places of others too (「以北京、山东为主的环渤海…以重庆、四川为主的
 * 湘黔渝聚集区」): the places of the cluster asked about are the ones meant.
 */
function ofCluster(named: Subject[], previous: Subject[]): Subject[] {
  const clusters = previous.filter((s) => s.entity.kind === 'cluster');
  const members = clusters.length === 1 ? named.filter((s) => s.entity.kind !== 'cluster' && inCluster(s, clusters[0])) : [];
  return members.length ? members : named;
}

/** The clusters an answer names (what 「川渝各占多少」 may be a share of, when the question before named none itself). */
function clustersNamed(answer: string, context: ReadContext): Subject[] {
  return answer ? context.lexicon.mentions(compactForm(answer)).filter((m) => m.entity.kind === 'cluster').map((m) => ({ entity: m.entity, text: m.form })) : [];
}

/**
 * share: 「四川和重庆分别占多少」 after a turn about 湘黔渝聚集区 asks each member's share of that cluster (the report's 31.88%
 * and 34.78%), as 「湘黔渝聚集区中四川和重庆分别占多少」 says in one message: the cluster stays a subject beside its members.
 */
function withinCluster(subjects: Subject[], attributes: string[], around: Subject[]): Subject[] {
  const cluster = attributes.includes('share') ? clusterHolding(subjects, around) : undefined;
  return cluster ? [cluster, ...subjects] : subjects;
}

/**
 * A part naming no subject, group or table of its own shares a word of the topic with the part before, which was about a
 * subject: a content word of two characters or more that is no form of either part's counted noun, no function word and
 * no word that asks (试点 of 「试点城市都有哪些」 after 「数字人民币啥时候开始试点」).
 */
function topicTakenUp(part: Part, before: Part, context: ReadContext): boolean {
  if (part.subjects.length || part.groups.length || part.table || part.section || !before.subjects.length || part.operation === 'where') return false;
  const nouns = new Set([...(part.noun ? formsOfNoun(part.noun, context.lexicon) : []), ...(before.noun ? formsOfNoun(before.noun, context.lexicon) : [])]);
  const topic = (w: string) => w.length >= 2 && w !== '区块链' && !nouns.has(w) && !context.lexicon.isFunctionWord(w) && !ASKS_WHICH.test(w);
  const earlier = new Set(before.words.map(compactForm).filter(topic));
  return part.words.map(compactForm).some((w) => topic(w) && earlier.has(w));
}

/** The things a part added up, as one group (its own group when it named one, 川渝; else the subjects together, 四川、重庆). */
function addedUp(part: Part): Subject {
  const ids = part.subjects.map((s) => s.entity.id);
  const own = part.groups.find((g) => g.entity.members?.length === ids.length && ids.every((id) => g.entity.members!.includes(id)));
  if (own) return own;
  const name = part.subjects.map((s) => s.entity.name).join('、');
  return { entity: { id: `group:${name}`, kind: 'group', name, members: ids }, text: name };
}

/** The largest number of things an answer says it counted (「共6个」「共5家」), 0 when it says none. */
function statedTotal(answer: string): number {
  return Math.max(0, ...[...answer.matchAll(/共(\d+)[个家项条所笔]/g)].map((m) => Number(m[1])));
}

/** The members a previous list or count named, in its order (not the subjects that scoped it: 长沙 in 「长沙的产业园共2个：…」). */
function listedMembers(answer: string, previous: Part, context: ReadContext): Subject[] {
  const members = answerSubjects(answer, { ...previous, subjects: [], operation: 'list' }, context)
    .filter((s) => !previous.subjects.some((p) => p.entity.id === s.entity.id));
  // Members of a list are things of one kind (rows of one table); names of mixed kinds are mentions inside listed texts
  // (a case's bank, city and province), not a list of members.
  if (members.every((m) => m.entity.kind === members[0].entity.kind && m.entity.table === members[0].entity.table)) return members;
  // 「工信部的政策共6个：A、B…；与其他单位联合的1个：C（商务部、工信部…）」: the rows of one table the answer enumerates are its
  // members; the organisations named beside them say whose they are.
  const rows = members.filter((m) => m.entity.kind === 'row');
  return rows.length >= 2 && rows.every((m) => m.entity.table === rows[0].entity.table) ? rows : [];
}

/** The one member whose name holds every piece said (广州 + 城投 → 广州城投中关村e谷区块链孵园), if exactly one does. */
function memberNamed(members: Subject[], pieces: string[], context: ReadContext): Subject | undefined {
  const holds = members.filter((m) => [m.entity.name, ...context.lexicon.formsOf(m.entity.id)].map(compactForm).some((name) => pieces.every((p) => name.includes(p))));
  return holds.length === 1 ? holds[0] : undefined;
}

/**
 * A follow-up's own content words name a thing of their own (基金 in 「它设立的基金多大」): a word of two characters or
 * more the report uses, that is no form of the noun counted before and was not among the previous question's words.
 */
function ownThing(previous: Part, current: Part, context: ReadContext): boolean {
  const nounForms = formsOfNoun(previous.noun!, context.lexicon);
  const before = new Set(previous.words.map(compactForm));
  return current.words.some((w) => {
    const form = compactForm(w);
    return form.length >= 2 && !nounForms.has(form) && !before.has(form) && !context.lexicon.isFunctionWord(form) && context.known(form);
  });
}

/** A table of `noun`s about the field `field` (表4-4 of the 案例 of 医疗健康): one whose scope words name that field. */
function tableOfField(noun: string, field: Entity, context: ReadContext): boolean {
  if (field.kind !== 'domain') return false;
  const forms = [field.name, ...context.lexicon.formsOf(field.id)].map(compactForm);
  return [...context.lexicon.tables.values()].some((t) => t.rowNouns.includes(noun) && t.requires.some((w) => forms.some((f) => f.includes(compactForm(w)))));
}

/** A part's content words beyond the forms of its noun (典型案例 ends in 案例): what it says of its own scope. */
function ownScope(part: Part, context: ReadContext): string[] {
  const forms = part.noun ? formsOfNoun(part.noun, context.lexicon) : new Set<string>();
  return part.words.map(compactForm).filter((w) => !forms.has(w) && !context.lexicon.isFunctionWord(w) && w !== '区块链'
    && ![...forms].some((f) => w.endsWith(f)));
}

/**
 * A category value named like a noun (企业, 高校) in the table asked about, or in a table whose rows are `rowNoun` and
 * whose scope the conversation said (表2-1 lists only the 研究机构 new in 2020: 「其中高校有几所」 after 「研究机构一共多少家」
 * asks about all of them, which the table does not list), if any.
 */
function categoryValue(rowNoun: string | undefined, table: string | undefined, name: string, said: Part[], context: ReadContext): Entity | undefined {
  for (const entity of context.lexicon.entities.values()) {
    if (entity.kind !== 'value' || entity.name !== name || !entity.table) continue;
    if (table) {
      if (entity.table === table) return entity;
      continue;
    }
    const schema = context.lexicon.tables.get(entity.table);
    // The scope is said by its words, or by a category value of that table the conversation already filters on (「政府牵头的研究院」).
    const filtered = (part: Part) => part.filters.some((f) => f.kind === 'value' && f.entity.table === entity.table);
    if (rowNoun && schema?.rowNouns.includes(rowNoun) && said.some((part) => scopeSaid(schema.requires, part) || filtered(part))) return entity;
  }
  return undefined;
}

/** The table of things of `noun` whose scope words (its `requires`) a follow-up says, if any (地方 → 表1-2 of 政策). */
function scopeTable(noun: string, current: Part, context: ReadContext): TableSchema | undefined {
  const said = [current.text, ...current.words].join(' ');
  for (const table of context.lexicon.tables.values()) {
    if (table.rowNouns.includes(noun) && table.requires.some((w) => w.length >= 2 && said.includes(w))) return table;
  }
  return undefined;
}

/** Whether a part says the scope a table requires (one of its words, or 新成立 for a table of new things). */
function scopeSaid(requires: string[], part: Part): boolean {
  if (!requires.length) return true;
  const said = [part.text, ...part.words].join(' ');
  return requires.some((w) => said.includes(w)) || (requires.includes('新增') && part.qualifiers.includes('new'));
}

/** The previous reading's last part updated with what a follow-up names (slots it names replace, the rest carry over). */
function updatePart(previous: Part, said: Part, message: MessageReading, previousAnswer: string, context: ReadContext, mentioned: Subject[]): Part {
  let current = said;
  // follow-up: 「其中在北京的是哪家」 after 「新增的研究机构有几家」: 哪家 asks which of the things counted before (研究机构 takes
  // 家), not which company — as the second clause of one message does.
  if (current.whichClassifier && !current.noun && previous.noun && previous.noun !== '企业'
    && (context.lexicon.classifiers.get(previous.noun) ?? []).includes(current.whichClassifier)) {
    current = { ...current, attributes: current.attributes.filter((a) => a !== 'enterprise') };
  }
  const next: Part = { ...previous, filters: [...previous.filters], words: [...previous.words], text: current.text, unknown: current.unknown, foreign: current.foreign,
    figures: current.figures.length ? current.figures : previous.figures };
  delete next.item;
  delete next.replacedValues;
  delete next.ranks;
  delete next.following;
  delete next.preceding;
  if (current.cues) next.cues = current.cues;
  else delete next.cues;
  // 「区块链算哪类」 after 「新基建包括哪几方面」: the kind asked of a thing is this turn's question, not carried over.
  // 「那数据中心呢」 after 「区块链算哪类」: another thing named alone asks the same — which kind it is counted among.
  const reclassified = Boolean(previous.classify) && !current.classify && !current.explicit && !current.subjects.length && !current.attributes.length
    && !current.noun && current.words.length > 0;
  if (current.classify || reclassified) next.classify = true;
  else delete next.classify;
  if (current.why) next.why = true;
  else delete next.why;
  // follow-up: after 「哪个/哪三个…最多」 a bare attribute (「占比呢」「分别是谁主导的」) is asked of the members the answer named.
  const askedOfMembers = current.operation === 'lookup' || (current.operation === 'list' && (current.attributes.length > 0 || current.quantity || previous.groupBy !== undefined) && !current.noun && !current.table);
  // follow-up: 「那按全国累计的分布表呢」 after a question counting another noun: 表 says where it is read (a table of the same
  // things), not what is counted — unless tables are counted (几张表).
  if (current.noun === TABLE_NOUN && previous.noun && previous.noun !== TABLE_NOUN && !current.quantity && !current.attributes.includes('count') && !current.table) {
    const forms = formsOfNoun(TABLE_NOUN, context.lexicon);
    current = { ...current, noun: undefined, words: current.words.filter((w) => !forms.has(compactForm(w))) };
  }
  // follow-up: 「按城市算呢」「那按主导机构分呢」 after 「哪个省的产业园最多」: only another column to group on asks the same
  // ranking grouped by it (its place noun, 地区, is the groups' kind, not what is counted).
  const regrouped = previous.groupBy !== undefined && !current.subjects.length && !current.table && !current.explicit
    && !message.pronoun && !message.plural && current.attributes.length === 1 && GROUPABLE.has(current.attributes[0]) && current.attributes[0] !== previous.groupBy;
  // follow-up: 「按城市分呢」 after 「山东有几个园区」: the count asked before, grouped by the column said after 按.
  const grouped = !regrouped && previous.groupBy === undefined && current.groupBy !== undefined && current.operation === 'lookup' && !current.quantity
    && !current.subjects.length && !current.table && (previous.operation === 'count' || (previous.operation === 'lookup' && previous.attributes.includes('count')));
  if (regrouped || grouped) current = { ...current, noun: undefined };
  // follow-up: 「几月」 after a list whose answer named one row only (「表5-8里2020年新增的那项是啥」): asked of that row.
  const single = !current.subjects.length && previous.operation === 'list' && !previous.subjects.length && current.attributes.length > 0
    && !current.noun && Boolean(previousAnswer) && listedMembers(previousAnswer, previous, context).length === 1;
  // 「比第一名少多少」: a difference against the k-th of a ranking has one side of the conversation's, the other is the rank.
  const againstRank = current.operation === 'difference' && current.rank !== undefined && current.subjects.length <= 1;
  // 「两个加起来呢」 after 「2019年底有几项」→「上半年又新增几项」: the two are the figures of the periods the last turn switched
  // between (added up below), not things the answer named.
  const ofPeriods = Boolean(previous.replacedPeriods?.length) && current.explicit && ['sum', 'difference', 'ratio'].includes(current.operation)
    && !current.subjects.length && !current.periods.length && current.rank === undefined;
  // 「差多少」「加起来呢」 after 「政府主导的有几个」→「企业主导的呢」: the two are the values the last turn switched between.
  const ofValues = Boolean(previous.replacedValues?.length) && current.explicit && ['sum', 'difference', 'compare', 'ratio'].includes(current.operation)
    && !current.subjects.length && !current.filters.length && current.rank === undefined && !message.pronoun;
  // 「一共几个」 after a list: the things listed counted, not the figures of what the answer mentioned beside them added up.
  const recounted = previous.operation === 'list' && current.operation === 'sum' && current.attributes.includes('count') && !current.subjects.length
    && !current.filters.length && !current.noun && !message.plural && !message.pronoun;
  const pointed = !regrouped && !ofPeriods && !ofValues && !recounted && (message.pronoun || message.plural || single || (againstRank && !current.subjects.length)
    || (!current.subjects.length && AGGREGATES.has(previous.operation) && askedOfMembers));
  const several = ['sum', 'difference', 'compare'].includes(current.operation) && current.explicit && !againstRank && !ofPeriods && !ofValues && !recounted;
  if (recounted) current = { ...current, operation: 'count' };
  let spent = false;
  // follow-up (back-references to a row of a previous list): 「广州城投那个哪年成立的」「湖南那个是啥时候发的」 name a member of
  // the list the previous answer gave by a piece of its name (a place, a word of it) beside 那个: that member is the subject.
  // (「那许可链测评指南呢」 after a row of 表5-8: words of their own that hold part of another row's name, said where the conversation
  // stands on a row of that table, name that row too.)
  const onRow = !current.subjects.length && current.words.length > 0 && previous.subjects.length > 0 && Boolean(previous.table)
    && previous.subjects.every((s) => s.entity.kind === 'row' && s.entity.table === previous.table);
  const pieces = message.pronoun || onRow ? [...current.subjects.map((s) => s.text), ...current.words].map(compactForm).filter((w) => w.length >= 2) : [];
  const listedBefore = pieces.length && previousAnswer ? listedMembers(previousAnswer, previous, context) : [];
  // …or, where the conversation is about a table named before (「表5-8…」→「许可链那个呢」), a row of that table.
  const rows = listedBefore.length < 2 && pieces.length && previous.table && !current.table
    ? context.lexicon.rowsOf(previous.table).map((entity) => ({ entity, text: entity.name })) : [];
  const named = listedBefore.length >= 2 ? memberNamed(listedBefore, pieces, context) : rows.length >= 2 ? memberNamed(rows, pieces, context) : undefined;
  // 「里面有贵州的公司吗」 after a list of rows: the rows listed whose names hold the place asked about.
  const placed = WITHIN.test(current.text) && current.operation === 'yesno' && current.subjects.length > 0 && previousAnswer
    ? listedMembers(previousAnswer, previous, context).filter((m) => m.entity.kind === 'row' && current.subjects.some((s) => PLACE_KINDS.has(s.entity.kind)
      && [s.entity.name, ...context.lexicon.formsOf(s.entity.id)].some((f) => f.length >= 2 && compactForm(m.entity.name).includes(compactForm(f))))) : [];
  if (placed.length) {
    current = { ...current, subjects: placed, operation: 'list', explicit: true, noun: undefined, words: [] };
    next.operation = 'list';
    next.attributes = [];
  }
  if (named) {
    current = { ...current, subjects: [named], words: current.words.filter((w) => !pieces.includes(compactForm(w))) };
    if (listedBefore.length >= 2) next.pickedFrom = listedBefore;
  }
  if (current.subjects.length && message.addition) {
    // 「再算上上海呢」: the new subject joins the ones asked about.
    next.subjects = [...previous.subjects, ...current.subjects.filter((s) => !previous.subjects.some((p) => p.entity.id === s.entity.id))];
    next.groups = [];
    if (!several && previous.subjects.length) next.operation = previous.operation;
  } else if (current.subjects.length && several && current.subjects.length === 1 && previous.subjects.length
    && !previous.subjects.some((p) => p.entity.id === current.subjects[0].entity.id)) {
    // 「比辽宁多几家」「和上海加起来呢」 after a turn about 天津: a difference, sum or comparison naming one subject sets it
    // against (or adds it to) the one the conversation is about.
    next.subjects = [...previous.subjects, ...current.subjects];
    // follow-up: 「比湘多多少」 after 「川渝加起来呢」: the total the turn before added up is one side, the subject named the other.
    next.groups = previous.operation === 'sum' && previous.subjects.length >= 2 && current.operation !== 'sum' ? [addedUp(previous)] : [];
  } else if (current.subjects.length) {
    // follow-up: 「广州呢」 after 「杭州区块链金融占全国多少」 (a place and a field): a subject of one of the two kinds replaces
    // the subject of that kind; the other (金融) still scopes what is asked.
    const classOf = (s: Subject) => (PLACE_KINDS.has(s.entity.kind) ? 'place' : s.entity.kind === 'domain' ? 'field' : 'other');
    const classes = new Set(previous.subjects.map(classOf));
    // follow-up: 「北京那个平台叫什么」 after 「交通出行领域的应用有几项」: a place said with 那个 picks the one of that place among the
    // things of the field asked about — the field still scopes them.
    const within = message.pronoun && classes.size === 1 && classes.has('field') && current.subjects.every((c) => classOf(c) === 'place');
    const kept = (classes.has('place') && classes.has('field') && !classes.has('other')) || within
      ? previous.subjects.filter((p) => !current.subjects.some((c) => classOf(c) === classOf(p)) && classOf(p) !== 'other') : [];
    const around = [...previous.subjects, ...clustersNamed(previousAnswer, context)];
    // follow-up: 「那它在长三角里占多少」 after a turn about 上海: 它 is still 上海, and the cluster that holds it, named now, is
    // what its share is of — as 「上海在长三角里占多少」 says in one message.
    const asked = current.attributes.length ? current.attributes : previous.attributes;
    const held = message.pronoun && !message.plural && current.subjects.every((s) => s.entity.kind === 'cluster')
      ? withinCluster(previous.subjects, asked, current.subjects) : [];
    next.subjects = kept.length ? [...current.subjects, ...kept] : held.length > previous.subjects.length ? held : withinCluster(current.subjects, asked, around);
    // (The table of places read before prints no share within a cluster.)
    if (held.length > previous.subjects.length) delete next.table;
    next.groups = current.groups;
    // follow-up: 「那成都的呢」 after 「数字福州区块链研究院是谁牵头的」: a place said after a row of a table asks about that table's
    // row(s) of the place — the table the row was read from carries.
    const rowTable = previous.subjects.length && previous.subjects.every((p) => p.entity.kind === 'row' && p.entity.table === previous.subjects[0].entity.table)
      ? previous.subjects[0].entity.table : undefined;
    if (rowTable && !current.noun && !current.table && current.subjects.every((c) => PLACE_KINDS.has(c.entity.kind))
      && context.lexicon.rowsOf(rowTable).length > 1) next.table = rowTable;
  } else if (!pointed && !several && siblingTopic(previous, current)) {
    // follow-up (a sibling topic): 「密码模块测评标准呢」 after 「今年新增了几项密码算法国家标准」 names another topic of the same
    // kind by words that share a piece (密码) with the topic asked before; that topic is replaced, not kept beside them.
    next.subjects = [];
    next.groups = [];
  } else if (pointed || several) {
    // 它 / 那家 / (after 「哪个省最多」) 「占比呢」: what the previous answer was about; 它们 / 俩 / 加起来: all of it.
    // follow-up: 「各多少」「都是啥时候成立的」 after 「哪两个…最多」 asks of every member the top-k named, not of the first.
    const all = message.plural || several || (previous.operation === 'topk' && (previous.rank ?? 1) >= 2 && !message.pronoun);
    // follow-up: after a list or a count that named its members (「山东有哪些产业园」), 它们 are those members, not the
    // places that scoped the list.
    const counted = message.plural && previousAnswer && (['list', 'count'].includes(previous.operation)
      || (previous.operation === 'lookup' && previous.attributes.includes('count'))) ? listedMembers(previousAnswer, previous, context) : [];
    // follow-up: 「都叫什么」「它们都是啥时候发的」 after a count whose answer named only the first few (「共6个：A、B、C等」): all the
    // things counted are meant, not the few named — the set is listed again with what is asked of each.
    const partial = counted.length >= 2 && statedTotal(previousAnswer) > counted.length && !current.subjects.length;
    const members = partial ? [] : counted;
    if (partial) {
      next.operation = 'list';
      next.attributes = current.attributes.filter((a) => a !== 'count');
    }
    // follow-up: 「都在哪些城市」 after 「2020年新增研究机构有几家」 asks that attribute of the things counted (as the second
    // clause of one message does), not the count again.
    if (previous.operation === 'count' && !next.subjects.length && current.operation === 'lookup' && current.attributes.length
      && !current.attributes.includes('count') && !current.noun) next.operation = 'lookup';
    // follow-up: after 「数字人民币是什么」 (an explanation of one subject) 它 is that subject, not the first thing of its
    // kind the explanation happens to mention (数字金融 → 金融).
    const explained = ['define', 'explain'].includes(previous.operation) && previous.subjects.length === 1 && !message.plural ? previous.subjects : [];
    // (What the answer left out, 「保全网以外」, is not what 它 points at.)
    const left = (s: Subject) => !previous.excluded?.some((e) => e.entity.id === s.entity.id);
    const named = members.length >= 2 ? members : explained.length ? explained
      : previousAnswer ? ofCluster(answerSubjects(previousAnswer, previous, context).filter(left), previous.subjects) : [];
    // 「俩加起来」 after 「江苏呢」「浙江呢」: the subjects of the last turns, when the last answer names only one.
    // (A province and a city, 湖南 then 长沙, are both places the conversation went through.)
    const kindOf = (kind: string) => (PLACE_KINDS.has(kind) ? 'place' : kind);
    const recent = mentioned.filter((s) => kindOf(s.entity.kind) === kindOf(previous.subjects[0]?.entity.kind ?? s.entity.kind)).slice(-4);
    // follow-up: 「两者差多少」 after 「最多的是哪」→「第二名呢」: the subjects asked about were named only by the answers, one
    // each; the earlier answer of the chain (part.after) names the other of the two, not just the last answer's one.
    const others = all && named.length === 1 && recent.length < 2 && previous.after
      ? answerSubjects(previous.after, previous, context).filter((s) => s.entity.kind === named[0].entity.kind && s.entity.id !== named[0].entity.id) : [];
    // (After 「第二名呢」 the other is the first, whose clause says so — 「阿里巴巴…位列第一」 — not the source the sentence opens
    // with, 「IPRdaily 联合…发布」.)
    const first = previous.operation === 'rank' && (previous.rank ?? 1) > 1 && previous.after
      ? others.find((s) => FIRST_PLACE.test(clauseAfter(previous.after!, s.text))) : undefined;
    const answered = first ? [first] : others.slice(0, 1);
    if (partial) {
      // (the subjects that scoped the set, 工信部, stay: the set is asked again)
    } else if (answered.length) {
      next.subjects = [...answered, named[0]];
      next.groups = [];
    // follow-up: 「两个一共多少」 after 「苏有几家」→「浙呢」, where the last answer also named 山东 in passing (「浙江和山东并列第三」):
    // the two are the subjects the conversation asked about, not what the answer mentioned beside them.
    } else if (all && recent.length >= 2 && (named.length < 2
      || (previous.subjects.length === 1 && members.length < 2 && named.some((n) => !recent.some((r) => r.entity.id === n.entity.id))))) {
      next.subjects = message.plural && /俩|两/.test(message.text) ? recent.slice(-2) : recent;
      next.groups = [];
    } else if (named.length && !(several && previous.subjects.length >= 2)) {
      // 「分别占多少」 after 「它主要分布在哪」 about 湘黔渝聚集区: the members the answer named, each a share of that cluster.
      next.subjects = withinCluster(all ? named : [named[0]], current.attributes.length ? current.attributes : previous.attributes, previous.subjects);
      next.groups = [];
      // follow-up: after a list or a ranking, the words that described the set are spent once a pronoun names its
      // members; carried over, they would ask for the set's sentence again instead of each member's figure.
      // (「是哪几个省」 asks a list too: which places, named by the answer.)
      const whichPlaces = previous.operation === 'lookup' && previous.attributes.length > 0 && previous.attributes.every((a) => context.lexicon.attributes.get(a)?.kind === 'place');
      spent = (previous.operation === 'list' || AGGREGATES.has(previous.operation) || whichPlaces) && !previous.subjects.length;
    }
  }
  // follow-up: 「同一轮的还有谁」 after 「保全网…啥轮」: the other rows of its table that have the value the row before has in the
  // column asked about — that row left out.
  const same = current.shared && !current.subjects.length && !current.filters.length ? sameValue(previous, current, context) : undefined;
  if (same) {
    next.filters = [...previous.filters.filter((f) => !(f.kind === 'value' && f.entity.table === same.table && f.entity.column === same.column)),
      { kind: 'value', entity: same, text: same.name }];
    next.excluded = [...previous.subjects];
    next.subjects = [];
    next.groups = [];
    next.table = same.table;
    next.operation = 'list';
    next.attributes = [];
    current = { ...current, shared: undefined, attributes: [] };
  }
  // follow-up: 「其他部委呢」「别的省呢」 after 「工信部发了哪些政策」: the others of the things asked — those are left out, the
  // rest of what was asked carries.
  if (message.others && !current.subjects.length && previous.subjects.length) {
    next.excluded = [...(previous.excluded ?? []), ...previous.subjects];
    next.subjects = [];
    next.groups = [];
    // A figure asked of one (工信部发了几个) asked of the others is the count of their rows.
    if (next.operation === 'lookup' && next.attributes.includes('count')) next.operation = 'count';
  } else if (message.others && !current.subjects.length && !current.filters.length && previous.filters.some((f) => f.kind === 'value')) {
    // 「剩下的都是什么轮」 after 「A轮的有哪些」: the rows of the other values — those of the value asked before are left out.
    const values = previous.filters.flatMap((f) => (f.kind === 'value' ? [{ entity: f.entity, text: f.text }] : []));
    next.excluded = [...(previous.excluded ?? []), ...values];
    next.filters = previous.filters.filter((f) => f.kind !== 'value');
    next.subjects = [];
    next.groups = [];
  } else if (current.subjects.length) delete next.excluded;
  // follow-up: 「除了电子存证剩下的有几个」 after 「司法领域有几个」→「其中电子存证几个」: the rest of the whole the conversation asked
  // before, the part asked last left out — the whole's figure less the part's.
  const whole = message.others && current.quantity && current.subjects.length === 1 && previous.subjects.length === 1
    && previous.subjects[0].entity.id === current.subjects[0].entity.id
    ? mentioned.filter((s) => s.entity.id !== current.subjects[0].entity.id && s.entity.kind === current.subjects[0].entity.kind).at(-1) : undefined;
  if (whole) {
    next.subjects = [whole, ...current.subjects];
    next.groups = [];
    next.operation = 'difference';
    next.explicit = true;
    next.filters = next.filters.filter((f) => !(f.kind === 'value' && f.entity.name === current.subjects[0].entity.name));
  }
  const dropped: string[] = [];
  let droppedNoun: ReadonlySet<string> | undefined;
  // 「副主任呢」 after 「主任是谁」: a list's label said again names another list, which replaces the one asked before.
  if (current.labels?.length) {
    dropped.push(...(previous.labels ?? []).filter((l) => !current.labels!.includes(l)));
    next.labels = current.labels;
  }
  // 「那付刚呢」 after a turn about 刘权: the person named now is the one asked about.
  if (current.people?.length) {
    dropped.push(...(previous.people ?? []).map((p) => p.name).filter((n) => !current.people!.some((c) => c.name === n)));
    next.people = current.people;
  } else if (current.subjects.length || current.labels?.length) delete next.people;
  let unquantified = false;
  delete next.inheritedAttributes;
  // follow-up: 「其中深圳那个的合作方是谁」 after 「…是哪几个地方的」: a place named, with that-one or words of its own, picks the
  // thing of that place among those whose places were asked — the place is what it is picked by, not asked of it again.
  const placeOf = (a: AttributeId) => context.lexicon.attributes.get(a)?.kind === 'place';
  if (current.subjects.length && current.subjects.every((s) => PLACE_KINDS.has(s.entity.kind)) && !current.attributes.length
    && (message.pronoun || current.words.length > 0) && previous.attributes.length > 0 && previous.attributes.every(placeOf)) {
    // What is asked of it is then the thing itself, where the noun counted names a column of text (案例: the case it prints).
    next.attributes = [...context.lexicon.attributes.values()].filter((a) => a.kind === 'text' && previous.noun !== undefined && a.phrases.includes(previous.noun)).map((a) => a.id);
  }
  if (current.subjects.length && !current.attributes.length && next.attributes.length && next.subjects !== previous.subjects && !current.explicit) next.inheritedAttributes = true;
  if (current.attributes.length) next.attributes = current.attributes;
  // follow-up: 「那它专利呢」 after 「阿里巴巴营收多少」 (declined: the report gives no 营收): a thing counted of the follow-up's
  // own is not asked the attribute the report never states, which only declined the turn before (「那浪潮呢」 still is).
  else if (current.noun && current.noun !== previous.noun) {
    next.attributes = next.attributes.filter((a) => context.lexicon.attributes.get(a)?.kind !== 'absent');
    if (next.attributes.length < previous.attributes.length) {
      const absentWords = new Set(previous.attributes.filter((a) => !next.attributes.includes(a)).flatMap((a) => context.lexicon.attributes.get(a)?.phrases ?? []).map(compactForm));
      dropped.push(...previous.words.filter((w) => absentWords.has(compactForm(w))));
    }
  }
  // follow-up: 「那地方政府呢」 after 「国家部委发了多少政策」: a noun (政府) said with the scope word of another table of the
  // same things (表1-2's 地方 beside 表1-1's 部委) names another set of those things, not another thing counted; the
  // scope words of the set before do not carry.
  const scope = previous.noun && current.noun !== previous.noun && !current.subjects.length && !current.table
    ? scopeTable(previous.noun, current, context) : undefined;
  if (scope && !scopeSaid(scope.requires, previous)) {
    const others = [...context.lexicon.tables.values()].filter((t) => t !== scope && t.rowNouns.includes(previous.noun!))
      .flatMap((t) => t.requires).filter((w) => w.length >= 2 && !scope.requires.includes(w));
    // 国家, 部委 — and 地方政府, which says 地方.
    dropped.push(...previous.words.filter((w) => others.some((o) => w.includes(o)) && !current.words.includes(w)));
    current = { ...current, noun: undefined };
    // The lines the answers before quoted are about the other set: not where this answer stands.
    next.elsewhere = true;
  }
  // 「企业呢」「高校呢」 after 「新增研究机构有几个」: a category of the rows counted (表2-1's 牵头人) filters them;
  // it does not count something else.
  // follow-up: 「那入驻了多少企业」 after a park says what it counts of the park (a word of its own: 入驻), not which parks.
  const category = current.noun && (previous.noun || previous.table) && current.noun !== previous.noun && !current.subjects.length && !current.filters.length
    && !ownScopeWords(current, context.lexicon).length ? categoryValue(previous.noun, previous.table, current.noun, [previous, current], context) : undefined;
  const datedOwn = Boolean(previous.noun) && !current.noun && !current.subjects.length && !current.table && !current.periods.length
    && !message.pronoun && !message.plural && !previous.subjects.length && current.operation === 'lookup' && current.attributes.length > 0
    && current.attributes.every((a) => DATE_ATTRIBUTES.has(a)) && ownThing(previous, current, context);
  if (category) {
    const sameColumn = (f: Part['filters'][number]) => f.kind === 'value' && f.entity.table === category.table && f.entity.column === category.column;
    const replaced = next.filters.filter(sameColumn).map((f) => (f.kind === 'value' ? f.entity.name : ''));
    const values = next.filters.filter((f) => sameColumn(f) && f.kind === 'value' && f.entity.name !== category.name);
    if (values.length) next.replacedValues = values;
    next.filters = [...next.filters.filter((f) => !sameColumn(f)), { kind: 'value', entity: category, text: current.noun! }];
    // The category's name is a filter, not a word the rows must print (nor is the one it replaces).
    dropped.push(...replaced, category.name);
  } else if (current.noun) {
    // follow-up: 「它出了啥扶持措施」 after 「海南有多少家企业」: another noun asked with no amount word asks what they are, not
    // how many; the noun before (企业) is not among its words either.
    // As in one message (「有园区吗？有新增研究机构吗？」), the words that named the noun before do not carry to another.
    if (previous.noun && current.noun !== previous.noun) droppedNoun = formsOfNoun(previous.noun, context.lexicon);
    if (previous.noun && current.noun !== previous.noun && !current.quantity && !current.attributes.length && !message.plural && ASKS_WHAT.test(current.text)) {
      next.attributes = next.attributes.filter((a) => a !== 'count');
      if (next.operation === 'lookup' && !next.attributes.length) next.operation = 'explain';
      unquantified = true;
    }
    next.noun = current.noun;
    next.inheritedNoun = false;
  } else if (previous.noun && message.pronoun && !message.plural && !current.subjects.length && !current.table && !describesOne(current) && ownThing(previous, current, context)) {
    // follow-up: 「那它设立的基金多大」 after 「海南有多少家企业」: 它 is 海南, and what is asked of it is a thing of the
    // follow-up's own words (基金), not the noun counted before (企业), nor its count.
    const nounForms = formsOfNoun(previous.noun, context.lexicon);
    next.noun = undefined;
    next.inheritedNoun = false;
    next.words = next.words.filter((w) => !nounForms.has(compactForm(w)));
    if (!current.attributes.length) next.attributes = next.attributes.filter((a) => a !== 'count');
    droppedNoun = nounForms;
    unquantified = !current.quantity;
  } else if (datedOwn) {
    // follow-up: 「牌照哪天发的」 after 「截至6月底基站建了多少个」: a date asked of a thing the follow-up names in its own words
    // is when that happened — not a date of the things counted before (基站), nor bounded by the period of their count.
    const nounForms = formsOfNoun(previous.noun!, context.lexicon);
    next.noun = undefined;
    next.inheritedNoun = false;
    // The words that asked the count (建了) are spent; those naming the thing are the follow-up's own.
    dropped.push(...previous.words.filter((w) => !current.words.includes(w)));
    next.attributes = current.attributes;
    droppedNoun = nounForms;
  } else if (previous.noun === PLACE_NOUN && next.subjects !== previous.subjects && next.subjects.length
    && next.subjects.every((s) => PLACE_KINDS.has(s.entity.kind))) {
    // follow-up: 「它们分别多少家」 after 「第二梯队有哪些省」: the places listed are now the subjects; the noun that named them
    // (省, 地区) is what they are, not what is counted of them — that is the table's own (企业 of 表6-1).
    next.noun = undefined;
    next.inheritedNoun = false;
    droppedNoun = formsOfNoun(PLACE_NOUN, context.lexicon);
  } else if (previous.noun) {
    // follow-up: 「广东占多少」 after 「上半年专利公开了多少」: with no subject before, the noun was the topic itself — what is
    // asked of the new subject is a figure of it, not any figure of the subject. After a subject (产品溯源 平台 → 交通出行)
    // the noun was that subject's own word, a preference for another.
    // (「北京的呢」 after 「上半年专利公开了多少」→「广东占多少」: the noun the turn before carried as the topic, unsaid, is the topic still.)
    const saidBefore = [...formsOfNoun(previous.noun, context.lexicon)].some((f) => previous.text.includes(f));
    next.inheritedNoun = (previous.subjects.length > 0 && (saidBefore || previous.inheritedNoun === true)) || !current.subjects.length;
  }
  // An item of a prose enumeration was picked before (「第二个是啥」), or kinds were asked: 「第三个呢」 picks another item of it,
  // whatever names the item's sentence mentions.
  // 「前一个呢」「下一个呢」 after 「第二个是哪家的」: the member before or after the one picked, in the list it was picked from.
  const pickedAt = (current.following || current.preceding) && !current.subjects.length && previous.pickedFrom && previous.subjects.length === 1
    ? previous.pickedFrom.findIndex((m) => m.entity.id === previous.subjects[0].entity.id) : -1;
  const beside = pickedAt + 1 + (current.following ? 1 : -1);
  if (pickedAt >= 0 && beside >= 1 && beside <= previous.pickedFrom!.length) current = { ...current, ordinal: beside, following: undefined, preceding: undefined };
  const enumerated = current.ordinal !== undefined && (previous.item !== undefined || previous.kinds === true);
  // follow-up (ordinal picks): after a list, or a count that named its members, 「第二个是哪年成立的」「第三家呢」 asks about the
  // k-th member the previous answer named, in its order — not the k-th of a ranking nobody asked for.
  const listed = !enumerated && current.ordinal !== undefined && !current.subjects.length && previousAnswer
    && (['list', 'count'].includes(previous.operation) || (previous.operation === 'lookup' && previous.attributes.includes('count')))
    ? listedMembers(previousAnswer, previous, context) : [];
  // After a pick (「第三个是谁主导的」→「第五个呢」) the list is still the one picked from.
  const members = listed.length >= 2 ? listed : current.ordinal !== undefined && !current.subjects.length ? previous.pickedFrom ?? [] : [];
  const sameSubjects = next.subjects.length === previous.subjects.length && next.subjects.every((s, i) => s.entity.id === previous.subjects[i].entity.id);
  if (!sameSubjects) delete next.pickedFrom;
  if (current.ordinal !== undefined && members.length >= Math.max(2, current.ordinal)) {
    next.pickedFrom = members;
    const picked = current.operation === 'rank';
    current = { ...current, subjects: [members[current.ordinal - 1]], groupBy: undefined,
      ...(picked ? { operation: current.attributes.length ? 'lookup' : 'explain', explicit: false, rank: undefined, order: undefined } : {}) };
    next.subjects = current.subjects;
    next.groups = [];
    // What counted the list (「有几个」) is not asked of its member; what was asked of the member before (「谁主导的」) is.
    if (listed.length >= 2) next.attributes = next.attributes.filter((a) => a !== 'count');
    const asked = current.attributes.length > 0 || next.attributes.length > 0;
    next.operation = current.operation === 'define' || (current.operation === 'explain' && current.explicit) || !asked ? (current.operation === 'define' ? 'define' : 'explain') : 'lookup';
    next.groupBy = undefined;
  }
  if (regrouped || grouped) {
    next.groupBy = current.attributes[0];
    next.attributes = current.attributes;
    if (DATE_ATTRIBUTES.has(next.groupBy)) next.groupUnit = previous.groupUnit ?? 'year';
    else delete next.groupUnit;
  }
  // follow-up: where the previous topic was itself numbered (a 第一 tier, a 第二 batch) and no ranking was asked, a bare
  // ordinal (「第三个呢」) names the next such topic, not the third of a ranking.
  const numbered = previous.words.filter((w) => ORDINAL_WORD.test(w));
  const renumbered = current.operation === 'rank' && current.explicit && current.rank !== undefined && current.rank <= ORDINAL_DIGITS.length
    && !current.subjects.length && !current.attributes.length && !current.words.length && numbered.length > 0 && !RANKINGS.has(previous.operation);
  // (「往下一档呢」「上一个呢」 after 「第二阶梯呢」: the topic numbered one after, or one before, the one the conversation stood on.)
  const stoodOn = numbered.length ? ORDINAL_DIGITS.indexOf(numbered[0].slice(1)) + 1 : 0;
  const step = current.following ? 1 : current.preceding ? -1 : 0;
  const renumber = step && stoodOn > 0 ? stoodOn + step : current.rank ?? 0;
  if (renumbered && renumber >= 1 && renumber <= ORDINAL_DIGITS.length) {
    current = { ...current, operation: previous.operation, explicit: false, rank: undefined, following: undefined, preceding: undefined, words: [`第${ORDINAL_DIGITS[renumber - 1]}`] };
  }
  if (current.explicit && (current.operation !== 'lookup' || current.rank)) {
    next.operation = current.operation;
    // 「差多少」 after 「最多的是哪年」→「第二名是哪年」: the first and the k-th the conversation stood on.
    // 「其次呢」 after 「第二名呢」: the place after the one the conversation stood on.
    // 「前一名是谁」 after 「湖南排第几」: the place before (or after) the one the conversation stood on — a place asked before, or
    // the place the answer before said its subject stands at.
    const stood = previous.operation === 'rank' ? previous.rank : previous.operation === 'position' ? placeStated(previousAnswer) : undefined;
    const after = stood === undefined ? undefined : current.following ? stood + 1 : current.preceding && stood > 1 ? stood - 1 : undefined;
    next.rank = after ?? current.rank ?? (current.operation === 'difference' && previous.operation === 'rank' && (previous.rank ?? 1) > 1
      && !current.subjects.length && previous.groupBy !== undefined ? previous.rank : undefined);
    // 「第二名呢」 after 「最少的」 counts from the bottom too.
    next.order = current.order ?? previous.order;
    if (current.operation === 'rank' && !current.order && previous.order === 'asc') next.order = 'asc';
    // Another ranking of no subject of its own ranks the same set again (「最早的那个呢」 after 「哪个园区成立最晚」: not the
    // member the answer named; after 「杭州哪个园区最晚」 still within 杭州).
    if (['rank', 'topk', 'max', 'min'].includes(current.operation) && !current.subjects.length) {
      // follow-up: 「第二名呢」 after 「金融领域杭州占全国多少」 (a place within a field): the places are ranked within that
      // field — the field still scopes, the place asked before is one of the ranked.
      const places = previous.subjects.filter((s) => PLACE_KINDS.has(s.entity.kind));
      const scopes = previous.subjects.filter((s) => !PLACE_KINDS.has(s.entity.kind));
      const within = !AGGREGATES.has(previous.operation) && places.length === 1 && scopes.length > 0 && !current.groupBy && !previous.groupBy;
      // follow-up: 「哪个细分领域最多」「哪个城市最多」 after 「政务服务落地了多少项目」 (a field, no place): the groups ranked are
      // within that field — it still scopes, as 「政务服务里哪个细分领域最多」 said in one message would.
      const fieldScoped = !AGGREGATES.has(previous.operation) && !places.length && scopes.length > 0 && scopes.every((s) => s.entity.kind === 'domain')
        && current.groupBy !== undefined && !previous.groupBy;
      next.subjects = AGGREGATES.has(previous.operation) ? previous.subjects : within || fieldScoped ? scopes : [];
      next.groups = AGGREGATES.has(previous.operation) ? previous.groups : [];
      if (within) current = { ...current, groupBy: places[0].entity.kind === 'city' ? 'city' : 'province' };
    }
    // The earliest or latest of things is within the place asked about before (「杭州有几个产业园」→「最早的是哪个」).
    if (['earliest', 'latest'].includes(current.operation) && !current.subjects.length && !(message.plural && next.subjects.length >= 2)) {
      // 「哪个先发的」 after 「湘的专项政策叫啥」→「长沙的呢」: one thing asked of each turn, no set ranked — which of the things the
      // turns went through came first (compared by date below).
      const kindOf = (kind: string) => (PLACE_KINDS.has(kind) ? 'place' : kind);
      const walked = previous.subjects.length === 1 && !AGGREGATES.has(previous.operation) && !['list', 'count'].includes(previous.operation)
        ? mentioned.filter((s) => kindOf(s.entity.kind) === kindOf(previous.subjects[0].entity.kind)).slice(-2) : [];
      // (「最晚的呢」 after 「最早的是哪家」→「融了多少」: a row the answer picked is one of the set ranked, not a scope of it.)
      const scopes = previous.subjects.filter((s) => s.entity.kind !== 'row');
      next.subjects = walked.length === 2 && walked.some((s) => s.entity.id === previous.subjects[0].entity.id) ? walked : scopes;
      next.groups = walked.length === 2 ? [] : previous.groups;
    }
    // follow-up: 「哪个最多」「谁最少」 after 「江苏、浙江、上海各有多少企业」: which of the places asked about, compared.
    if (['max', 'min'].includes(current.operation) && !current.subjects.length && !current.groupBy && previous.subjects.length >= 2
      && !AGGREGATES.has(previous.operation) && !message.pronoun) {
      next.subjects = previous.subjects;
      next.groups = previous.groups;
      next.operation = 'compare';
      next.groupBy = undefined;
    }
    next.groupBy = current.groupBy ?? previous.groupBy;
    // follow-up: 「第k名呢」 after a share of counted things ranks them by their number, the share beside it (the
    // places are the same; the number is what a place in the ranking is said with).
    if (RANKINGS.has(current.operation) && !current.attributes.length && next.noun && next.attributes.includes('share') && !next.attributes.includes('count')) {
      next.attributes = ['count', ...next.attributes];
    }
  } else if (next.subjects !== previous.subjects || current.attributes.length) {
    // A new subject or a new attribute asks for a value, not the previous ranking again.
    // follow-up: after 「有哪些」 too, a figure asked of the members a pronoun names is each one's figure, not the list again.
    // A new subject of the same kind after a list (「数字签名的呢」 after 「密码算法的标准有哪些」) asks for its list in turn.
    if ((AGGREGATES.has(previous.operation) || (previous.operation === 'list' && (pointed || current.attributes.length > 0))) && next.subjects.length) next.operation = 'lookup';
    // follow-up: after a count (「政府牵头的有几个」), another attribute asked of the members named (「它们分别在哪」) is each
    // one's value, not a count again.
    if (previous.operation === 'count' && next.subjects.length && current.attributes.length && !current.attributes.includes('count')) next.operation = 'lookup';
    // follow-up: 「浙江的那个叫什么」 after 「上半年搭建了多少溯源平台」: a member named and something not an amount asked of it —
    // the words that asked the count (搭建) are spent; those naming the things counted (溯源平台) still say what it is one of.
    const counted = previous.operation === 'count' || (previous.operation === 'lookup' && previous.attributes.includes('count'));
    if (counted && current.subjects.length && current.attributes.length && !current.quantity && !current.attributes.some((a) => QUANTITY.has(a)) && previous.noun) {
      const forms = [...formsOfNoun(previous.noun, context.lexicon)];
      dropped.push(...previous.words.filter((w) => !current.words.includes(w) && !forms.some((f) => w.includes(f))));
    }
    // follow-up: 「2020年那个是谁搞的」 after 「17年到20上半年一共新增了多少个」: a total of things counted, then something else asked of
    // some of them (no amount), asks that of them — not the total again.
    if (previous.operation === 'sum' && previous.subjects.length <= 1 && current.attributes.length && !current.quantity
      && !current.attributes.some((a) => QUANTITY.has(a))) next.operation = 'lookup';
    // follow-up: 「都在哪些城市」 after 「2020年新增研究机构有几家」 asks that attribute of the things counted (as the second
    // clause of one message does), not the count again.
    if (previous.operation === 'count' && !next.subjects.length && current.operation === 'lookup' && current.attributes.length
      && !current.attributes.includes('count') && !current.noun) next.operation = 'lookup';
    // follow-up: after 「数字人民币是什么」, 「它在哪些地方试点」 asks a value of it (the places), not the definition again.
    if (['define', 'explain'].includes(previous.operation) && current.operation === 'lookup' && current.attributes.length && next.subjects.length) next.operation = 'lookup';
    // follow-up: 「主要靠哪个城市」「谁牵头的」 after 「山东排第几」 asks a value of its own of the same subject (a name, a place,
    // a category), not its place in the ranking again; a quantity (「占多少」) may still be ranked by.
    if (previous.operation === 'position' && current.operation === 'lookup' && current.attributes.length && !current.attributes.some((a) => QUANTITY.has(a))) {
      next.operation = 'lookup';
      // The which-word of the place asked before (第几 of 「升到第几了」) is no word of the topic.
      dropped.push(...previous.words.filter((w) => w.includes('第几')));
    }
  }
  if (grouped) {
    next.operation = 'count';
    next.attributes = ['count'];
  }
  const dated = previous.filters.filter((f) => f.kind === 'period');
  if (current.periods.length && dated.length && !current.filters.length) {
    // 「2018年成立的有几个？」→「2017年的呢？」: the new period replaces the date condition.
    next.filters = [...previous.filters.filter((f) => f.kind !== 'period'), ...dated.map((f) => ({ ...f, period: current.periods[0] }))];
  } else if (current.periods.length) {
    const replaced = previous.periods.filter((p) => !current.periods.some((c) => c.from === p.from && c.to === p.to));
    if (replaced.length) next.replacedPeriods = replaced;
    next.periods = current.periods;
  }
  if (datedOwn) {
    next.periods = [];
    delete next.replacedPeriods;
  }
  // follow-up: 「海尔那个平台叫啥」 after 「2020年那个是谁做的」: a row named now is that row, whenever it is dated; the period that
  // picked the row before does not carry to it.
  if (!current.periods.length && current.subjects.length && current.subjects.every((s) => s.entity.kind === 'row')
    && !current.subjects.every((s) => previous.subjects.some((p) => p.entity.id === s.entity.id))) {
    next.periods = [];
    delete next.replacedPeriods;
    // (nor does the qualifier that picked it: 「2020年新增的那项」→「许可链那个呢」)
    next.qualifiers = [];
  }
  // follow-up: 「哪个省涨得最猛」 after 「照这速度年底能到多少」: a forecast's period (after the report's half-year) holds only the
  // figure forecast; a ranking asked next is of the figures the report states, in the period the conversation stood on before.
  if (!current.periods.length && current.explicit && RANKINGS.has(current.operation) && next.periods.some((p) => p.from > REPORT_END)
    && previous.replacedPeriods?.length) {
    next.periods = previous.replacedPeriods;
    delete next.replacedPeriods;
    // The words the forecast turn said (照这个速度, 预计) are the forecast's, not of the figures ranked.
    const forecast = compactForm(previous.text);
    dropped.push(...previous.words.filter((w) => forecast.includes(compactForm(w)) && !current.words.includes(w)));
  }
  if (current.versus?.length) next.versus = current.versus;
  // follow-up: 「2019年的呢」「那19年的基数呢」 after 「跟2019年比增幅多大」: the period the growth was measured against, named alone,
  // asks that period's own figure (the base), not its growth against another year.
  const base0 = previous.versus?.[0];
  if (base0 && previous.attributes.includes('growth') && !current.attributes.length && !current.versus?.length && current.periods.length === 1
    && current.periods[0].from === base0.from && current.periods[0].to === base0.to) {
    next.attributes = previous.attributes.filter((a) => a !== 'growth');
    if (!next.attributes.length && next.noun) next.attributes = ['count'];
    delete next.versus;
    delete next.replacedPeriods;
    next.operation = 'lookup';
    next.explicit = false;
  }
  // follow-up: 「跟前一年比呢」「比上一年呢」 after a figure of 2019: the year before is counted from the period the conversation
  // stands on (2018), not from the report's year as 去年 is.
  const base = next.periods[0];
  let yearBefore = false;
  if (!current.versus?.length && !current.periods.length && YEAR_BEFORE.test(current.text) && base && Math.floor(base.from / 100) === Math.floor(base.to / 100)) {
    const year = Math.floor(base.from / 100) - 1;
    const span = base.from % 100 === 1 && base.to % 100 === 12 ? '' : base.from % 100 === 1 && base.to % 100 === 6 ? '上半年' : '';
    next.versus = [{ start: 0, end: 0, text: `${year}年${span}`, label: `${year}年${span}`, from: base.from - 100, to: base.to - 100 }];
    if (!current.explicit || current.operation === 'lookup') next.operation = 'compare';
    next.explicit = true;
    yearBefore = true;
    // (上一年 is a period said, not a word the report never uses.)
    next.unknown = next.unknown.filter((w) => !YEAR_BEFORE.test(w));
    if (next.foreign) next.foreign = next.foreign.filter((w) => !YEAR_BEFORE.test(w));
    if (!next.foreign?.length) delete next.foreign;
  }
  // follow-up: 「增长率呢」「涨了多少」 after 「2020上半年有多少家」→「2019年呢」 asks the growth between the two periods the
  // conversation stood on: the later one's, compared with the earlier.
  // 「一共多少」「差多少」 after 「2019年底有多少项」→「上半年又发布了几项」: the two figures the conversation stood on, added up
  // or set against each other.
  const between = current.explicit && ['sum', 'difference', 'ratio'].includes(current.operation) && !current.subjects.length && current.rank === undefined;
  // (「哪个省涨得最猛」 ranks places by a growth the report states, not the growth between the two periods.)
  const stood = !current.periods.length && !current.versus?.length && (current.attributes.includes('growth') || between) && next.replacedPeriods?.length
    && !RANKINGS.has(current.operation) && !current.groupBy
    && next.periods.length === 1 ? [next.periods[0], next.replacedPeriods[0]].sort((a, b) => b.to - a.to || b.from - a.from) : undefined;
  if (stood && (stood[0].from !== stood[1].from || stood[0].to !== stood[1].to)) {
    next.periods = [stood[0]];
    next.versus = [stood[1]];
    next.operation = between ? current.operation : 'difference';
    next.explicit = true;
  }
  if (current.table) next.table = current.table;
  // follow-up: 「那它出台了啥专项政策」 after 「按表6-1海南有多少家企业」: what things of its own noun are, asked with no amount, where
  // the table read before has no rows of them (表6-1's rows are 企业), is read where such things are, not in that table.
  // (A column of the table, 平台 of 表8-1, is asked of its rows: the table stays.)
  else if (previous.table && current.noun && unquantified) {
    const read = context.lexicon.tables.get(previous.table);
    if (read && !read.rowNouns.includes(current.noun) && !current.attributes.some((a) => read.columns.includes(a))) delete next.table;
  }
  if (current.section) next.section = current.section;
  if (current.condition) next.condition = current.condition;
  // 「交通出行领域呢」 after 「产品溯源领域…」: the earlier subject's words were also read as a table's value (表4-6's 产品溯源);
  // a new subject replaces every reading of them.
  if (current.subjects.length && !current.filters.length) {
    const replaced = new Set(previous.subjects.map((s) => s.entity.name).filter((name) => !current.subjects.some((s) => s.entity.name === name)));
    next.filters = next.filters.filter((f) => !(f.kind === 'value' && replaced.has(f.entity.name)));
  }
  if (current.filters.length) {
    // (A code's beginning, 「GB/T开头的」, replaces the one said before.)
    const slot = (f: Part['filters'][number]) => (f.kind === 'value' ? f.entity.column : f.kind === 'period' ? f.attribute : 'prefix');
    const replaced = new Set(current.filters.map(slot));
    const dropped = (f: Part['filters'][number]) => replaced.has(slot(f));
    // The words of a replaced value may have been read as values of several tables (企业主导: 表3-3's and 表2-1's 主导机构):
    // replacing the words replaces every reading of them.
    const words = new Set(previous.filters.filter((f) => f.kind === 'value' && dropped(f)).map((f) => (f.kind === 'value' ? f.text : '')));
    next.filters = [...previous.filters.filter((f) => !dropped(f) && !(f.kind === 'value' && words.has(f.text))), ...current.filters];
    const values = previous.filters.filter((f) => f.kind === 'value' && dropped(f) && !current.filters.some((c) => c.kind === 'value' && c.entity.name === f.entity.name));
    if (values.length) next.replacedValues = values;
  }
  // The two values stood on, side by side (the one before first), as 「政府主导的和企业主导的差多少」 says in one message.
  if (ofValues) next.filters = [...previous.replacedValues!, ...previous.filters];
  if (current.qualifiers.length) next.qualifiers = current.qualifiers;
  // follow-up: 「那全国累计的呢」 after 「上半年新成立的企业哪里最多」: the whole stock is asked, not what is new — the qualifier
  // and the span of what was new (上半年) do not carry; what is asked of it (the ranking) does.
  else if (message.whole && previous.qualifiers.includes('new')) {
    next.qualifiers = previous.qualifiers.filter((q) => q !== 'new');
    if (!current.periods.length) next.periods = [];
    if (current.operation === 'sum' && !current.subjects.length) {
      next.operation = previous.operation;
      next.rank = previous.rank;
    }
  }
  // follow-up: 「上半年新成立的呢」 after 「浙江在表6-1里几家」: a qualifier of its own (新成立) asks about another set than the
  // table named before (a stock as of June); the table is not carried, the answer finds where that set is given.
  if (!current.table && previous.table && current.qualifiers.some((q) => !previous.qualifiers.includes(q))) {
    // What the table's rows are stays what is counted.
    next.noun ??= context.lexicon.tables.get(previous.table)?.rowNouns[0];
    delete next.table;
  }
  // follow-up (它 with words of its own): 「它入选了什么榜单」 after 「央行数字货币用的是什么投放体系」 asks those words of
  // what 它 names; the previous question's words (投放, 体系) would pull its own sentence back.
  const ownWords = message.pronoun && !message.plural && !current.attributes.length && !current.subjects.length && current.words.length > 0
    && current.operation === 'explain' && ['explain', 'define'].includes(previous.operation) && next.subjects.length > 0;
  if (ownWords) next.operation = 'explain';
  // follow-up: 「落地了多少」 after 「司法领域有啥用」: a quantity asked of the thing explained before is a figure of it, not the
  // explanation again.
  if (['explain', 'define'].includes(next.operation) && ['explain', 'define'].includes(previous.operation) && current.quantity
    && current.operation === 'lookup' && !current.explicit && !ownWords) {
    next.operation = 'lookup';
    next.quantity = true;
  }
  const explaining = (current.explicit && ['explain', 'define', 'where', 'list'].includes(current.operation)) || ownWords;
  // 「它的核心要素是什么」 asks about its own words; the previous turn's (试点, 开始) would pull other sentences.
  // follow-up: a numbered topic of its own (「那第二批呢」) replaces the previous number, not joins it.
  const numberedKept = current.words.some((w) => ORDINAL_WORD.test(w)) ? previous.words.filter((w) => !ORDINAL_WORD.test(w)) : previous.words;
  // follow-up: 「数字签名的呢」 after 「上半年新增了哪些密码算法国家标准」: the noun carries over as a preference; the narrower
  // form it was said in (国家标准, as the table of the subject before is captioned) is not required of another subject of the
  // same kind (a field for a field) — while with no subject before (溯源平台), that form is the topic itself.
  const narrowed = next.inheritedNoun && current.subjects.length > 0 && next.subjects !== previous.subjects && previous.noun
    && current.subjects.every((c) => previous.subjects.some((p) => p.entity.kind === c.entity.kind && p.entity.id !== c.entity.id)) ? formsOfNoun(previous.noun, context.lexicon) : undefined;
  const kept = narrowed ? numberedKept.filter((w) => !narrowed.has(compactForm(w)) || compactForm(w) === previous.noun) : numberedKept;
  // follow-up: 「第二梯队呢」 after 「第一梯队有哪些」→「它们分别多少家」: a numbered topic (a tier, a batch) names a set of its own;
  // the members carried over belonged to the one before, and the new one's are to be found, not the old ones asked again.
  const renumberedTopic = !current.subjects.length && !message.pronoun && !message.plural
    && current.words.some((w) => NUMBERED_WORD.test(w) && !previous.words.includes(w));
  if (renumberedTopic && next.subjects === previous.subjects && previous.subjects.length) {
    next.subjects = [];
    next.groups = [];
    if (next.operation === 'lookup' && !current.attributes.length) next.attributes = next.attributes.filter((a) => a !== 'count');
    if (next.operation === 'lookup' && !next.attributes.length) next.operation = 'explain';
  }
  // follow-up: 「2020年发布的有几个」 after 「最早的那个叫什么」: rows counted are not counted within the row an answer picked — the
  // rows of the table are counted again, as the condition said now selects them.
  const countsRows = !current.subjects.length && (current.operation === 'count' || (current.quantity && current.attributes.includes('count')))
    && (!current.noun || current.noun === previous.noun) && next.subjects.length > 0 && next.subjects.every((s) => s.entity.kind === 'row');
  if (countsRows) {
    next.subjects = [];
    next.groups = [];
    next.operation = 'count';
  }
  // follow-up: 「用了哪些技术」 after 「鄞州智慧菜场是第几代」: where the topic was named by words only (no subject), a fragment
  // asking something of its own keeps the words that named the topic (鄞州, 智慧, 菜场) — not those that asked (第几代).
  const topicWords = explaining && current.words.length > 0 && !previous.subjects.length && !next.subjects.length && isFragment(said)
    ? kept.filter((w) => !ASKS_WHICH.test(w) && !context.lexicon.isFunctionWord(compactForm(w)) && context.known(compactForm(w))) : [];
  // The thing classified before (区块链) is replaced by the one named now; the set's words (新基建) stay with its subject.
  next.words = ((explaining && current.words.length) || spent || reclassified ? [...new Set([...current.words, ...topicWords])] : [...new Set([...current.words, ...kept])])
    .filter((w) => !dropped.includes(w) && !droppedNoun?.has(compactForm(w)) && !(yearBefore && YEAR_BEFORE.test(w)));
  // follow-up: 「主要集中在什么方面」 after 「交通出行领域有几项应用」: what the things are, asked in words of its own with no amount,
  // is no count again — the sentence that says it answers.
  if (ASKS_WHAT.test(current.text) && !current.quantity && !current.attributes.length && !current.noun && !current.subjects.length
    && current.words.some((w) => !previous.words.includes(w) && !context.lexicon.isFunctionWord(compactForm(w))) && next.attributes.includes('count')) {
    next.attributes = next.attributes.filter((a) => a !== 'count');
    unquantified = true;
    if (next.operation === 'lookup' && !next.attributes.length) next.operation = 'explain';
  }
  // follow-up: 「它俩谁先拿到投资」 after 「那玳鸽呢」 (its 轮次): which came first is asked by date, not by the attribute asked before.
  // (「哪家更早」: the which-word's company names which of them, not an attribute asked.)
  const asksOwn = current.attributes.length > 0 && !(current.whichClassifier !== undefined && current.attributes.every((a) => a === 'enterprise'));
  if (['earliest', 'latest'].includes(next.operation) && !asksOwn && next.subjects.length >= 2
    && (!next.attributes.some((a) => DATE_ATTRIBUTES.has(a)) || next.subjects.length > previous.subjects.length) && (pointed || several || next.subjects.length > previous.subjects.length)) {
    next.attributes = ['date'];
    next.operation = 'compare';
  }
  // follow-up: 「为啥这么多」 after a figure names nothing of its own: why that figure is so.
  // (「那去年呢」 names a period of its own: the same figure of another period is asked, not why.)
  if (current.operation === 'explain' && previous.quantity && !current.subjects.length && !current.noun && !current.table && !current.attributes.length
    && !current.periods.length && !current.versus?.length && !current.words.some((w) => !context.lexicon.isFunctionWord(compactForm(w)))) next.ofAnswer = true;
  else delete next.ofAnswer;
  // 「它的核心要素是什么」 after a question about a date asks for an explanation, not that date again.
  if (explaining && !current.attributes.length) next.attributes = [];
  // 「谁发的」 after 「哪天发的」: an attribute of its own that is no quantity (a name, a category) asks for no figure.
  const ownAttribute = current.attributes.length > 0;
  next.quantity = current.quantity || (previous.quantity && !explaining && !ownAttribute && !unquantified) || next.attributes.some((a) => QUANTITY.has(a));
  // 它 / 那家 with a new attribute asks that of the previous answer's subject, not the previous ranking again.
  if (pointed && next.subjects !== previous.subjects && AGGREGATES.has(next.operation) && !current.explicit) next.operation = 'lookup';
  // follow-up: 「第二个是啥」「第三个呢」 after a list or an explanation the prose enumerated (一是…二是…), naming no members of the lexicon
  // (or after such an item, or kinds asked): the k-th item of that enumeration, not the k-th of a ranking.
  if (current.ordinal !== undefined && (enumerated || members.length < 2) && !current.subjects.length && !current.attributes.length
    && ['list', 'explain', 'define'].includes(previous.operation) && previousAnswer) {
    Object.assign(next, { item: current.ordinal, operation: 'list', rank: undefined, order: undefined });
  }
  // follow-up: 「第二个是哪的」 after 「表4-2里电子证照的案例有几个」: the rows a table's count or list gave have no names of the
  // lexicon to pick from (a case is its text), so the k-th of the rows selected, in the table's order, is asked.
  const rowsTable = previous.table ?? previous.filters.flatMap((f) => (f.kind === 'value' && f.entity.table ? [f.entity.table] : []))[0];
  if (current.ordinal !== undefined && !enumerated && members.length < 2 && !current.subjects.length && rowsTable && previousAnswer
    && (['list', 'count'].includes(previous.operation) || (previous.operation === 'lookup' && previous.attributes.includes('count')))) {
    // A subject that is one of the filters' values (电子证照 the field and the 细分领域) says nothing more of the rows.
    const filtered = new Set(next.filters.flatMap((f) => (f.kind === 'value' ? [f.entity.name] : [])));
    Object.assign(next, { row: current.ordinal, table: rowsTable, operation: 'list', item: undefined, rank: undefined, order: undefined,
      attributes: current.attributes, subjects: next.subjects.filter((s) => !filtered.has(s.entity.name)) });
  }
  // follow-up: 「第五名比第四名多多少」 after a ranking whose answer named its members in order: the members at those two places,
  // set against each other.
  const ranked = current.ranks?.length === 2 && previousAnswer && (RANKINGS.has(previous.operation) || previous.operation === 'list')
    ? answerSubjects(previousAnswer, { ...previous, operation: 'topk' }, context) : [];
  if (current.ranks?.length === 2 && ranked.length >= Math.max(...current.ranks)) {
    Object.assign(next, { subjects: current.ranks.map((k) => ranked[k - 1]), groups: [], operation: 'difference', explicit: true, rank: undefined,
      order: undefined, groupBy: undefined, attributes: next.attributes.filter((a) => QUANTITY.has(a)) });
  }
  return next;
}

/** How a follow-up was understood, in words: subjects, what is counted, what is asked. */
/** How an operation reads in an `understood` note. */
const OPERATION_WORDS: Partial<Record<Part['operation'], string>> = {
  count: '有多少', sum: '合计多少', difference: '相差多少', ratio: '是几倍', compare: '比较', position: '排第几', max: '哪个最多', min: '哪个最少',
  earliest: '最早的', latest: '最新的', list: '有哪些', explain: '的情况', define: '是什么', where: '在报告哪里讲', yesno: '是否如此',
};

/**
 * The follow-up as the reading resolved it, in the reading's own words only (names, labels, periods):
 * 「江苏 区块链企业 数量」. The user's text is never repeated, so nothing typed can come back looking like the service's.
 */
function describe(part: Part, context: ReadContext): string {
  const names = part.groups.length ? part.groups.map((g) => g.entity.name) : part.subjects.map((s) => s.entity.name);
  const period = [...part.periods.map((p) => p.label), ...part.filters.flatMap((f) => (f.kind === 'period' ? [f.period.label] : []))].join('、');
  const values = part.filters.flatMap((f) => (f.kind === 'value' ? [f.entity.name] : []));
  const attributes = part.attributes.map((a) => context.lexicon.attributes.get(a)?.label ?? '').filter(Boolean);
  const operation = part.item !== undefined ? `第${part.item}项` : part.row !== undefined && part.row > 0 ? `第${part.row}个` : part.operation === 'rank' || part.operation === 'topk' ? `${part.operation === 'topk' ? '前' : '第'}${part.rank ?? ''}${part.operation === 'rank' ? '名' : ''}`
    : part.attributes.length && part.operation === 'lookup' ? '' : OPERATION_WORDS[part.operation] ?? '';
  return [period, names.join('、'), values.join('、'), part.noun ?? '', attributes.join('、'), operation].filter(Boolean).join(' ');
}

/** Enough of a previous answer to find the lines it quoted (answers are a few sentences). */
const MAX_AFTER_CHARS = 1200;

/**
 * The answers a follow-up chain has given, the last first: where the chain has stood so far (follow-up: the second of
 * several rows an earlier answer listed is picked after the first one was asked about).
 */
function chainAfter(answer: string, earlier: string | undefined): string {
  return (earlier ? `${answer}\n${earlier}` : answer).slice(0, MAX_AFTER_CHARS);
}

/**
 * Characters of an earlier user turn read, from its end where the question is (the bank's earlier turns: p99 23, longest 23;
 * a pasted text would cost its length again on every later turn).
 */
const MAX_EARLIER_TURN_CHARS = 40;

/**
 * Characters of all earlier user turns read together (the bank's chains: at most 30 before the last turn). Reading earlier turns
 * was two thirds of the costliest conversation's time (`npm run bench -- --only worst`); 160 → 100 took it from 6.6 to 4.2 ms in process.
 */
const MAX_EARLIER_CHARS = 100;

/** User turns read for context: the question and the four before it. */
const MAX_TURNS_READ = 5;

/**
 * Reads a conversation once: the last user message, its kind, and the parts it asks. A follow-up
 * (「那江苏呢？」「它占多少？」「第二名呢？」「哪年建的？」) updates the previous turn's reading — the
 * slots it names replace, the others carry over; pronouns refer to what the previous answer was about.
 */
export function readQuestion(messages: readonly ChatMessage[], context: ReadContext): Reading {
  const turns: { text: string; answer: string }[] = [];
  for (const message of messages) {
    if (message.role === 'user') turns.push({ text: message.content, answer: '' });
    else if (message.role === 'assistant' && turns.length) turns[turns.length - 1].answer = message.content;
  }
  let previous: { reading: Reading; answer: string } | null = null;
  let reading: Reading = { kind: 'empty', injection: false, text: '', standalone: '', parts: [], elaborate: false, followUp: false, mentioned: [] };
  // Follow-up chains run a few turns; reading only the last ones keeps a long conversation as cheap as a short one.
  let read = turns.slice(-MAX_TURNS_READ);
  // Earlier turns, newest first, while their characters fit the budget: a conversation of pasted turns costs a few questions' reading.
  let budget = MAX_EARLIER_CHARS;
  for (let i = read.length - 2; i >= 0; i--) {
    budget -= Math.min(read[i].text.length, MAX_EARLIER_TURN_CHARS);
    if (budget < 0) {
      read = read.slice(i + 1);
      break;
    }
  }
  // The message itself first: one that names its own topic reads the same whatever came before, so the earlier turns are not
  // read at all (a conversation of pasted turns then costs what its last message does).
  const last = read.length ? readMessage(read[read.length - 1].text, context) : null;
  if (last && namesOwnTopic(last)) read = read.slice(-1);
  for (const [i, turn] of read.entries()) {
    // An earlier turn is read for what a follow-up may refer to: its last clauses (where its question is) suffice.
    const text = i < read.length - 1 && turn.text.length > MAX_EARLIER_TURN_CHARS ? turn.text.slice(-MAX_EARLIER_TURN_CHARS) : turn.text;
    const message = i === read.length - 1 && last ? last : readMessage(text, context);
    reading = resolve(message, previous, context);
    const named = reading.parts.flatMap((p) => p.subjects);
    reading.mentioned = [...(previous?.reading.mentioned ?? []).filter((s) => !named.some((n) => n.entity.id === s.entity.id)), ...named].slice(-8);
    previous = reading.kind === 'question' ? { reading, answer: turn.answer } : previous;
  }
  return reading;
}

/**
 * A message no earlier turn can change the reading of: a question naming its own subject (or table) and its own noun or
 * words, with no follow-up cue, pronoun or plural, that compares or sets off nothing (「比辽宁多几家」 compares with the
 * subject before). Every rule of {@link resolveTurn} that reads a message as referring back asks for a first part lacking one
 * of these (no subject, no noun, at most one word …), so such a message resolves to itself; a new rule that refers back from
 * a message this accepts must narrow it here, or that rule is never reached.
 */
function namesOwnTopic(message: MessageReading): boolean {
  const [first, ...rest] = message.parts;
  if (message.kind !== 'question' || !first || message.elaborate || message.followUpCue || message.pronoun || message.plural || WITHIN.test(first.text)) return false;
  // 「北京呢，俩哪个多」: a first clause ending in 呢 with nothing asked of its own asks the question before.
  const echoFirst = rest.length > 0 && /呢$/.test(first.text) && !first.noun && !first.table && !first.attributes.length;
  return (first.subjects.length > 0 || first.table !== undefined) && (first.noun !== undefined || first.words.length >= 2)
    && !['difference', 'compare'].includes(first.operation) && !echoFirst;
}

/**
 * multi-part: a clause that only names what changes (「杭州有几个产业园？广州呢？」「2019年规模多少？2016年呢？」) asks the
 * clause before's question of it: it updates that part as a follow-up turn would (slots it names replace, the rest carry over).
 */
function resolveEchoes(parts: Part[], message: MessageReading, context: ReadContext): Part[] {
  const resolved: Part[] = [];
  for (const part of parts) {
    const before = resolved.at(-1);
    if (!part.echo || !before) {
      resolved.push(part);
      continue;
    }
    const clause: MessageReading = { ...message, text: part.text, parts: [part], pronoun: false, plural: false, addition: false, followUpCue: true, elaborate: false };
    const { elsewhere, ...updated } = updatePart(before, part, clause, '', context, []);
    resolved.push(before.after && !elsewhere ? { ...updated, after: before.after } : updated);
  }
  return resolved;
}

/**
 * A subject said by a short name in a part about a table where it has no row of its own (「那阿里呢」 after a question
 * about 表8-1): the one row of that table whose name begins with what was said (阿里云计算有限公司), if exactly one does.
 * The thing the name stands for elsewhere (阿里巴巴) stays as the alternative.
 */
function rowsOfTable(part: Part, context: ReadContext): Part {
  if (!part.table || !part.subjects.length) return part;
  const table = part.table;
  let changed = false;
  const subjects = part.subjects.map((subject) => {
    if (subject.entity.table === table || subject.alternatives?.some((a) => a.table === table) || !['organization', 'row'].includes(subject.entity.kind)) return subject;
    const said = compactForm(subject.text);
    if (said.length < 2) return subject;
    const rows = context.lexicon.rowsOf(table).filter((row) => [row.name, ...context.lexicon.formsOf(row.id)].some((form) => compactForm(form).startsWith(said)));
    if (rows.length !== 1) return subject;
    changed = true;
    return { entity: rows[0], text: subject.text, alternatives: [subject.entity, ...(subject.alternatives ?? [])] };
  });
  return changed ? { ...part, subjects } : part;
}

function resolve(message: MessageReading, previous: { reading: Reading; answer: string } | null, context: ReadContext): Reading {
  const turn = resolveTurn(message, previous, context);
  const parts = turn.parts.some((p) => p.table && p.subjects.length) ? turn.parts.map((p) => rowsOfTable(p, context)) : turn.parts;
  const understood = turn.understood && parts[0] !== turn.parts[0] ? describe(parts[0], context) : turn.understood;
  const reading = parts === turn.parts ? turn : { ...turn, parts, ...(understood ? { understood, standalone: understood } : {}) };
  return reading.parts.some((p) => p.echo) ? { ...reading, parts: resolveEchoes(reading.parts, message, context) } : reading;
}

/**
 * follow-up: the clauses after a follow-up's first one (「那北京呢？差多少」「广州呢，最早的是哪个」). A clause that names no
 * subject or table of its own (it took the clause before's, in the message) is resolved like a further follow-up turn of
 * the clause before as resolved: it keeps what is counted and asked, and 俩/差多少 set the subjects the conversation named
 * side by side. A clause naming things of its own only takes the subjects, as before.
 */
function restOfFollowUp(first: Part, updated: Part, rest: Part[], message: MessageReading, mentioned: Subject[], context: ReadContext): Part[] {
  const resolved: Part[] = [];
  let own = first;
  let before = updated;
  let named = [...mentioned.filter((s) => !updated.subjects.some((u) => u.entity.id === s.entity.id)), ...updated.subjects];
  for (const part of rest) {
    const inherits = part.subjects === own.subjects && part.table === own.table && !part.echo;
    // 「19年是多少？涨了多少？」: a period the clause took from the one before in the message is no period of its own — the
    // growth it asks is between the periods the conversation stood on, as asked in a turn of its own.
    const periods = part.periods === own.periods ? [] : part.periods;
    own = part;
    if (!inherits) {
      // 「那湘黔渝呢？川、渝各占多少？」: members of the cluster the clause before turned to are asked their share of it.
      const subjects = part.subjects.length ? withinCluster(part.subjects, part.attributes, updated.subjects) : part.subjects;
      resolved.push(part.subjects.length ? { ...part, subjects } : { ...part, subjects: updated.subjects, groups: updated.groups, noun: part.noun ?? updated.noun });
      continue;
    }
    const clause: MessageReading = { ...message, text: part.text, parts: [part], followUpCue: true };
    const { elsewhere, ...next } = updatePart(before, { ...part, subjects: [], groups: [], periods }, clause, '', context, named);
    const result: Part = before.after && !elsewhere ? { ...next, after: before.after } : next;
    resolved.push(result);
    before = result;
    named = [...named.filter((s) => !result.subjects.some((r) => r.entity.id === s.entity.id)), ...result.subjects];
  }
  return resolved;
}

function resolveTurn(message: MessageReading, previous: { reading: Reading; answer: string } | null, context: ReadContext): Reading {
  const base: Reading = { kind: message.kind, cue: message.cue, ...(message.aside ? { aside: message.aside } : {}), injection: message.injection, text: message.text, standalone: message.text,
    parts: message.parts, elaborate: false, followUp: false, mentioned: [] };
  if (message.kind !== 'question' || !previous || !previous.reading.parts.length) return base;
  const before = previous.reading.parts[previous.reading.parts.length - 1];
  // 「通化县法院那个具体是干啥的」: a thing of its own named (one the answer before listed) is asked about, not more of the same.
  const namesOwn = message.parts.some((part) => part.subjects.some((s) => !previous.reading.parts.some((p) => p.subjects.some((o) => o.entity.id === s.entity.id))));
  if (message.elaborate && !namesOwn) {
    return { ...previous.reading, text: message.text, elaborate: true, followUp: true, understood: previous.reading.standalone, kind: 'question', injection: message.injection };
  }
  const [first, ...rest] = message.parts;
  // The table the turn before read: named in it, or by the answer (「据表8-1（…）」).
  // (A prose answer may point at the table itself: 「…3 项，见表 5-1」「如表 5-2 所示」.)
  const namedTable = /[据见如]表\s*(\d+-\d+)/.exec(previous.answer)?.[1];
  const readTable = before.table ?? (namedTable ? `表${namedTable}` : undefined);
  // 「主要分布在哪些省」 after 「上半年新成立的企业有多少家」: places that are what the question asks are those of the things
  // counted before (as the second clause of one message reads), not a noun of its own.
  const placesOfCounted = !first.subjects.length && !first.table && first.noun === PLACE_NOUN && before.noun !== undefined && before.noun !== PLACE_NOUN
    && first.attributes.some((a) => ['city', 'province', 'region'].includes(a));
  // 「平台叫啥」「用的啥平台」 after a row or rows of 表8-1 (named by the question or its answer): a column of that table.
  // (「那上半年新成立的有多少」: a qualifier of its own names other things than the table's rows — not a column of it.)
  const columnOfRead = !first.subjects.length && !first.table && readTable !== undefined && before.subjects.length > 0
    && !first.qualifiers.some((q) => !before.qualifiers.includes(q))
    && first.attributes.some((a) => context.lexicon.tables.get(readTable)?.columns.includes(a)
      // (「啥时候发布的」: a date asked, naming nothing else, is the table's date column, whatever it is named.)
      || (DATE_ATTRIBUTES.has(a) && !first.words.length && Boolean(context.lexicon.tables.get(readTable)?.columns.some((c) => c !== null && DATE_ATTRIBUTES.has(c)))));
  // 「这报告谁写的」 after a question about 杭州: a question about the report itself starts anew.
  const aboutReport = message.document && !message.followUpCue && !message.pronoun && !first.subjects.length;
  // 「有苏州吗」「苏州算吗」 after 「数字人民币在哪试点」: whether a place is among the places the turn before asked for.
  const among = first.operation === 'yesno' && first.subjects.length === 1 && PLACE_KINDS.has(first.subjects[0].entity.kind) && !first.noun && !first.table
    && !first.words.length && !first.attributes.length && before.attributes.some((a) => ['city', 'region', 'province'].includes(a)) && before.subjects.length > 0
    && !before.subjects.some((s) => PLACE_KINDS.has(s.entity.kind));
  const withinListed = WITHIN.test(first.text) && first.operation === 'yesno' && first.subjects.length > 0 && !first.table
    && (['list', 'count'].includes(before.operation) || (before.operation === 'lookup' && before.attributes.includes('count')));
  // 「北京呢，俩哪个多」: a first clause that only names what changes and ends in 呢 asks the question before of it, whatever
  // the clauses after it ask.
  const echoFirst = rest.length > 0 && /呢$/.test(first.text) && !first.noun && !first.table && !first.attributes.length;
  const follows = !aboutReport && (message.followUpCue || message.pronoun || echoFirst || isFragment(first)
    // 「俩哪个先发的」「它们都是谁主导的」: a plural that names nothing of its own points at what the turns before named.
    || (message.plural && !first.subjects.length && !first.noun && !first.table)
    // 「上海的是哪家」 after 「新增了多少家研究机构」: a place and a which-word that counts the things counted before (家).
    || (first.subjects.length > 0 && first.whichClassifier !== undefined && !first.noun && !first.table && !first.words.length && before.noun !== undefined
      && (context.lexicon.classifiers.get(before.noun) ?? []).includes(first.whichClassifier))
    // 「北京的是哪个」: a place and a bare which-word, asking nothing of its own, after a turn counting things.
    || (first.subjects.length > 0 && first.subjects.every((s) => PLACE_KINDS.has(s.entity.kind)) && !first.noun && !first.table && !first.words.length
      && !first.attributes.length && !first.explicit && before.noun !== undefined)
    // 「比辽宁多几家」: a difference or comparison naming one subject and no period to compare with sets it against the
    // subject the conversation is about.
    || (['difference', 'compare'].includes(first.operation) && first.explicit && first.subjects.length === 1 && !first.versus?.length
      && before.subjects.length > 0 && !first.table)
    // 「加上上海一共多少」: an adding word before the one subject named adds it to those the conversation is about.
    || (message.addition && first.subjects.length === 1 && before.subjects.length > 0 && !first.table && !first.noun)
    // 「那2019年呢」「哪年建的」: only a period, an attribute or a rank of its own.
    || (!first.subjects.length && !first.noun && !first.table && (first.attributes.length > 0 || first.rank !== undefined))
    // 「哪个先发的」 after 「湘的专项政策叫啥」→「长沙的呢」: which came first or last, naming nothing of its own, of what the turns
    // before were about.
    || (!first.subjects.length && !first.noun && !first.table && !first.periods.length && first.explicit && ['earliest', 'latest'].includes(first.operation)
      && before.subjects.length > 0)
    // 「里面有贵州的公司吗」 after a list or count of rows: whether one of those rows is of that place.
    || withinListed
    // 「平台叫啥」 after a row of 表8-1: a column of the table the previous turn was reading, of the same row.
    || columnOfRead
    || placesOfCounted
    || among
    // 「试点城市都有哪些」 after 「央行数字货币啥时候开始试点的」: a question naming no subject of its own that takes up a word of
    // the topic the turn before asked about a subject (试点) asks about that subject still.
    || topicTakenUp(first, before, context)
    // 「广东占多少」 after 「上半年专利公开了多少」: a subject and what is asked of it, naming nothing counted and no word of its
    // own, asks the turn before's question of that subject — what was counted (专利) and its period carry over.
    || (first.subjects.length > 0 && !first.noun && !first.table && !first.words.length && !first.periods.length && first.attributes.length > 0
      && before.noun !== undefined && !['define', 'explain', 'where'].includes(first.operation))
    // 「哪个细分场景最多」 after 「政务这块落地了几个项目」: a ranking of groups, naming no subject and nothing counted but what
    // was counted before, ranks them within the field the turn before was about.
    || (!first.subjects.length && !first.table && first.groupBy !== undefined && RANKINGS.has(first.operation) && before.subjects.length > 0
      && before.subjects.every((s) => s.entity.kind === 'domain') && (!first.noun || first.noun === before.noun))
    // 「有啥典型案例」 after 「医疗健康落地几个项目」: only a noun asked about, after a turn about one field, is asked of that
    // field where the report has such things of it (表4-4 lists the 案例 of 医疗健康).
    || (!first.subjects.length && !first.table && first.noun !== undefined && !first.periods.length && !first.filters.length
      && before.subjects.length === 1 && ownScope(first, context).length === 0 && tableOfField(first.noun, before.subjects[0].entity, context)));
  // 「都是哪些企业」「分别是哪几个」 after a count of a table's rows: a plural which-question naming nothing of its own but what the
  // rows of the table read before are (表8-1's rows are 项目 and 企业) asks for those same rows.

  const sameRows = !follows && !aboutReport && (message.plural || /^(都|分别|各|具体)/.test(first.text)) && first.operation === 'list' && !first.subjects.length && !first.table && !first.periods.length
    && !first.filters.length && !first.condition && first.noun !== undefined && before.operation === 'count' && readTable !== undefined
    && Boolean(context.lexicon.tables.get(readTable)?.rowNouns.includes(first.noun)) && ownScope(first, context).length === 0;
  if (sameRows) {
    const updated: Part = { ...before, operation: 'list', explicit: true, text: first.text, attributes: before.attributes.filter((a) => a !== 'count'), quantity: false, ...(before.table ? {} : { table: readTable }),
      ...(previous.answer ? { after: chainAfter(previous.answer, before.after) } : {}) };
    const understood = describe(updated, context);
    return { ...base, parts: [updated, ...rest], standalone: understood, understood, followUp: true };
  }
  if (!follows) {
    // 「金融领域占比多少」 after a question about 落地项目: a part naming no noun of its own keeps the one before, as a preference.
    // A definition or an explanation (「数字人民币是什么」) asks about the thing itself, not about the things counted before.
    if (first.subjects.length && !first.noun && !first.table && before.noun && first.words.length <= 1 && !['define', 'explain', 'where'].includes(first.operation)) {
      return { ...base, parts: [{ ...first, noun: before.noun, inheritedNoun: true }, ...rest] };
    }
    return base;
  }
  const said = placesOfCounted ? { ...first, noun: undefined, words: first.words.filter((w) => !formsOfNoun(PLACE_NOUN, context.lexicon).has(compactForm(w))) } : first;
  const { elsewhere, ...updatedPart } = updatePart(before, said, message, previous.answer, context, previous.reading.mentioned);
  // The place asked about joins what the places were asked of; whether it is among them is the question (notAmong answers).
  const resolved = among ? { ...updatedPart, subjects: [...before.subjects, first.subjects[0]], attributes: [], operation: 'yesno' as const }
    : columnOfRead && !updatedPart.table ? { ...updatedPart, table: readTable } : updatedPart;
  const updated: Part = { ...resolved, ...(previous.answer && !elsewhere ? { after: chainAfter(previous.answer, before.after) } : {}) };
  if (elsewhere) delete updated.after;
  const understood = describe(updated, context);
  return {
    ...base,
    parts: [updated, ...restOfFollowUp(first, updated, rest, message, previous.reading.mentioned, context)],
    standalone: `${understood}`,
    understood,
    followUp: true,
  };
}
