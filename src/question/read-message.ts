import { chineseNumber } from '../text/chinese-number';
import { compactForm } from '../text/compact-form';
import type { PeriodSpan } from '../text/find-periods';
import { oncePerLexicon, type Lexicon } from './build-lexicon';
import type { AttributeId, Cue, Entity, FunctionClass, MessageKindCue, OperationCue } from './lexicon';
import type { DateRelation, Filter, MessageKind, Part, Subject } from './reading';
import { tokenize, type Token } from './tokenize';

/** What the question stage needs besides the lexicon. */
export interface ReadContext {
  lexicon: Lexicon;
  /** Word segmentation (jieba). */
  segment: (text: string) => string[];
  /** Dictionary words only: where a one-character short form (粤, 苏) may stand as a word of its own. */
  segmentKnown: (text: string) => string[];
  /** True when the report uses a word. */
  known: (word: string) => boolean;
  /** The report's printing of a Latin code written without its space or slash (tc307 → tc 307, dcep → dc/ep), if it prints one. */
  respell?: (word: string) => string | undefined;
  /** Longest message read, in characters after normalisation (the rest is ignored). */
  maxChars: number;
}

/** One message read on its own, before follow-up resolution. */
export interface MessageReading {
  kind: MessageKind;
  cue?: MessageKindCue;
  injection: boolean;
  text: string;
  parts: Part[];
  /** Starts or ends like a follow-up (那…, …呢, 它, 其中 …). */
  followUpCue: boolean;
  /** Refers to something by a pronoun (它, 该园区, 那家). */
  pronoun: boolean;
  /** Refers to several things at once (它们, 俩, 这两家). */
  plural: boolean;
  /** Adds to what was asked before (再算上上海). */
  addition: boolean;
  /** Says the whole stock (累计, 存量, 所有的): not only what is new in the period. */
  whole?: boolean;
  /** 「其他部委呢」: the others of the things asked before, not those. */
  others?: boolean;
  /** Names the document itself (这报告, 这份报告): a question about the report, not about an earlier answer's subject. */
  document?: boolean;
  elaborate: boolean;
  /** A request declined beside the question answered (天气, 写首诗, 该不该买): said aside in the answer. */
  aside?: MessageKindCue;
}

// Control and invisible formatting characters never carry meaning; they can hide instructions.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g;

/** A message as the question stage reads it: visible characters only, compact form, capped. */
export function normalizeMessage(raw: string, maxChars: number): string {
  return compactForm(raw.replace(INVISIBLE, ' ')).slice(0, maxChars).trim();
}

const SUBJECT_KINDS = new Set(['region', 'city', 'cluster', 'organization', 'domain', 'row', 'title']);
const SUBJECT_PRIORITY: Record<string, number> = { region: 0, city: 1, cluster: 2, group: 3, organization: 4, row: 5, domain: 6, title: 7, value: 8 };
const DATE_ATTRIBUTES = new Set<AttributeId>(['founded', 'published', 'date']);
const QUANTITY_ATTRIBUTES = new Set<AttributeId>(['count', 'share', 'growth', 'money']);
/** Attributes whose phrase may name what is measured (产业规模, 融资金额) rather than only ask for it. */
const MEASURES = new Set<AttributeId>(['money', 'count']);
/** Attributes a which-word asks of an organisation, read as who published a thing when a word of publishing follows. */
const WHO_ATTRIBUTES = new Set<AttributeId>(['affiliation', 'enterprise']);
/** The classifier of sums of money (一笔融资): a noun counted by it has an amount as its size. */
const SUM_CLASSIFIER = '笔';
/** Attributes a max/min can group rows on (「哪个城市的产业园最多」). */
export const GROUPABLE = new Set<AttributeId>(['city', 'province', 'region', 'cluster', 'leader', 'round', 'level', 'status', 'apptype', 'subfield',
  'founded', 'published', 'date', 'publisher', 'enterprise', 'number']);
/** Qualifiers that name a currency (qualifiers.tsv). */
const CURRENCY_QUALIFIERS = new Set(['人民币', '美元']);
const PRONOUNS = new Set(['它', '它们', '其', '该', '这家', '那家', '这个', '那个', '此', '上述', '前者', '后者', '他们', '她']);
/** Pronouns that point at one thing (它, 那家): 都 beside them does not make the reference plural. */
const SINGULAR_PRONOUNS = new Set(['它', '其', '该', '这家', '那家', '这个', '那个', '此']);
const CLAUSE_END = new Set(['?', '？', '!', '！', ';', '；', '。', '\n']);

/** A conjunction that joins two things named (区块链和5G, 区块链与物联网): a joint word after it (结合) says they go together. */
const PAIRING = /^(和|与|跟|同|及|以及|加)$/;

/** The token at `i` is a joint word (结合, 融合) after things joined by a conjunction: it says they go together, no topic of its own. */
function joinsThings(tokens: readonly Token[], i: number): boolean {
  return hasFunction(tokens[i], 'joint') && tokens.slice(0, i).some((t) => PAIRING.test(t.text));
}

/** No cues (shared: what callers get of a token that is no cue, never changed). */
const NO_CUES: readonly never[] = [];

const cuesOf = <T extends Cue['type']>(token: Token, type: T): readonly Extract<Cue, { type: T }>[] =>
  token.type === 'cue' ? (token.cues.filter((c) => c.type === type) as Extract<Cue, { type: T }>[]) : NO_CUES;

function hasFunction(token: Token, cls: FunctionClass): boolean {
  return token.type === 'cue' && token.cues.some((c) => c.type === 'function' && c.function === cls);
}

/**
 * The words of a message kind that marks other words rather than being a cue itself (making: 写, 讲; posing: 以, 用), worked
 * out once per lexicon: every message asks for them.
 */
type MarkingKind = 'making' | 'posing' | 'namehead' | 'address' | 'opinion' | 'owner';
const markingWords = oncePerLexicon((lexicon) => {
  const of = (kind: MarkingKind): ReadonlySet<string> => new Set(lexicon.files.messageKinds.filter((k) => k.kind === kind).flatMap((k) => k.cues.map(compactForm)));
  return { making: of('making'), posing: of('posing'), namehead: of('namehead'), address: of('address'), opinion: of('opinion'), owner: of('owner') };
});
function wordsOfKind(lexicon: Lexicon, kind: MarkingKind): ReadonlySet<string> {
  return markingWords(lexicon)[kind];
}

/**
 * 「某某交易所安全吗」「某某股票能涨吗」: a word the report never uses right before a name head (公司, 交易所, 股票; 的 between or
 * not), or one word ending in a head after such a word (狗狗币), names a thing of its own — a company, a product — the report
 * does not hold: it is what the clause asks about, however everyday the words around it.
 */
function namesThing(tokens: readonly Token[], position: number, word: string, context: ReadContext): boolean {
  const heads = wordsOfKind(context.lexicon, 'namehead');
  const alien = (w: string) => CONTENT_WORD.test(w) && !context.known(w);
  const head = [...heads].find((h) => word.length > h.length + 1 && word.endsWith(h));
  if (head && alien(word.slice(0, -head.length))) return true;
  let next = tokens[position + 1];
  if (next?.text === '的') next = tokens[position + 2];
  return Boolean(next) && heads.has(next.text) && alien(word);
}

const QUESTION_WORD = /多少|几|哪|什么|谁|吗|呢|啥|怎|如何|为何|为啥|是否|有没有|是不是|干嘛|咋|多大|多久|多长|多高/;

/**
 * A clause asks something when it has a question word (alone or inside an attribute or operation
 * phrase: 多少家, 有哪些), a rank, or asks for a list; 「按企业数量排名，」 only frames the next clause.
 */
function asks(tokens: Token[]): boolean {
  // (「top10里…的那几笔，加起来多少」: a top-k naming a list asks nothing.)
  return tokens.some((t, i) => hasFunction(t, 'question') || (t.type === 'cue' && QUESTION_WORD.test(t.text) && t.cues.some((c) => c.type === 'attribute' || c.type === 'operation'))
    || t.type === 'ordinal' || (t.type === 'top' && !namesList(tokens, i)) || cuesOf(t, 'operation').some((c) => c.operation === 'list' || c.operation === 'define' || c.operation === 'explain' || c.operation === 'where'));
}

/**
 * Clauses at sentence punctuation; a comma or an enumeration comma (、) splits only between two clauses that each ask something
 * (「基站建了多少、消息啥时候能用」: two questions listed; 「广东、江苏各多少家」: one question of two things).
 */
function clausesOf(tokens: Token[]): Token[][] {
  const sentences: Token[][] = [[]];
  for (const token of tokens) {
    if (token.type === 'punctuation' && CLAUSE_END.has(token.text)) sentences.push([]);
    else sentences[sentences.length - 1].push(token);
  }
  const clauses: Token[][] = [];
  for (const sentence of sentences.filter((s) => s.length)) {
    let current: Token[] = [];
    // Each piece with the 、 before it: kept where the pieces stay one clause (it joins the things named).
    const pieces: { tokens: Token[]; joint?: Token }[] = [];
    let joint: Token | undefined;
    for (const token of sentence) {
      if (token.type === 'punctuation' && /[,，、]/.test(token.text)) {
        pieces.push({ tokens: current, joint });
        current = [];
        joint = token.text === '、' ? token : undefined;
      } else current.push(token);
    }
    pieces.push({ tokens: current, joint });
    let open: Token[] = [];
    for (const { tokens: piece, joint: before } of pieces.filter((p) => p.tokens.length)) {
      if (open.length && asks(open) && asks(piece) && standsAlone(piece) && !(topicOnly(open) && namesNothing(piece)) && !eachCounted(piece)) {
        clauses.push(open);
        open = [];
      }
      open = [...open, ...(open.length && before ? [before] : []), ...piece];
    }
    if (open.length) clauses.push(open);
  }
  return clauses.filter((c) => c.some((t) => t.type !== 'punctuation'));
}

/** 「大数据分析中心呢，」: a clause that only names a topic, 呢 marking it, before the question about it. */
function topicOnly(piece: Token[]): boolean {
  const last = piece[piece.length - 1];
  return last?.text === '呢' && !asks(piece.slice(0, -1));
}

/**
 * 「负责啥」「排第几」: a clause of question and operation words only, naming nothing it asks about; 「它俩谁多」 sets two
 * things against each other — a clause of its own.
 */
function namesNothing(piece: Token[]): boolean {
  return piece.every((t) => t.type === 'cue' && t.cues.every((c) => (c.type === 'function' && c.function !== 'plural' && c.function !== 'addition')
    || (c.type === 'operation' && !['compare', 'difference', 'ratio'].includes(c.operation))));
}

/**
 * 「…按轮次归个类，每种几家」「…按城市分，各多少个」: a clause of each-words and a count only, naming nothing, asks the count of each
 * group the clause before makes — it completes that clause.
 */
function eachCounted(piece: Token[]): boolean {
  const content = piece.filter((t) => t.type !== 'punctuation');
  return content.some((t) => hasFunction(t, 'each') || /^(分别|各自)$/.test(t.text))
    && content.some((t) => cuesOf(t, 'attribute').some((c) => c.attribute === 'count') || cuesOf(t, 'operation').some((c) => c.operation === 'count'))
    && content.every((t) => t.type === 'cue' && t.cues.every((c) => c.type === 'function' || (c.type === 'attribute' && c.attribute === 'count') || (c.type === 'operation' && c.operation === 'count')));
}

/** 「占比多少」 after a comma is a question of its own; 「分别是多少」 completes the clause before it. */
function standsAlone(piece: Token[]): boolean {
  return !(piece.length <= 2 && piece.every((t) => hasFunction(t, 'question') || cuesOf(t, 'operation').some((c) => c.operation === 'list')));
}

function subjectOf(token: Token, lexicon: Lexicon): Subject[] {
  const entities = cuesOf(token, 'entity').map((c) => lexicon.entities.get(c.entity)).filter((e): e is Entity => Boolean(e));
  const sorted = entities.filter((e) => SUBJECT_KINDS.has(e.kind) || e.kind === 'group').sort((a, b) => SUBJECT_PRIORITY[a.kind] - SUBJECT_PRIORITY[b.kind]);
  return sorted.map((entity, i) => ({ entity, text: token.text, ...(i === 0 && sorted.length > 1 ? { alternatives: sorted.slice(1) } : {}) }));
}

function operationOf(tokens: Token[], subjects: Subject[], attributes: AttributeId[], hasNoun: boolean, quantity: boolean): Pick<Part, 'operation' | 'rank' | 'order' | 'explicit' | 'ranks' | 'fromRank'> {
  const said = operationSaid(tokens, subjects, attributes, hasNoun, quantity);
  if (said) return { ...said, explicit: true };
  // 「跨链技术是干啥的」: what a technology or field is for is what it is (define); 定位 is a column of table rows only.
  if (attributes.length && attributes.every((a) => a === 'positioning') && subjects.length && subjects.every((s) => s.entity.kind === 'domain')) {
    return { operation: 'define', explicit: false };
  }
  // 「认证中心是干嘛的」: what a thing named by words of its own (neither a name the lexicon knows nor a counted noun: 产业园) is
  // for is told by the sentence that says what it does (explain).
  if (attributes.length && attributes.every((a) => a === 'positioning') && !subjects.length && !hasNoun) return { operation: 'explain', explicit: false };
  // 「海南出了啥区块链政策」「农业农村部发过啥政策」「有什么产业园」: a what-word before the counted noun asks which ones, not how
  // many (「区块链是什么技术」 asks what it is).
  if (!quantity && hasNoun && tokens.some((t, i) => hasFunction(t, 'question') && /^(啥|什么|哪些)$/.test(t.text) && !/是$/.test(tokens[i - 1]?.text ?? '')
    && tokens.slice(i + 1, i + 4).some((u) => cuesOf(u, 'noun').length > 0))) {
    return { operation: 'list', explicit: true };
  }
  // 「一键立案 哪个法院」「静安加装电梯是哪个社区」: a question ending in which-word + noun, no operation said, asks for one thing, not an explanation.
  const which = tokens.some((t, i) => hasFunction(t, 'question') && /^哪(个|家|位|所)$/.test(t.text) && tokens[i + 1]?.type === 'cue'
    && (tokens[i + 1] as Extract<Token, { type: 'cue' }>).cues.some((c) => c.type === 'entity' || c.type === 'noun') && tokens.slice(i + 2).every((n) => n.type === 'punctuation'));
  return { operation: quantity || attributes.length || which ? 'lookup' : 'explain', explicit: false };
}

function operationSaid(tokens: Token[], subjects: Subject[], attributes: AttributeId[], hasNoun: boolean, quantity: boolean): Pick<Part, 'operation' | 'rank' | 'order' | 'ranks' | 'fromRank' | 'following' | 'preceding'> | null {
  const ops = new Set<OperationCue>(tokens.flatMap((t) => cuesOf(t, 'operation').map((c) => c.operation)));
  const ordinal = tokens.find((t): t is Extract<Token, { type: 'ordinal' }> => t.type === 'ordinal');
  // 「top10里」「前十中」 names a list (表2-2), not a ranking asked for.
  // 「top10最晚拿到投资的两家」: of two top-ks, the one said with its ranking word (最晚…的两家) is asked; top10 names the list.
  const tops = tokens.filter((t, i): t is Extract<Token, { type: 'top' }> => t.type === 'top' && !namesList(tokens, i)
    && (!t.which || ops.has('max') || ops.has('min')));
  const top = tops.find((t) => t.order) ?? tops[0];
  // 「今年上半年比2019年多几家」: a period compared with counts as a second thing compared.
  // 「那个100.2万美元的融资和10亿元的基金哪个大」: two figures the question states are two things compared too.
  const several = subjects.length >= 2 || (subjects.length <= 1 && tokens.some((t) => t.type === 'period' && t.comparison))
    || tokens.filter((t) => t.type === 'figure').length >= 2;
  // Only an explanation of a thing (its 定位, 内容, 案例) is a definition; 「融资轮次是什么」 asks a table's value.
  const textual = attributes.every((a) => ['positioning', 'content', 'case'].includes(a));
  // 「哪张表行数最少」「哪个表的案例最多」「两个政策表哪个多」: tables ranked by their rows, not a place in the report asked.
  const rankedTables = tablesRanked(tokens);
  if (rankedTables) return rankedTables === 'max' ? { operation: 'max', order: 'desc' } : { operation: 'min', order: 'asc' };
  if (ops.has('where')) return { operation: 'where' };
  // 「投融资为啥增速放缓」「广东企业为什么最多」: a reason asked of a figure (its growth, its rank) asks why, not the figure —
  // unless an amount is asked beside it (为什么…多了多少).
  if (tokens.some((t) => hasFunction(t, 'why')) && !tokens.some((t) => /多少|几/.test(t.text))) return { operation: 'explain' };
  // 「区块链在新基建里属于哪一类」 (explain): the kind a thing belongs to is told by the report's sentence naming it among a kind's items.
  if (tokens.some((t) => hasFunction(t, 'classify')) && textual) return { operation: 'explain' };
  // 「落地最多的两个场景是啥」: 是啥 after a ranking asks which ones rank, not what they are.
  if (ops.has('define') && !quantity && textual && !top && !ops.has('max') && !ops.has('min')) return { operation: 'define' };
  // 「一共分哪几类」: kinds asked are listed (the report says how many there are and names them), not counted or summed.
  if (kindsAsked(tokens)) return { operation: 'list' };
  // 「广东的企业数量大概是上海的几倍」: the quotient of two figures.
  if (ops.has('ratio') && several) return { operation: 'ratio' };
  // 「它比第二名多多少」「第一比第二多几个」: one side of a difference is the k-th of a ranking, not a thing named — the rank
  // is kept (the other side is the subject, or else the first of the same ranking).
  const ordinals = subjects.length <= 1 ? tokens.filter((t): t is Extract<Token, { type: 'ordinal' }> => t.type === 'ordinal') : [];
  const against = ordinals.find((o) => o.rank !== 1 || o.reverse) ?? ordinals[0];
  const versusRank = against && !several ? { rank: against.rank, order: against.reverse ? 'asc' as const : 'desc' as const } : {};
  // 「第五名比第四名多多少」: both sides are places of a ranking.
  const bothRanks = ordinals.length === 2 && !several && ordinals.every((o) => !o.reverse) && ordinals[0].rank !== ordinals[1].rank
    ? { ranks: ordinals.map((o) => o.rank) } : {};
  if (ops.has('difference') && (several || quantity || against)) return { operation: 'difference', ...versusRank, ...bothRanks };
  // 「CoolBitX跟FDT总共多少」「广东和北京一共几家」: an adding word over several things named adds them up, whatever joins them (跟
  // is also a word of comparing).
  if (ops.has('sum') && several && !tokens.some((t) => t.text === '比')) return { operation: 'sum' };
  // 「广东比江苏多多少家」: a comparison asking for an amount is a difference.
  if (ops.has('compare') && several && quantity && tokens.some((t) => /多少|几/.test(t.text))) return { operation: 'difference' };
  // 「比腾讯多几件」: one subject compared with, an amount asked — a difference from what the conversation is about.
  if (ops.has('compare') && (subjects.length === 1 || against) && quantity && tokens.some((t) => /多少|几/.test(t.text))) return { operation: 'difference', ...versusRank, ...bothRanks };
  // 「占比比去年高了几个点」: a period compared with (its 比 read with it) and an amount asked is a difference too.
  if (tokens.some((t) => t.type === 'period' && t.comparison) && quantity && tokens.some((t) => /多少|几/.test(t.text))) return { operation: 'difference' };
  // 「湖北和湖南谁的企业多」「京沪哪个园区更多」: a which-word, then a comparative word further on, between things named.
  const whichMore = tokens.some((t, i) => hasFunction(t, 'question') && /^(谁|哪)/.test(t.text)
    && tokens.slice(i + 1).some((u) => u.type === 'word' && /^(更|还)?(多|少|高|低|大|小)(一些|一点|些)?$/.test(u.text)));
  if ((ops.has('compare') || whichMore) && several) return { operation: 'compare' };
  // 「哪个多」「谁更多」 naming nothing: a follow-up comparing the things the turns before asked about.
  if (ops.has('compare') && !subjects.length && !hasNoun) return { operation: 'compare' };
  if (ops.has('sum') && several) return { operation: 'sum' };
  // 「广东加北京占全国多少」「粤加上京」: an adding word between two things named adds them up.
  if (several && quantity && tokens.some((t, i) => hasFunction(t, 'addition') && cuesOf(tokens[i - 1] ?? t, 'entity').length > 0 && cuesOf(tokens[i + 1] ?? t, 'entity').length > 0)) {
    return { operation: 'sum' };
  }
  // 「前五名加起来一共多少家」: the top-k rows, added up (table-sum).
  if (top && ops.has('sum') && !subjects.length) return { operation: 'sum', rank: top.k, order: top.order ?? (ops.has('min') ? 'asc' : 'desc') };
  // 「成立最早的前三家」: a date word beside a top-k said on its own (前三家) ranks by that date, from its end.
  if (top) return { operation: 'topk', rank: top.k, order: top.order ?? (ops.has('min') || (ops.has('earliest') && !ops.has('latest')) ? 'asc' : 'desc') };
  // 「按大小排一下」「从少到多排」 (table-topk): every row ranked, in the order said.
  // Said with no direction, dates run from the earliest, amounts from the largest.
  if (ops.has('sort') || ops.has('sortAscending') || ops.has('sortDescending')) {
    const dates = attributes.some((a) => DATE_ATTRIBUTES.has(a));
    return { operation: 'topk', rank: SORT_ALL, order: ops.has('sortAscending') || (dates && !ops.has('sortDescending')) ? 'asc' : 'desc' };
  }
  // 「排第3到第6的」「第五至第八名」: the places of a span, ranked.
  const span = tokens.findIndex((t, i) => t.type === 'ordinal' && /^(到|至|-|~|—)$/.test(tokens[i + 1]?.text ?? '') && tokens[i + 2]?.type === 'ordinal');
  const [low, high] = span >= 0 ? [tokens[span], tokens[span + 2]] as Extract<Token, { type: 'ordinal' }>[] : [];
  if (low && high && low.rank < high.rank) return { operation: 'topk', rank: high.rank, fromRank: low.rank, order: low.reverse || ops.has('min') ? 'asc' : 'desc' };
  if (ordinal) return { operation: 'rank', rank: ordinal.rank, order: ordinal.reverse || ops.has('min') ? 'asc' : 'desc', ...(ordinal.following ? { following: true } : {}), ...(ordinal.preceding ? { preceding: true } : {}) };
  // 「排第几」「排名」 without a number asks for a place: of the subjects named, or (after 「湖南有几家」) of the ones before.
  if (ops.has('rank') && (subjects.length || !quantity)) return { operation: 'position' };
  if (ops.has('max')) return { operation: 'max', order: 'desc' };
  if (ops.has('min')) return { operation: 'min', order: 'asc' };
  if (ops.has('earliest')) return { operation: 'earliest', order: 'asc' };
  if (ops.has('latest')) return { operation: 'latest', order: 'desc' };
  if (ops.has('explain') && !quantity && textual) return { operation: 'explain' };
  // 「一共有多少个产业园」: a total of a counted noun, no subjects to add up, is a count.
  if (ops.has('sum') && !subjects.length && hasNoun && attributes.every((a) => a === 'count')) return { operation: 'count' };
  // 「战略投资的一共几家」「2019年发的总共多少项」: an adding word with a count word of things (几家, 多少项), no thing named and no
  // amount asked, counts them.
  // (「这两个城市一共几个」: a plural pointing at things named before adds them up.)
  if (ops.has('sum') && !subjects.length && !attributes.some((a) => ['money', 'share', 'growth'].includes(a)) && !tokens.some((t) => hasFunction(t, 'plural'))
    && tokens.some((t) => cuesOf(t, 'operation').some((c) => c.operation === 'count') && /(几|多少)[家个项条所座份张]$/.test(t.text))) return { operation: 'count' };
  if (ops.has('sum')) return { operation: 'sum' };
  if (ops.has('list') && (!quantity || !subjects.length)) return { operation: 'list' };
  if (ops.has('count') && hasNoun && !subjects.length) return { operation: 'count' };
  if (ops.has('yesno') && !quantity && !attributes.length) return { operation: 'yesno' };
  if (ops.has('list')) return { operation: 'list' };
  return null;
}

/** The token at `position` is a kind of place (省, 城市) after a number of them (两, 这两个) right after places named. */
function namesPlacesBefore(tokens: Token[], position: number, subjects: Subject[]): boolean {
  const token = tokens[position];
  const count = tokens[position - 1];
  if (!count || !cuesOf(token, 'noun').some((c) => c.noun === '地区') || !/^(这|那)?[两二三四五六七八九十]个?$/.test(count.text)) return false;
  const before = tokens[position - 2];
  return before !== undefined && subjects.length >= 2 && subjects.every((s) => ['region', 'city'].includes(s.entity.kind))
    && cuesOf(before, 'entity').length > 0;
}

/**
 * For each of several subjects, the words said only of another: every place the word stands is between that other subject and
 * the next one named (「海南那个基金和智慧城市支出」: 基金 of 海南). Words before the first or after the last subject are said of
 * all. Undefined when no word is said of one subject only.
 */
function wordsApart(tokens: Token[], subjects: Subject[], words: string[]): string[][] | undefined {
  if (subjects.length < 2) return undefined;
  const text = tokens.map((t) => t.text).join('');
  const starts = subjects.map((s) => text.indexOf(s.text));
  if (starts.some((at) => at < 0)) return undefined;
  const order = starts.map((at, i) => ({ at, end: at + subjects[i].text.length, i })).sort((a, b) => a.at - b.at);
  const ownerOf = (word: string): number | undefined => {
    let owner: number | undefined;
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      const k = order.findIndex((s, j) => j < order.length - 1 && at >= s.end && at + word.length <= order[j + 1].at);
      if (k < 0 || (owner !== undefined && owner !== order[k].i)) return undefined;
      owner = order[k].i;
    }
    return owner;
  };
  const owners = words.map((w) => ({ w, owner: ownerOf(w) }));
  if (!owners.some((o) => o.owner !== undefined)) return undefined;
  return subjects.map((_, i) => owners.filter((o) => o.owner !== undefined && o.owner !== i).map((o) => o.w));
}

/** A sort asked (排序) ranks every row: a k no table reaches. */
const SORT_ALL = 99;

const LINKS = new Set(['的', '是', '有', '为', '呢', '大概', '现在', '目前', '一共', '总共', '具体', '到底']);

/** A word stands where the question's asked thing stands: right before 多少/几/是什么 … (links like 的/是 between). */
function asksAbout(tokens: Token[], position: number): boolean {
  for (let i = position + 1; i < tokens.length; i++) {
    const token = tokens[i];
    if (LINKS.has(token.text)) continue;
    // 「冒出来多少新的公司」: a bare 多少/几 with a counted noun after it in the clause counts that noun — the word before is
    // what happened to them, not the thing asked.
    if (/^(多少|几)$/.test(token.text) && countsNounAfter(tokens, i)) return false;
    // 「人口有多少」: a count cue ending in 多少/几 asks for a number of the word before it, as 多少 alone does (「有多少家」
    // names by its classifier what is counted: the word before it need not be that).
    return hasFunction(token, 'question') || cuesOf(token, 'operation').some((c) => c.operation === 'define' || c.operation === 'yesno'
      || (c.operation === 'count' && /(多少|几)$/.test(token.text)))
      || cuesOf(token, 'attribute').some((c) => QUANTITY_ATTRIBUTES.has(c.attribute));
  }
  return false;
}

/** A counted noun follows the token at `position` in its clause (「多少新的区块链公司」). */
function countsNounAfter(tokens: Token[], position: number): boolean {
  for (let i = position + 1; i < tokens.length && tokens[i].type !== 'punctuation'; i++) if (cuesOf(tokens[i], 'noun').length) return true;
  return false;
}

/**
 * 「浙江有多少个地级市」: the token right before `position` counts with a classifier (多少个, 几家) and the word closes the clause:
 * the word is what is counted (「有几家拿到了融资」: a verb goes on; 「哪几个IPC分类」 picks among things named after it).
 */
function countedAfter(tokens: Token[], position: number): boolean {
  const before = tokens[position - 1];
  const after = tokens.slice(position + 1).filter((t) => !(t.type === 'punctuation' || hasFunction(t, 'question')));
  return Boolean(before) && !after.length && !/哪/.test(before.text)
    && (cuesOf(before, 'attribute').some((c) => c.attribute === 'count') || cuesOf(before, 'operation').some((c) => c.operation === 'count'))
    && /(多少|几)[个家座所项条件只位名]$/.test(before.text);
}

/** The token before `position` (links aside) asks: a question word, or a cue that asks with one (哪一年, 什么时候, 谁). */
function askedBefore(tokens: Token[], position: number): boolean {
  for (let i = position - 1; i >= 0; i--) {
    const token = tokens[i];
    if (LINKS.has(token.text)) continue;
    return hasFunction(token, 'question') || (token.type === 'cue' && QUESTION_WORD.test(token.text) && token.cues.some((c) => c.type === 'attribute'));
  }
  return false;
}

/** The token after `position` is a content word or noun it qualifies (用户 → 身份), not a link, question, measure or punctuation. */
function modifiesNext(tokens: Token[], position: number, lexicon: ReadContext['lexicon']): boolean {
  const next = tokens[position + 1];
  if (!next || LINKS.has(next.text)) return false;
  if (next.type === 'word') return !lexicon.isFunctionWord(next.text) && /\p{Script=Han}{2,}/u.test(next.text);
  // 「营收规模」「用户数量」 measure the attribute itself: a following attribute or quantity word keeps it asked.
  return next.type === 'cue' && !/多少|几|哪|谁|什么|啥/.test(next.text)
    && !next.cues.some((c) => c.type === 'function' || c.type === 'operation' || c.type === 'attribute');
}

/**
 * Tables of the counted noun named side by side: the clause's stretches between coordinators (性能测试|和|安全测试) each
 * naming one — by number (表5-8), or as the one whose required words the stretch holds most of (密码模块测评 → 表5-7, over
 * 表5-1's 密码). Empty unless two stretches or more name different tables.
 */
function tablesSideBySide(tokens: Token[], noun: string | undefined, lexicon: Lexicon): string[] {
  if (!noun) return [];
  const stretches: Token[][] = [[]];
  for (const token of tokens) {
    if (COORDINATORS.has(token.text) || token.text === '、') stretches.push([]);
    else stretches.at(-1)!.push(token);
  }
  const candidates = [...lexicon.tables.values()].filter((t) => t.rowNouns.includes(noun));
  const named = stretches.map((stretch) => {
    const numbered = stretch.find((t): t is Extract<Token, { type: 'table' }> => t.type === 'table');
    if (numbered) return numbered.table;
    const text = compactForm(stretch.map((t) => t.text).join(''));
    const scored = candidates.map((t) => ({ id: t.id, score: t.requires.filter((w) => text.includes(compactForm(w))).length })).filter((c) => c.score > 0)
      .sort((a, b) => b.score - a.score);
    return scored.length && (scored.length === 1 || scored[0].score > scored[1].score) ? scored[0].id : undefined;
  }).filter((id): id is string => Boolean(id));
  const distinct = [...new Set(named)];
  return distinct.length >= 2 ? distinct : [];
}

/** Words that set two things side by side (「区块链和元宇宙」「5G与区块链」). */
const COORDINATORS = new Set(['和', '与', '跟', '同', '及', '以及']);

/** Words of a name jieba split (量子|霸权, 元|宇宙) that a coordinator may stand beyond. */
const COORDINATED_SPAN = 3;

/** Words after a name that say it is looked inside (「长三角里」「政策中」). */
const INSIDE = /^(里|中|里面|里头|当中|之中|内)$/;
/** Kinds of place, each containing the kinds after it. */
const PLACE_SCALE = ['cluster', 'region', 'city'];

/** The place at `position` is looked inside (里/中 after it) and a place of a smaller kind, or a group of them, is named further on. */
function scopesPlacesAfter(tokens: Token[], position: number, kind: string): boolean {
  const scale = PLACE_SCALE.indexOf(kind);
  if (scale < 0 || scale === PLACE_SCALE.length - 1 || !INSIDE.test(tokens[position + 1]?.text ?? '')) return false;
  return tokens.slice(position + 2).some((t) => cuesOf(t, 'entity').some((c) => {
    const at = PLACE_SCALE.indexOf(c.entity.split(':')[0]);
    return at > scale || c.entity.startsWith('group:');
  }));
}

/** A coordinator stands before `position` or after it, with only other words of the same name between (和|量子|霸权). */
function coordinated(tokens: Token[], position: number): boolean {
  for (const step of [-1, 1]) {
    for (let i = position + step, n = 0; i >= 0 && i < tokens.length && n < COORDINATED_SPAN; i += step, n++) {
      if (COORDINATORS.has(tokens[i].text)) return true;
      if (tokens[i].type !== 'word') break;
    }
  }
  return false;
}

/** The token after `position` (的 between or not) is a noun it qualifies: a content word, or a name, noun or synonym cue. */
function qualifiesNoun(tokens: Token[], position: number, lexicon: ReadContext['lexicon']): boolean {
  const next = tokens[position + 1]?.text === '的' ? tokens[position + 2] : tokens[position + 1];
  if (!next) return false;
  if (next.type === 'word') return !lexicon.isFunctionWord(next.text) && /\p{Script=Han}{2,}/u.test(next.text);
  return next.type === 'cue' && next.cues.some((c) => c.type === 'synonym' || c.type === 'noun' || c.type === 'entity');
}

/** Words between a period and the date word they make a condition (「2018年以来成立的」), 的 allowed after them. */
const RELATION_WORDS = /^(?:(?:及|或)?(?:之前|以前|前|之后|以后|后)|以来|起|开始)?的?$/;

/**
 * Whether the words between a period (ending at `from`) and a date word (starting at `to`) let the period be a condition on
 * that date: relation words only (「2018年以后成立的」), or those followed by a few words naming the things dated — a subject or
 * a counted noun (「2020年6月部委发布的」). `until` is where the relation words end.
 */
function datedThrough(tokens: readonly Token[], from: number, to: number): { until: number } | null {
  const gap = tokens.filter((t) => t.start >= from && t.end <= to);
  const names = (t: Token) => cuesOf(t, 'entity').length > 0 || cuesOf(t, 'noun').length > 0;
  const first = gap.findIndex(names);
  const relation = (first < 0 ? gap : gap.slice(0, first)).map((t) => t.text).join('');
  if (!RELATION_WORDS.test(relation)) return null;
  if (first < 0) return to - from <= 3 ? { until: to } : null;
  const named = gap.slice(first);
  if (!named.every(names) || named.reduce((n, t) => n + t.text.length, 0) > 6) return null;
  return { until: gap[first].start };
}

/** How the words after a period (and a 从/自 before it) bound a date condition; undefined when the date is within it. */
function dateRelation(between: string, before?: string): DateRelation | undefined {
  if (/^(以来|起|开始)$/.test(between) || /^(及|或)(以后|之后|后)$/.test(between) || (before && /^(从|自)$/.test(before) && !/^(之前|以前|前)$/.test(between))) return 'since';
  if (/^(及|或)(以前|之前|前)$/.test(between)) return 'until';
  if (/^(之前|以前|前)$/.test(between)) return 'before';
  if (/^(之后|以后|后)$/.test(between)) return 'after';
  return undefined;
}

/** How a word right before a period bounds it (「早于2017年」「不晚于2019年」), if it does. */
function relationAhead(word: string): DateRelation | undefined {
  if (/^不(早于|早过)$/.test(word)) return 'since';
  if (/^不(晚于|迟于|晚过)$/.test(word)) return 'until';
  if (/^(早于|先于|早过)$/.test(word)) return 'before';
  if (/^(晚于|迟于|晚过)$/.test(word)) return 'after';
  return undefined;
}

/** How the one or two tokens right after a period bound it (「以后」「及以前」「以来」), if they do. */
function boundAfter(tokens: Token[], position: number): DateRelation | undefined {
  for (const n of [1, 2]) {
    const next = tokens.slice(position + 1, position + 1 + n);
    if (next.length < n || next.some((t) => t.type === 'period')) return undefined;
    const relation = dateRelation(next.map((t) => t.text).join(''));
    if (relation) return relation;
  }
  return undefined;
}

/**
 * 「政务服务典型案例表」「企业分布那张表里」: the one table whose topic words (tables.tsv) the words right before 表 say — back to
 * a 的, a question or follow-up word, an operation or a punctuation mark; a demonstrative with its classifier (那张) may stand
 * between. Undefined when none or several fit equally.
 */
function tableByTopicWords(tokens: Token[], lexicon: Lexicon): { table: string } | undefined {
  const at = tokens.findIndex((t) => t.type !== 'table' && /(表|表格)(里|中|内|里面|当中)?$/.test(t.text) && !/^(哪|几|什么|啥)/.test(t.text));
  if (at < 0) return undefined;
  const head = tokens[at].text.replace(/(表|表格)(里|中|内|里面|当中)?$/, '');
  let from = at - 1;
  if (from >= 0 && /^[那这该]?[个张份]$/.test(tokens[from].text)) from--;
  if (from >= 0 && /^[那这该]$/.test(tokens[from].text)) from--;
  const run: string[] = [head];
  for (let i = from; i >= 0; i--) {
    const t = tokens[i];
    if (!['word', 'cue', 'top'].includes(t.type) || t.text === '的' || hasFunction(t, 'question') || hasFunction(t, 'followup') || hasFunction(t, 'plural')
      || cuesOf(t, 'operation').some((c) => c.operation !== 'list')) break;
    run.unshift(t.text);
  }
  const said = compactForm(run.join(''));
  if (said.length < 2) return undefined;
  const scored = [...lexicon.tables.values()].map((t) => ({ id: t.id, score: t.topics.filter((w) => w.length >= 2 && said.includes(compactForm(w))).reduce((n, w) => n + w.length, 0) }))
    .filter((t) => t.score > 0).sort((a, b) => b.score - a.score);
  return scored.length && (scored.length === 1 || scored[0].score > scored[1].score) ? { table: scored[0].id } : undefined;
}

/** More subjects or content words than any question asks of one clause (北上广深 is 4, 江浙沪皖 4): the rest are dropped. */
const MAX_SUBJECTS_PER_PART = 8;
const MAX_WORDS_PER_PART = 12;
/** The most members of named groups a part keeps (西部 is 12 provinces). */
const MAX_GROUP_MEMBERS = 16;
const MAX_FIGURES_PER_PART = 4;

/** Reads the slots of one clause (subjects, what is asked, the operation, filters, periods …). */
/**
 * compare: 「北京和广东哪个企业多」 — a which-word on a counted noun (哪个企业, read alone as asking a company) with 多/少 right after
 * it, beside two or more places named, asks which of them has more of that noun: the noun is counted and the places compared.
 */
function whichOfNamed(tokens: Token[], lexicon: Lexicon): Token[] {
  const places = tokens.filter((t) => cuesOf(t, 'entity').some((c) => ['region', 'city', 'cluster'].includes(lexicon.entities.get(c.entity)?.kind ?? ''))).length;
  if (places < 2) return tokens;
  return tokens.flatMap((token, i): Token[] => {
    const next = tokens[i + 1];
    if (!next || !/^(哪|谁)/.test(token.text) || !cuesOf(token, 'attribute').some((c) => c.attribute === 'enterprise')) return [token];
    if (!/^(更)?(多|少)(一些|些|点)?$/.test(next.text)) return [token];
    const at = token.text.length - 2;
    const noun = lexicon.longestAt(token.text, at, () => true);
    if (!noun || !noun.cues.some((c) => c.type === 'noun') || at + noun.surface.length !== token.text.length) return [token];
    return [{ start: token.start, end: token.start + at, text: token.text.slice(0, at), type: 'cue', cues: [{ type: 'operation', operation: 'compare' }] },
      { start: token.start + at, end: token.end, text: noun.surface, type: 'cue', cues: noun.cues }];
  });
}

/** The first row (in the lexicon's order) one of whose forms each form is, per lexicon: a standard's number names its row. */
/** Every classifier of a counted noun (家, 项, 笔 …). */
const classifiersOf = oncePerLexicon((lexicon) => new Set([...lexicon.classifiers.values()].flat()));

const rowsByForm = oncePerLexicon((lexicon) => {
  const rows = new Map<string, Entity>();
  for (const entity of lexicon.entities.values()) {
    if (entity.kind !== 'row') continue;
    for (const own of lexicon.formsOf(entity.id)) if (!rows.has(own)) rows.set(own, entity);
  }
  return rows;
});
function rowNamed(lexicon: Lexicon, form: string): Entity | undefined {
  return rowsByForm(lexicon).get(form);
}

function readPart(tokens: Token[], context: ReadContext): Part {
  const { lexicon } = context;
  tokens = whichOfNamed(tokens, lexicon);
  const subjects: Subject[] = [];
  const groups: Subject[] = [];
  const filters: Filter[] = [];
  const attributes: AttributeId[] = [];
  // inside: the noun is looked inside (「政策里」「金融案例中」): what the rows are.
  const nouns: { noun: string; at: number; end: number; asked: boolean; inside?: boolean }[] = [];
  const versus: PeriodSpan[] = [];
  const periods: PeriodSpan[] = [];
  const qualifiers = new Set<string>();
  const words: string[] = [];
  const unknown: string[] = [];
  const eventAsked: string[] = [];
  const figures: string[] = [];
  const labels: string[] = [];
  const people: { name: string; label: string }[] = [];
  let table: string | undefined;
  let section: string | undefined;
  let condition: Part['condition'];
  let quantity = false;
  let asksMembers = false;
  let selection = false;
  let lastPeriod: { period: PeriodSpan; end: number } | null = null;
  let shareOfOther = false;
  let lastDate: { attribute: AttributeId; end: number } | null = null;
  const measured: { attribute: AttributeId; text: string }[] = [];
  /** Where a value a column was said to be stands (「主导机构是企业」: 企业). */
  const valueAt = new Set<number>();
  const askedAmount = new Set<AttributeId>();
  const dateFilter = (attribute: AttributeId, period: PeriodSpan, until = period.end) => {
    // 「17年之前建的」「2019年以后发布的」「2018年以来成立的」「从2018年起」「2017年及以前」: the words between the period and
    // the date word (and a 从/自 before it) say how it bounds the date.
    const between = tokens.filter((t) => t.start >= period.end && t.end <= until).map((t) => t.text).join('').replace(/的$/, '');
    const from = tokens.find((t) => t.end === period.start)?.text;
    // 「早于2017年成立的」: a bounding word right before the period (jieba may split it: 早|于).
    const ahead = relationAhead(tokens.filter((t) => t.end <= period.start).slice(-2).map((t) => t.text).join('')) ?? (from ? relationAhead(from) : undefined);
    const relation = ahead ?? dateRelation(between, from);
    filters.push({ kind: 'period', attribute, period, ...(relation ? { relation } : {}) });
    const at = periods.indexOf(period);
    if (at >= 0) periods.splice(at, 1);
    // 「2018年和2019年成立的」: periods joined to this one by a coordinator are conditions on the same date (alternatives).
    for (let anchor = period, joined: PeriodSpan | undefined; (joined = periods.find((p) => p.end <= anchor.start
      && /^(和|与|跟|及|或|或者|、|以及|还有)$/.test(tokens.filter((t) => t.start >= p.end && t.end <= anchor.start).map((t) => t.text).join('')))); anchor = joined) {
      filters.push({ kind: 'period', attribute, period: joined, ...(relation ? { relation } : {}) });
      periods.splice(periods.indexOf(joined), 1);
    }
  };

  tokens.forEach((token, position) => {
    switch (token.type) {
      case 'top': {
        // 「top10里」「前十中」 names a list (表2-2's top10), a topic word rather than a ranking asked for.
        if (namesList(tokens, position)) {
          // (「前十名」 is said in the report's own form, top10, as a caption prints it.)
          words.push(token.k ? `top${token.k}` : token.text);
          selection = true;
        }
        break;
      }
      case 'period':
        // 「比2017年多几家」: the period compared with, kept apart from the one asked about.
        if (token.comparison) {
          versus.push(token.period);
          break;
        }
        // 「最近投资时间在2020年3月」: a date attribute, then the period it must fall in.
        // 「成立早于2017年」「发布晚于2019年」: a date word, a bounding word, then the period — a condition on that date.
        {
          const bounding = [1, 2].map((n) => ({ n, relation: relationAhead(tokens.slice(position - n, position).map((t) => t.text).join('')) })).find((b) => b.relation && position - b.n >= 1);
          const marker = bounding ? cuesOf(tokens[position - bounding.n - 1], 'dateMarker')[0] : undefined;
          if (bounding && marker) {
            filters.push({ kind: 'period', attribute: marker.attribute, period: token.period, relation: bounding.relation });
            break;
          }
        }
        // 「成立时间早于2017年」「成立于2017年之前」: a word before the period or after it bounds it.
        const gap = lastDate ? tokens.slice(0, position).filter((t) => t.start >= lastDate!.end).map((t) => t.text).join('') : '';
        if (lastDate && token.start - lastDate.end <= 3 && (/^(在|是|为|于)?$/.test(gap) || relationAhead(gap))) {
          const index = attributes.indexOf(lastDate.attribute);
          if (index >= 0) attributes.splice(index, 1);
          const relation = relationAhead(gap) ?? boundAfter(tokens, position);
          filters.push({ kind: 'period', attribute: lastDate.attribute, period: token.period, ...(relation ? { relation } : {}) });
          lastDate = null;
          break;
        }
        {
          // 「2018年以后的园区」「2017年及以前」: words right after a period bound it, whatever date they are then said of.
          const bound = boundAfter(tokens, position);
          const period = bound ? { ...token.period, bound } : token.period;
          periods.push(period);
          lastPeriod = { period, end: token.end };
        }
        break;
      case 'table': table = token.table; break;
      case 'section': section = token.section; break;
      case 'condition':
        // 「10家以上30家以下」「超过10家、不到30家」: a lower bound, then an upper one, are one span.
        if (condition && ['>', '>='].includes(condition.op) && condition.max === undefined && ['<', '<='].includes(token.condition.op)
          && token.condition.value > condition.value && token.condition.scale === condition.scale) {
          condition = { ...condition, max: token.condition.value, maxOp: token.condition.op as '<' | '<=' };
          break;
        }
        condition = token.condition;
        // 「1000万美元以上」: a currency said inside the condition still names the currency.
        if (token.condition.currency) qualifiers.add(token.condition.currency);
        break;
      case 'figure': figures.push(token.figure); break;
      case 'title': {
        const wanted = compactForm(token.title);
        const match = lexicon.titled(wanted);
        if (match) subjects.push({ entity: match, text: token.text });
        else words.push(token.title);
        break;
      }
      case 'standard': {
        const match = rowNamed(lexicon, token.text);
        if (match) subjects.push({ entity: match, text: token.text });
        else words.push(token.text);
        break;
      }
      case 'cue': {
        // 「融合基础设施是什么」: a joint word that joins nothing named before it names the thing asked.
        if (hasFunction(token, 'joint') && !joinsThings(tokens, position)) {
          words.push(token.text);
          break;
        }
        // 「粤苏两省加起来」「广东江苏这两个省」: a kind of place after a number of the places just named names them again — it is
        // neither the place asked nor a noun counted.
        if (namesPlacesBefore(tokens, position, subjects)) break;
        const found = subjectOf(token, lexicon);
        const group = found.find((s) => s.entity.kind === 'group');
        // multi-part and follow-up: 「占X的比重」 — what follows 占 is the whole a share is taken of, not the thing measured;
        // it narrows which sentence states the share (a word), and the part asks about what it or the part before it named.
        // share: 「腾讯专利占阿里的多少」 — a whole of the same kind as a thing named before is another figure of its kind: the
        // share of one in the other is their quotient.
        // (jieba may keep 占 on the word before it: 「专利数占」.)
        // 「审批和证照占政务项目的多少」: several things named before 占 are added up and taken of the whole after it.
        if (found.length && /占了?$/.test(tokens[position - 1]?.text ?? '') && subjects.length >= 1 && subjects.every((s) => s.entity.kind === found[0].entity.kind)
          && !subjects.some((s) => s.entity.id === found[0].entity.id)
          && ['organization', 'region', 'city', 'domain'].includes(found[0].entity.kind)) {
          subjects.push(found[0]);
          shareOfOther = true;
          if (!attributes.includes('share')) attributes.push('share');
          quantity = true;
        } else if (found.length && /^占了?$/.test(tokens[position - 1]?.text ?? '')) {
          words.push(token.text);
          if (!attributes.includes('share')) attributes.push('share');
          quantity = true;
        } else if (found.length && scopesPlacesAfter(tokens, position, found[0].entity.kind)) {
          // 「湘黔渝聚集区里川渝两地合起来占多少」「长三角里上海占多少」: a cluster or province looked inside, with places of a smaller
          // kind named after it, is the whole their shares are of — a word of the sentence that states them, not a thing asked.
          words.push(token.text);
        } else if (group) {
          // 「分布于哪四大聚集区」: 哪 before a group asks which its members are (list).
          const before = tokens[position - 1];
          if (before && hasFunction(before, 'question') && /哪/.test(before.text)) asksMembers = true;
          groups.push(group);
          for (const id of group.entity.members ?? []) {
            const member = lexicon.entities.get(id);
            if (member) subjects.push({ entity: member, text: member.name });
          }
        } else if (found.length && found[0].entity.kind === 'organization' && (/^(根据|据|依据|按照|按)$/.test(tokens[position - 1]?.text ?? '')
          || /^(预测|预计|估计|测算|统计|显示)$/.test(tokens[position + 1]?.text ?? ''))) {
          // prose-figure: 「根据IDC预测，…支出规模将达到多少」「IDC预测…要花多少」 — the organisation a figure is according to is its
          // source, not its subject.
          words.push(token.text);
        } else if (found.length) {
          subjects.push(found[0]);
        }
        for (const value of cuesOf(token, 'entity').map((c) => lexicon.entities.get(c.entity)).filter((e) => e?.kind === 'value')) {
          filters.push({ kind: 'value', entity: value!, text: token.text });
        }
        // 「2018年成立的」「2019年发布的」: a period right before a date word is a condition on that date, not a question about it.
        const marker = cuesOf(token, 'dateMarker')[0];
        // prose-figure: 「新成立企业里拿到融资的有几家」 — a date word with no period before it is no condition: the noun inside it
        // (融资) still names what the counted ones did, a topic word.
        // 「2020年6月部委发布的」「2018年杭州建的」: the things the date is of (a subject, a counted noun) may stand between the period
        // and the date word; the words right after the period still say how it bounds the date.
        const dated = marker && lastPeriod ? datedThrough(tokens, lastPeriod.end, token.start) : null;
        if (marker && !dated) {
          for (let at = 0; at < token.text.length; at++) {
            for (let end = token.text.length - (at ? 0 : 1); end > at; end--) {
              const inner = lexicon.longestAt(token.text.slice(0, end), at, () => true);
              if (!inner || !inner.cues.some((c) => c.type === 'noun')) continue;
              if (!words.includes(inner.surface)) words.push(inner.surface);
              // 「哪个细分领域的案例最多」: a noun that ends the marker (的案例) is its head, what the rows are — not what they did.
              if (at + inner.surface.length === token.text.length) {
                for (const cue of inner.cues) if (cue.type === 'noun') nouns.push({ noun: cue.noun, at: token.start + at, end: token.end, asked: false });
              }
              at += inner.surface.length - 1;
              break;
            }
          }
        }
        // 「到2019年底发了几项」: a stock up to a date (截至, 到…底) stays a period, not a date condition.
        if (marker && lastPeriod && dated && !lastPeriod.period.asOf && periods.includes(lastPeriod.period)) {
          dateFilter(marker.attribute, lastPeriod.period, dated.until);
          // 「3月份拿到融资的」「2月的案例」: a counted noun inside the marker (融资, 案例) still says what the rows are.
          for (let at = 0; at < token.text.length; at++) {
            for (let end = token.text.length - (at ? 0 : 1); end > at; end--) {
              const inner = lexicon.longestAt(token.text.slice(0, end), at, () => true);
              const innerNouns = inner?.cues.filter((c) => c.type === 'noun') ?? [];
              if (!inner || !innerNouns.length) continue;
              for (const cue of innerNouns) if (cue.type === 'noun') nouns.push({ noun: cue.noun, at: token.start + at, end: token.start + at + inner.surface.length, asked: false });
              words.push(inner.surface);
              at += inner.surface.length - 1;
              break;
            }
          }
          break;
        }
        for (const cue of cuesOf(token, 'attribute')) {
          if (DATE_ATTRIBUTES.has(cue.attribute) && lastPeriod && token.start - lastPeriod.end <= 1 && periods.includes(lastPeriod.period)) {
            dateFilter(cue.attribute, lastPeriod.period);
            continue;
          }
          // 「企业自己主导的」: a category value said with a word between its parts (企业…主导) is that value, as 「企业主导」 is.
          const { values: split, head } = lexicon.attributes.get(cue.attribute)?.kind === 'category' ? splitValue(tokens, position, lexicon) : { values: [] as Entity[], head: undefined };
          for (const value of split) if (!filters.some((f) => f.kind === 'value' && f.entity.id === value.id)) filters.push({ kind: 'value', entity: value, text: value.name });
          if (split.length && head) {
            // The word before was part of the value, not a counted noun or a topic word of its own.
            nouns.splice(0, nouns.length, ...nouns.filter((n) => n.at !== head.start));
            const at = words.lastIndexOf(head.text);
            if (at >= 0) words.splice(at, 1);
            continue;
          }
          // 「用户身份信息由谁管理」: a plain noun of an attribute the report never gives (用户), said as a modifier of the next
          // word (身份), is part of the topic, not the thing asked; 「有多少用户」「用户有多少」 still ask it.
          if (lexicon.attributes.get(cue.attribute)?.kind === 'absent' && !/多少|几|哪|谁|什么|啥/.test(token.text) && modifiesNext(tokens, position, lexicon)) {
            words.push(token.text);
            continue;
          }
          // 「主导机构是企业的」「牵头人为高校的」: a category column said to be a value it prints is a condition on the rows, also
          // where the value is a common noun (企业, 高校) that names no value by itself.
          const stated = lexicon.attributes.get(cue.attribute)?.kind === 'category' ? statedValue(tokens, position, cue.attribute, lexicon) : [];
          if (stated.length) {
            for (const value of stated) if (!filters.some((f) => f.kind === 'value' && f.entity.id === value.id)) filters.push({ kind: 'value', entity: value, text: value.name });
            valueAt.add(tokens[position + 2].start);
            continue;
          }
          if (!attributes.includes(cue.attribute)) attributes.push(cue.attribute);
          // 「流向哪些领域」 (list): a field is asked of the prose, which says it with the attribute's own word (…等领域).
          if (cue.attribute === 'field') words.push(lexicon.attributes.get(cue.attribute)?.label ?? '');
          if (MEASURES.has(cue.attribute)) {
            if (!/多少|几|哪|什么|啥|多大/.test(token.text)) measured.push({ attribute: cue.attribute, text: token.text });
            else askedAmount.add(cue.attribute);
          }
          if (DATE_ATTRIBUTES.has(cue.attribute)) lastDate = { attribute: cue.attribute, end: token.end };
          if (QUANTITY_ATTRIBUTES.has(cue.attribute) || DATE_ATTRIBUTES.has(cue.attribute)) quantity = true;
        }
        // 「是哪些地方」「有哪几个省市」 (table-extreme, table-filter-list): places right after a which-word are what is asked.
        const which = position > 0 && (hasFunction(tokens[position - 1], 'question') || cuesOf(tokens[position - 1], 'operation').some((c) => c.operation === 'list'));
        // 「多少省市印发了…」: places after 多少/几 are counted, not asked which.
        const howMany = position > 0 && /^(有)?(多少|几)$/.test(tokens[position - 1].text);
        const askedPlace = which && !howMany && !cuesOf(token, 'attribute').length && cuesOf(token, 'noun').some((c) => c.noun === '地区');
        if (askedPlace && !attributes.includes('region')) attributes.push('region');
        // A noun that is also what is asked (「哪个城市」: 城市) is the answer's kind, not what is counted.
        // 「专利最多的公司是哪家」: a noun the which-word right after it asks about is the answer's kind too.
        const next = tokens.slice(position + 1).find((t) => !['是', '为', '的'].includes(t.text));
        // 「部委政策哪个月发得最多」: a which-word asking a date (哪个月, 哪年) asks when, not which of the noun.
        const askedAfter = next !== undefined && /^(哪|谁)/.test(next.text) && !cuesOf(next, 'attribute').some((c) => DATE_ATTRIBUTES.has(c.attribute));
        // A value a column was said to be (「主导机构是企业」) is no counted noun.
        if (valueAt.has(token.start)) break;
        // 「金融案例里」「标准中」: a noun looked inside (里/中 after it) is what the rows are, even where it is also a column's word.
        const inside = /^(里|中|里面|里头|当中|之中)$/.test(tokens[position + 1]?.text ?? '');
        for (const cue of cuesOf(token, 'noun')) nouns.push({ noun: cue.noun, at: token.start, end: token.end, asked: !inside && (cuesOf(token, 'attribute').length > 0 || askedPlace || askedAfter), inside });
        for (const cue of cuesOf(token, 'qualifier')) qualifiers.add(cue.qualifier);
        // 「2018年以后」: 以后 right after a period bounds it (a date condition), it is not the future (下半年) as a topic.
        const bounding = lastPeriod !== null && token.start - lastPeriod.end <= 1 && /^(及|或)?(以后|之后)$/.test(token.text);
        if (!bounding) for (const cue of cuesOf(token, 'synonym')) words.push(...cue.canonical.split(' '));
        if (cuesOf(token, 'operation').some((c) => c.operation === 'count')) quantity = true;
        // 「多了多少」「差几家」: a difference or count cue that says 多少/几 asks for a number too; 「啥量级」 asks a magnitude.
        // 「第几次」「第几批」 ask which one the report numbers it (第十八次), not how many.
        if (/多少|几|量级/.test(token.text) && !/^第几/.test(token.text) && (hasFunction(token, 'question') || cuesOf(token, 'operation').some((c) => c.operation === 'difference'))) quantity = true;
        // A cue that is only a synonym or a noun still names the topic in the question's own words.
        for (const cue of cuesOf(token, 'label')) labels.push(cue.label);
        for (const cue of cuesOf(token, 'member')) people.push({ name: token.text, label: cue.label });
        // 「区块链公司」: a form of the counted noun the report says another way (区块链企业) is said by the report's form only — its own
        // characters (公司) would make a sentence saying 子公司 fit better than one saying the same thing as the report does.
        const restated = token.text.length > 2 && cuesOf(token, 'noun').length > 0 && cuesOf(token, 'synonym').length > 0;
        if (!found.length && !bounding && !restated && (cuesOf(token, 'synonym').length || cuesOf(token, 'noun').length || cuesOf(token, 'label').length
          || cuesOf(token, 'member').length)) words.push(token.text);
        break;
      }
      case 'word': {
        // 「汇总表里」「建设情况表」: a word naming a table by its caption's words is those words (the table is what 表 says).
        const word = token.text.length > 2 ? token.text.replace(/(表格|表)$/, '') : token.text;
        if (/^[\p{P}\p{S}\s]+$/u.test(word) || lexicon.isFunctionWord(word)) break;
        if (word.length < 2 && !/[a-z0-9]/.test(word)) break;
        // 「一个」「两家」 count; they name nothing a row or sentence prints.
        if (/^[一二两三四五六七八九十\d]+[个家项所座条]$/.test(word)) break;
        // 「那二十来天」「十几天里」: a span of days or months said in passing dates nothing the report counts by.
        if (/^[一二两三四五六七八九十百几\d]*(来|多|几)?(天|周|个月|星期)(里|内|中)?$/.test(word)) break;
        // 「2018年开始」: a word bounding the period right before it is part of a date condition, not a topic.
        if (lastPeriod && token.start - lastPeriod.end <= 1 && dateRelation(word)) break;
        // 「晚于2019年」: so is one right before a period.
        if (relationAhead(word) && tokens[position + 1]?.type === 'period') break;
        // 「研究机构家数」「融资笔数」: a classifier of counted things with 数/量 after it asks how many, as 个数 does.
        if (/^.[数量]$/u.test(word) && classifiersOf(lexicon).has(word[0])) {
          if (!attributes.includes('count')) attributes.push('count');
          quantity = true;
          break;
        }
        words.push(word);
        // A word the report never uses blocks an answer only where it is what is asked (「估值多少」「的营收是多少」),
        // never as an everyday word around the question (「编委会的顾问都有谁」).
        // 「建了」「数是」: a verb or a noun with a particle jieba kept on it is as known as its stem.
        const stem = word.replace(/[了过着是得]+$/u, '');
        if (CONTENT_WORD.test(stem) && !context.known(stem)) {
          // 「企业倒闭了多少家」: a verb right after the counted noun, 了 then the count word, is what is asked of those things.
          const happened = cuesOf(tokens[position - 1] ?? tokens[position], 'noun').length > 0 && position > 0 && tokens[position + 1]?.text === '了' && asksAbout(tokens, position + 1);
          if (asksAbout(tokens, position) || countedAfter(tokens, position) || namesThing(tokens, position, stem, context) || happened) unknown.push(word);
          // 「区块链是哪一年诞生的」: right after a which-word, it is the event asked about (kept only if the part names nothing).
          // 「哪些外国的隐私法」: a word qualifying the noun after it (的 between or not) is not the thing asked; that noun is.
          else if (askedBefore(tokens, position) && !qualifiesNoun(tokens, position, lexicon)) eventAsked.push(word);
          // 「区块链和元宇宙有什么关系」: a thing set beside another by 和/与/跟 is one of the things asked about, not an everyday word.
          else if (coordinated(tokens, position)) unknown.push(word);
        }
        break;
      }
      default: break;
    }
  });
  // 「哪个厅发的」「哪个单位出的」「哪家出台的」: a which-word right before a word of publishing — alone, with a word of an office
  // between (厅, 局, 单位), or itself asking an organisation (哪家, 哪个单位) — asks who published it, not a person's unit.
  tokens.forEach((token, i) => {
    if (!cuesOf(token, 'dateMarker').some((c) => c.attribute === 'published') || i === 0) return;
    const before = tokens[i - 1];
    const office = before.type === 'word' && lexicon.isFunctionWord(before.text, 'agency') && i >= 2 && hasFunction(tokens[i - 2], 'question') && /^哪/.test(tokens[i - 2].text);
    const asker = /^(哪|谁)/.test(before.text) && (hasFunction(before, 'question') || cuesOf(before, 'attribute').some((c) => WHO_ATTRIBUTES.has(c.attribute)));
    if (!office && !asker) return;
    for (const a of WHO_ATTRIBUTES) if (attributes.includes(a)) attributes.splice(attributes.indexOf(a), 1);
    if (!attributes.includes('publisher')) attributes.push('publisher');
  });
  // 「多少新的区块链公司」: a bare 多少 before a counted noun, nothing else asked of it, asks how many of it, as 多少家 does.
  if (!attributes.length && !subjects.length && !groups.length && tokens.some((t, i) => /^(多少|几)$/.test(t.text) && countsNounAfter(tokens, i))) attributes.push('count');
  // 「产业规模比去年同期涨了多少」「融资金额占比」 (prose-figure, share): beside a growth or share asked, an amount's phrase
  // names the thing measured — its words are the topic the figure's sentence must state, not a second thing asked.
  const ofAmount = attributes.some((a) => a === 'growth' || a === 'share');
  // 「2021年产业规模能到多少」: an amount's phrase that names what it measures is a topic word too.
  if (!ofAmount) for (const m of measured) if (m.text.length >= 3 && !words.includes(m.text)) words.push(m.text);
  if (ofAmount) {
    for (const m of measured) {
      // A short amount word (支出, 规模) beside a growth only names what grows; a short count word (数量及比例) is still asked.
      if (m.attribute === 'growth' || m.attribute === 'share' || (m.text.length < 3 && m.attribute !== 'money')) continue;
      words.push(m.text);
      // Its amount is not asked unless another of its cues asks for it.
      if (!measured.some((o) => o.attribute === m.attribute && o.text !== m.text) && !askedAmount.has(m.attribute)) attributes.splice(attributes.indexOf(m.attribute), 1);
    }
  }
  // Work per question is bounded (a message of report words names dozens of things): a part keeps the first few.
  // A group named as such (西部: 12 provinces) keeps all its members; the lexicon bounds its size.
  const groupMembers = groups.reduce((n, g) => n + (g.entity.members?.length ?? 0), 0);
  const uniqueSubjects = subjects.filter((s, i) => subjects.findIndex((o) => o.entity.id === s.entity.id) === i)
    .slice(0, Math.max(MAX_SUBJECTS_PER_PART, Math.min(groupMembers, MAX_GROUP_MEMBERS)));
  // 「上海树图研究院是企业牵头还是政府牵头」: values offered as choices about a named row ask for that row's column.
  const row = uniqueSubjects.find((s) => s.entity.kind === 'row');
  if (row) {
    const choices = filters.filter((f) => f.kind === 'value' && f.entity.table === row.entity.table);
    const offered = new Set(choices.map((f) => (f.kind === 'value' ? f.entity.id : '')));
    if (offered.size >= 2 || (offered.size === 1 && filters.some((f) => f.kind === 'value' && f.entity.table !== row.entity.table))) {
      const column = lexicon.tables.get(row.entity.table!)?.columns[choices[0].kind === 'value' ? choices[0].entity.column ?? -1 : -1];
      if (column && !attributes.includes(column)) attributes.push(column);
      filters.splice(0, filters.length, ...filters.filter((f) => f.kind !== 'value'));
    }
  }
  // 「上海树图研究院」: a place inside a named row's name is part of that name, not a subject of its own.
  if (row) {
    const name = compactForm(row.entity.name);
    const kept = uniqueSubjects.filter((s) => s === row || !(['region', 'city'].includes(s.entity.kind) && name.includes(compactForm(s.entity.name))));
    uniqueSubjects.splice(0, uniqueSubjects.length, ...kept);
  }
  // 「表4-2里数据共享的案例」: in a named table, a domain that is one of its category values is that condition, not a subject too.
  if (table) {
    const kept = uniqueSubjects.filter((s) => s.entity.kind !== 'domain' || !filters.some((f) => f.kind === 'value' && f.entity.table === table && f.entity.name === s.entity.name));
    uniqueSubjects.splice(0, uniqueSubjects.length, ...kept);
  }
  // 「政府主导的多还是企业主导的多」「谁牵头的多，政府还是企业」: values of one column offered as choices (还是) with 多/少 ask
  // which of them has more rows — bare values (政府, 企业) beside 还是 included where a category column is asked.
  const offered = offeredChoice(tokens, attributes, filters, lexicon);
  for (const value of offered?.values ?? []) if (!filters.some((f) => f.kind === 'value' && f.entity.id === value.entity.id)) filters.push(value);
  if (offered?.values.length) {
    const at = new Set(offered.values.map((v) => v.text));
    nouns.splice(0, nouns.length, ...nouns.filter((n) => !tokens.some((t) => t.start === n.at && at.has(t.text))));
    attributes.splice(0, attributes.length, ...attributes.filter((a) => !offered.values.some((v) => v.entity.id === `value:${v.entity.table}:${a}:${v.entity.name}`)));
  }
  // Values of other tables than a named row's are not conditions on it.
  if (row) filters.splice(0, filters.length, ...filters.filter((f) => f.kind !== 'value' || f.entity.table === row.entity.table));
  // 「政府、企业、高校各几家」 of 研究机构: a noun listed beside a category value (、 between) is one more value of a table of
  // the other noun counted, not what is counted.
  for (const n of [...nouns]) {
    const at = tokens.findIndex((t) => t.start === n.at);
    const valueBeside = (step: number) => tokens[at + step]?.text === '、' && filters.some((f) => f.kind === 'value' && f.text === tokens[at + 2 * step]?.text);
    if (at < 0 || (!valueBeside(-1) && !valueBeside(1))) continue;
    const form = compactForm(tokens[at].text);
    const value = nouns.filter((m) => m.noun !== n.noun).flatMap((m) => [...lexicon.tables.values()].filter((t) => t.rowNouns.includes(m.noun)))
      .flatMap((t) => t.columns.map((a) => (a ? lexicon.entities.get(`value:${t.id}:${a}:${form}`) : undefined))).find((e) => e?.kind === 'value');
    if (!value) continue;
    nouns.splice(nouns.indexOf(n), 1);
    filters.push({ kind: 'value', entity: value, text: tokens[at].text });
    if (words.includes(tokens[at].text)) words.splice(words.indexOf(tokens[at].text), 1);
  }
  // 「粤苏浙鲁加起来占新成立303家的多少」: 占, a whole said in between (a qualifier, a figure), then 的多少/几成 asks a share.
  const within = tokens.findIndex((t) => /^占了?$/.test(t.text));
  if (within >= 0 && !attributes.includes('share')) {
    const rest = tokens.slice(within + 1, within + 7);
    const asked = rest.findIndex((t) => /^(的)?(多少|几成|百分之几|多大比例)$/.test(t.text) || (t.text === '的' && /^(多少|几成)$/.test(rest[rest.indexOf(t) + 1]?.text ?? '')));
    if (asked >= 0) {
      attributes.push('share');
      quantity = true;
    }
  }
  // 「GB/T开头的」「T/SCCIA打头的」: letters of a code right before a word of beginning select the rows whose number begins so.
  tokens.forEach((token, i) => {
    if (!/^(开头|打头|字头|起头|为首)$/.test(token.text)) return;
    let from = i;
    while (from > 0 && /^[a-z0-9/]+$/i.test(tokens[from - 1].text) && tokens[from - 1].end === tokens[from].start) from--;
    const code = tokens.slice(from, i).map((t) => t.text).join('');
    if (!/[a-z]/i.test(code)) return;
    filters.push({ kind: 'prefix', text: code });
    for (const t of tokens.slice(from, i)) if (words.includes(t.text)) words.splice(words.indexOf(t.text), 1);
  });
  // 「编号是GM/T的」「GM/T编号的」「标准号为GB/T的」: the letters of a code with its slash (a standard's series), said as the number
  // (编号) is or right before it, select the rows whose number begins so — as 「GM/T开头的」 does.
  tokens.forEach((token, i) => {
    if (filters.some((f) => f.kind === 'prefix') || !cuesOf(token, 'attribute').some((c) => c.attribute === 'number')) return;
    const code = (from: number, step: 1 | -1) => {
      const run: Token[] = [];
      for (let j = from; j >= 0 && j < tokens.length && /^[a-z0-9/]+$/i.test(tokens[j].text) && (!run.length || (step > 0 ? run[run.length - 1].end === tokens[j].start : tokens[j].end === run[0].start)); j += step) {
        if (step > 0) run.push(tokens[j]);
        else run.unshift(tokens[j]);
      }
      return run;
    };
    const after = code(/^(是|为)$/.test(tokens[i + 1]?.text ?? '') ? i + 2 : i + 1, 1);
    const run = after.length ? after : code(i - 1, -1);
    const text = run.map((t) => t.text).join('');
    if (!/[a-z]/i.test(text) || !text.includes('/')) return;
    filters.push({ kind: 'prefix', text });
    for (const t of run) if (words.includes(t.text)) words.splice(words.indexOf(t.text), 1);
    // The number then selects the rows; it is not asked of them.
    if (attributes.includes('number')) attributes.splice(attributes.indexOf('number'), 1);
  });
  // 「这两个城市加起来」「这几家公司」: a noun right after a counted plural demonstrative names the kind of the things pointed at (a
  // pronoun's), not what is counted or asked.
  tokens.forEach((token, i) => {
    const next = tokens[i + 1];
    // (Counted: 这两个, 那几家 — 「那些典型案例里」 names the things themselves.)
    // (「杭州那几个园区」: after a thing named, the demonstrative points within it — its noun is what is asked.)
    if (!next || next.start !== token.end || !/^[这那]([两俩几二三四五六七八九十])/.test(token.text) || !hasFunction(token, 'plural') || !cuesOf(next, 'noun').length
      || (i > 0 && cuesOf(tokens[i - 1], 'entity').length)) return;
    nouns.splice(0, nouns.length, ...nouns.filter((n) => n.at !== next.start));
    for (const cue of cuesOf(next, 'attribute')) if (attributes.includes(cue.attribute)) attributes.splice(attributes.indexOf(cue.attribute), 1);
    if (words.includes(next.text)) words.splice(words.indexOf(next.text), 1);
  });
  // 「哪两个部门发得最多」: a which-word with a number right before a noun whose things a column names (部委 → 发布主体), with
  // another noun counted, ranks that column's values — the rows grouped by it.
  let rankedBy: AttributeId | undefined;
  for (const n of nouns) {
    const at = tokens.findIndex((t) => t.start === n.at);
    const before = tokens[at - 1];
    const column = lexicon.files.nouns.find((c) => c.noun === n.noun)?.column;
    // 「发政策最多的部门」: so does such a noun right after the ranking word (最多的), closing the clause.
    const ranking = before?.text === '的' ? tokens[at - 2] : before;
    const afterRanking = ranking !== undefined && cuesOf(ranking, 'operation').some((c) => c.operation === 'max' || c.operation === 'min')
      && tokens.slice(at + 1).every((t) => t.type === 'punctuation' || t.text === '是' || hasFunction(t, 'question'));
    if (!column || !((before?.type === 'top' && before.which && before.end === n.at) || afterRanking) || !nouns.some((m) => m.noun !== n.noun)) continue;
    rankedBy = column;
    nouns.splice(nouns.indexOf(n), 1);
    if (words.includes(tokens[at].text)) words.splice(words.indexOf(tokens[at].text), 1);
    break;
  }
  // 「政务服务典型案例表一共多少个案例」「密码模块测评标准表里」: a table named by words of its topic right before 表 is that table.
  const captioned = table ? undefined : tableByTopicWords(tokens, lexicon);
  if (captioned) {
    table = captioned.table;
    // 表 then names where the rows are, not what is counted.
    nouns.splice(0, nouns.length, ...nouns.filter((n) => n.noun !== '表'));
  }
  // 「产业园那个表」「部委那张政策表」: a table pointed at (那个/这张 before it) names where the rows are, not what is counted —
  // the other noun is (「几张表」「表有几个」 still count tables).
  const pointed = nouns.filter((n) => {
    if (n.noun !== '表') return false;
    // The words before 表 back to a demonstrative, a noun of what the table holds (政策) allowed between.
    const before = tokens.filter((t) => t.end <= n.at).reverse();
    const skipped = before.findIndex((t) => !cuesOf(t, 'noun').length && !/^[个张份]$/.test(t.text));
    return skipped >= 0 && skipped <= 2 && /^[那这该][个张份]?$/.test(before[skipped].text);
  });
  if (pointed.length && nouns.some((n) => n.noun !== '表')) nouns.splice(0, nouns.length, ...nouns.filter((n) => !pointed.includes(n)));
  // The thing counted is the noun after 多少/几 when there is one, else the last noun named.
  // (「研究机构里参与的高校有多少所」: a count word is where the question asks too.)
  const askAt = tokens.find((t) => hasFunction(t, 'question') || cuesOf(t, 'attribute').length || cuesOf(t, 'operation').some((c) => c.operation === 'count'))?.start ?? -1;
  // 「地方专项政策」「园区的企业」: of two nouns in a row (的 between at most) the second is the head, the first a modifier.
  // 「部委发布的政策」「企业主导的产业园」: a noun whose things a column of the next noun's table names (部委 → 发布主体 of the
  // policies), a date word or a verb between them, says who did it — the next noun is the head, also where it is asked.
  const doer = (n: (typeof nouns)[number]) => {
    const column = lexicon.files.nouns.find((c) => c.noun === n.noun)?.column;
    return column !== undefined && nouns.some((m) => m.at > n.at && m.at - n.end <= 4 && m.noun !== n.noun
      && [...lexicon.tables.values()].some((t) => t.rowNouns.includes(m.noun) && t.columns.includes(column))
      && (tokens.some((t) => t.start >= n.end && t.end <= m.at && /的$/.test(t.text))
        // 「部委发政策」: a verb alone between them (no coordinator) says the same.
        || tokens.filter((t) => t.start >= n.end && t.end <= m.at).every((t, i, gap) => gap.length === 1 && t.type !== 'cue'
          && !COORDINATORS.has(t.text) && /^\p{Script=Han}{1,2}$/u.test(t.text))));
  };
  // 「新注册企业中获得投融资的数量」: a noun right after a verb of getting (获得, 拿到), another noun named before it, is what those
  // things got — they are what is counted.
  const got = (n: (typeof nouns)[number]) => nouns.some((m) => m.at < n.at && m.noun !== n.noun)
    && tokens.some((t) => t.end === n.at && t.type === 'word' && lexicon.isFunctionWord(t.text, 'obtain'));
  const counted = nouns.filter((n, i) => !n.asked && !doer(n) && !got(n) && !nouns.slice(i + 1).some((m) => m.noun !== n.noun && !m.asked
    && /^的?$/.test(tokens.filter((t) => t.start >= n.end && t.end <= m.at).map((t) => t.text).join(''))));
  // 「企业里几家拿到了融资」: the classifier of the count word (家) says which noun it counts — not one it never counts (融资: 笔).
  // 「有多少|条」: jieba may leave the classifier a token of its own, right after the count word.
  const countWord = tokens.findIndex((t) => t.start >= askAt && cuesOf(t, 'operation').some((c) => c.operation === 'count') && /^(有)?(多少|几)(.)?$/.test(t.text));
  const classifier = countWord < 0 ? undefined : /(多少|几)$/.test(tokens[countWord].text)
    ? (tokens[countWord + 1]?.start === tokens[countWord].end ? tokens[countWord + 1].text.slice(0, 1) : undefined) : tokens[countWord].text.slice(-1);
  const countable = classifier ? counted.filter((n) => (lexicon.classifiers.get(n.noun) ?? []).includes(classifier)) : counted;
  const measuredBy = countable.length && countable.length < counted.length ? countable : counted;
  let noun = (measuredBy.find((n) => n.at > askAt) ?? measuredBy.at(-1) ?? nouns.find((n) => n.at > askAt) ?? nouns.at(-1))?.noun;
  // 「地方专项政策里5月出台的有几个地方」: places counted of the rows of a noun looked inside (政策里) are the places those rows
  // are of — the noun stays what the rows are, and their places are asked (as 「出台政策的地方有几个」 reads).
  if (noun === '地区') {
    const looked = nouns.find((n) => n.noun !== '地区' && n.at < askAt && n.inside);
    if (looked) {
      noun = looked.noun;
      if (!attributes.includes('region')) attributes.unshift('region');
    }
  }
  // 「杭州哪家产业园成立最早」: 哪 + the classifier of another counted noun (产业园 takes 家) asks which one of that noun,
  // not which company (the 企业 column); only with companies counted, or no noun, is 哪家 the company.
  const whichOne = tokens.find((t) => /^哪(.)$/.test(t.text) && cuesOf(t, 'attribute').some((c) => c.attribute === 'enterprise'));
  if (whichOne && noun && noun !== '企业' && (lexicon.classifiers.get(noun) ?? []).includes(whichOne.text.slice(-1))) {
    attributes.splice(attributes.indexOf('enterprise'), 1);
  }
  const whichClassifier = whichOne && !noun ? whichOne.text.slice(-1) : undefined;
  // 「多少个平台」: a word that is the counted noun is not also the asked attribute (平台 as a 项目平台 column).
  const countedTokens = tokens.filter((t) => cuesOf(t, 'noun').length && cuesOf(t, 'attribute').length);
  if (quantity && countedTokens.length) {
    for (const token of countedTokens) {
      for (const cue of cuesOf(token, 'attribute')) {
        const at = attributes.indexOf(cue.attribute);
        if (at >= 0 && !QUANTITY_ATTRIBUTES.has(cue.attribute) && !DATE_ATTRIBUTES.has(cue.attribute) && !['province', 'region', 'city'].includes(cue.attribute)) attributes.splice(at, 1);
      }
    }
  }
  // 「专利多大规模」「产业园体量多大」: a size asked of things counted (专利 by 项, 产业园 by 家) is how many there are; only of an
  // amount (产业, 市场, 融资: counted by 笔, a classifier of sums) is it money. Only where every word asking the amount is a size
  // word (not 金额, 多少钱).
  const moneyWords = tokens.filter((t) => cuesOf(t, 'attribute').some((c) => c.attribute === 'money'));
  if (noun && !(lexicon.classifiers.get(noun) ?? []).includes(SUM_CLASSIFIER) && attributes.includes('money') && moneyWords.length && moneyWords.every((t) => lexicon.isFunctionWord(t.text, 'size'))) {
    attributes.splice(attributes.indexOf('money'), 1, ...(attributes.includes('count') ? [] : ['count' as const]));
    quantity = true;
  }
  // 「是哪年成立的」: the generic 是哪年 gives way to the named kind of date (成立时间).
  if (attributes.includes('date') && attributes.some((a) => a !== 'date' && DATE_ATTRIBUTES.has(a))) attributes.splice(attributes.indexOf('date'), 1);
  // 「项目数」「百度区块链专利数」 (table-count, prose-figure): a counted noun followed by 数 asks for its count.
  if (!attributes.includes('count') && tokens.some((t, i) => t.text === '数' && i > 0 && cuesOf(tokens[i - 1], 'noun').length)) {
    attributes.push('count');
    quantity = true;
  }
  // 「北京、广东、上海等地区块链企业…的原因」: the region of regions is no question (explain); 地区 there only names them.
  if (attributes.includes('region') && uniqueSubjects.length && uniqueSubjects.every((s) => s.entity.kind === 'region')) attributes.splice(attributes.indexOf('region'), 1);
  // 「有几家」「多少个」 ask for a count even where the count is read as the operation.
  if (tokens.some((t) => cuesOf(t, 'operation').some((c) => c.operation === 'count')) && !attributes.includes('count')
    && !attributes.some((a) => QUANTITY_ATTRIBUTES.has(a))) attributes.push('count');
  // 「美元融资加起来多少」 (currency, table-sum): a currency named and a total asked, with nothing else asked, adds amounts.
  if (!attributes.length && [...qualifiers].some((q) => CURRENCY_QUALIFIERS.has(q)) && tokens.some((t) => cuesOf(t, 'operation').some((c) => c.operation === 'sum'))) {
    attributes.push('money');
    quantity = true;
  }
  // 「这几家的融资加起来」: a total of things counted by 笔 (sums of money), no count asked (多少笔, 几次), adds their amounts.
  if (!attributes.length && noun && (lexicon.classifiers.get(noun) ?? []).includes(SUM_CLASSIFIER) && tokens.some((t) => cuesOf(t, 'operation').some((c) => c.operation === 'sum'))
    && !tokens.some((t) => /多少|几/.test(t.text))) {
    attributes.push('money');
    quantity = true;
  }
  // 「最早的三家」「最晚成立的两个」 (table-topk): the top-k is by a date, the date asked if none is named.
  const dated = tokens.some((t) => (t.type === 'top' || t.type === 'ordinal') && t.dated)
    || (tokens.some((t) => t.type === 'top') && tokens.some((t) => cuesOf(t, 'operation').some((c) => c.operation === 'earliest' || c.operation === 'latest')));
  if (dated && !attributes.some((a) => DATE_ATTRIBUTES.has(a))) attributes.push('date');
  // 「专利分在哪几类」「集中在哪几个IPC分类」 (list): kinds asked with 在哪 before them ask which kinds, not where — a place read
  // from the which-word, with no word naming a kind of place (城市, 省), is dropped, and so is a count of the kinds.
  if (kindsAsked(tokens) && !tokens.some((t) => cuesOf(t, 'noun').some((c) => c.noun === '地区'))) {
    const kept = attributes.filter((a) => !['city', 'region', 'province', 'count'].includes(a));
    if (kept.length < attributes.length) {
      attributes.splice(0, attributes.length, ...kept);
      quantity = attributes.some((a) => QUANTITY_ATTRIBUTES.has(a) || DATE_ATTRIBUTES.has(a));
    }
  }
  let operation = operationOf(tokens, uniqueSubjects, attributes, Boolean(noun), quantity);
  // 「有哪些场景」「都有哪些企业」: the word right after a which-word that lists is the kind of the members asked.
  const which = tokens.findIndex((t) => /(些|几|什么)$/.test(t.text) && cuesOf(t, 'operation').some((c) => c.operation === 'list'));
  const kindWord = which >= 0 && (tokens[which + 1]?.type === 'word' || tokens[which + 1]?.type === 'cue') && /^\p{Script=Han}{2,}$/u.test(tokens[which + 1].text)
    ? tokens[which + 1].text : undefined;
  if (offered && !row && twoValuesOfOneColumn(filters)) operation = { operation: offered.order === 'asc' ? 'min' : 'max', explicit: true, order: offered.order };
  // 「企业数前三的省份占全国多少」: the share of the whole asked of the top k together (占, no 各/分别/每) is their shares added up.
  // (「占比最高的两块」: 占比 there is what ranks them, not a share asked of them together.)
  const topAt = tokens.findIndex((t) => t.type === 'top');
  if (operation.operation === 'topk' && operation.rank && operation.rank < SORT_ALL && !operation.fromRank && attributes.includes('share') && !uniqueSubjects.length
    && tokens.some((t, i) => i > topAt && topAt >= 0 && /^占/.test(t.text) && t.text !== '占比' && (/^占了?$/.test(t.text) || cuesOf(t, 'attribute').some((c) => c.attribute === 'share'))) && !tokens.some((t) => hasFunction(t, 'each') || /^(分别|各自|各有|各占|分别占)$/.test(t.text))) {
    operation = { ...operation, operation: 'sum' };
  }
  // 「山东专利是上年同期的几倍」: a multiple asked of one thing, with no second to divide by, is the multiple the report states
  // (a growth), not a count of its noun.
  if (operation.operation !== 'ratio' && tokens.some((t) => cuesOf(t, 'operation').some((c) => c.operation === 'ratio'))) {
    const kept = attributes.filter((a) => a !== 'count');
    attributes.splice(0, attributes.length, ...kept);
    if (!attributes.includes('growth')) attributes.push('growth');
    quantity = true;
  }
  if (asksMembers && !operation.explicit) operation = { operation: 'list', explicit: true };
  // 「以美元计的那几笔加起来多少」「有人民币数额的几家合计多少」: what is added up in a currency named is amounts, not the things counted.
  if (operation.operation === 'sum' && [...qualifiers].some((q) => CURRENCY_QUALIFIERS.has(q)) && attributes.every((a) => a === 'count' || a === 'money')) {
    attributes.splice(0, attributes.length, 'money');
    quantity = true;
  }
  // 「四大聚集区叫啥」「那两项国际标准叫什么」: the names of a set of several (a group, or a number of them said) are its members listed.
  const several = groups.length > 0 || tokens.some((t) => /^[两二三四五六七八九十]+[大项个类家种位所部条座]$/.test(t.text));
  if (!operation.explicit && operation.operation === 'lookup' && several && attributes.length > 0 && attributes.every((a) => a === 'title')
    && !tokens.some((t) => hasFunction(t, 'shared'))
    && uniqueSubjects.filter((s) => s.entity.kind !== 'domain').length !== 1) {
    operation = { operation: 'list', explicit: true };
    attributes.splice(0, attributes.length);
  }
  if (shareOfOther && uniqueSubjects.length >= 2) operation = { operation: 'ratio', explicit: true };
  // 「广东加北京占多少」「粤加京有几家」: 加 standing between two things named adds them (not 加快, 增加: words of their own).
  const plus = tokens.some((t, i) => /^加上?$/.test(t.text) && i > 0 && cuesOf(tokens[i - 1], 'entity').length > 0 && tokens[i + 1] !== undefined && cuesOf(tokens[i + 1], 'entity').length > 0);
  if (plus && uniqueSubjects.length >= 2 && ['lookup', 'count', 'compare'].includes(operation.operation)) operation = { operation: 'sum', explicit: true };
  // 「上海区块链企业」: a place and a counted noun with no question word ask for the count.
  if (!operation.explicit && operation.operation === 'explain' && noun && uniqueSubjects.some((s) => ['region', 'city', 'cluster'].includes(s.entity.kind))) {
    operation = { operation: 'lookup', explicit: false };
    attributes.push('count');
    quantity = true;
  }
  // 「那个10亿的基金是干啥的」: what a figure the question states is for is told by its sentence (定位 is a column of table rows).
  if (!operation.explicit && attributes.length && attributes.every((a) => a === 'positioning') && figures.length && !table
    && !uniqueSubjects.some((s) => s.entity.kind === 'row')) {
    operation = { operation: 'explain', explicit: true };
    attributes.length = 0;
    quantity = false;
  }
  // 「表5-7总条数」「带聚龙链的有几项」: a count of no named subject, of a table or a counted noun, counts rows.
  if (!operation.explicit && operation.operation === 'lookup' && attributes.includes('count') && !uniqueSubjects.length && (noun || table || words.length)) {
    operation = { operation: 'count', explicit: false };
  }
  // 「表5-3最后一项」「表5-1第一个是啥」「表2-1倒数第二行」 (table-attribute): a place in a named table, no row named, asks for
  // that printed row (counted from the end when 最后/倒数).
  const place = table && !uniqueSubjects.length && !filters.length && !periods.length ? rowPlace(tokens.map((t) => t.text).join('')) : undefined;
  if (place !== undefined) {
    operation = { operation: 'lookup', explicit: true };
    // The place words (第一项) say which row, not what it is about.
    for (const list of [words, unknown]) list.splice(0, list.length, ...list.filter((w) => !ROW_PLACE.test(w) && !/^(最后|最末|末尾|倒数)$/.test(w)));
  }
  // 「表4-1 2020年1月的案例」「表5-3里2020年那项」 (table-filter-list): a named table narrowed by a period or a value, nothing else
  // asked, asks for the rows it selects.
  // 「牵头人为高校的研究机构」「2019年以后成立的园区」: so too a counted noun narrowed by a condition on its rows.
  // 「表5-8里2020年新增的那项是啥」: 是啥 there asks which row it is, not a definition.
  if ((!operation.explicit || operation.operation === 'define') && ['explain', 'define'].includes(operation.operation) && (table || (noun && filters.length))
    && !attributes.length && (periods.length || filters.length)
    // 「表4-3里跟电子存证有关的案例」: a domain that is also a category value of the named table is that value, not a subject to explain.
    && uniqueSubjects.every((s) => table && filters.some((f) => f.kind === 'value' && f.entity.table === table && f.entity.name === s.entity.name))) {
    operation = { operation: 'list', explicit: false };
  }
  // 「说说杭州那几个产业园」「介绍一下表2-1的研究机构」「讲讲2020年成立的园区」: words that only ask to be told, of the things a
  // table's rows are, narrowed by the table named, a condition on the rows or a place they are in, ask for those rows — not
  // an explanation from the prose. A reason or a purpose asked (为什么, 作用) stays an explanation.
  const explainCues = tokens.filter((t) => cuesOf(t, 'operation').some((c) => c.operation === 'explain'));
  if (operation.operation === 'explain' && noun && !attributes.length && !quantity && explainCues.length > 0 && explainCues.every((t) => hasFunction(t, 'present'))
    && !tokens.some((t) => hasFunction(t, 'why'))
    && [...lexicon.tables.values()].some((t) => t.rowNouns.includes(noun!) && (table ? t.id === table : t.complete))
    && (table || filters.length || periods.length
      || (uniqueSubjects.length > 0 && uniqueSubjects.every((s) => PLACE_SCALE.includes(s.entity.kind))))) {
    operation = { operation: 'list', explicit: true };
  }
  // 「5月份发文的都有谁」「部委政策都是谁发的」: who is asked of things a table names by their titles (政策) — the one who issued
  // each (发布主体, or the place of a local policy), not the titles alone.
  const whoAsked = tokens.some((t) => /谁/.test(t.text) && (cuesOf(t, 'operation').some((c) => c.operation === 'list') || hasFunction(t, 'question')));
  if (whoAsked && operation.operation === 'list' && !attributes.length) {
    const own = [...lexicon.tables.values()].filter((t) => (table ? t.id === table : noun !== undefined && t.rowNouns.includes(noun)));
    // (A local policy's issuer is its place: 表1-2 names no 发布主体.)
    if (own.length && own.every((t) => t.columns.includes('title') && (t.columns.includes('publisher') || t.columns.includes('region')))) {
      for (const who of ['publisher', 'region'] as const) if (own.some((t) => t.columns.includes(who))) attributes.push(who);
    }
  }
  // 「表2-1的研究机构」「5月份的部委政策」: a noun phrase alone (no question word, nothing asked of it) naming the things a table's
  // rows are, by the table or narrowed to one month, asks for those rows.
  // 「工业互联网项目中2020年的是谁的项目」: so does one with a which- or who-word, narrowed by a period or a value; a field that is what
  // the whole table is about (工业互联网 for its projects) only names the table.
  const whichWord = tokens.some((t) => hasFunction(t, 'question') && /^(谁|哪些|哪几)/.test(t.text));
  const rowTables = noun ? [...lexicon.tables.values()].filter((t) => t.rowNouns.includes(noun!) && (!table || t.id === table)) : [];
  const topical = (s: Subject) => rowTables.some((t) => t.topics.includes(s.entity.name));
  if (!operation.explicit && operation.operation === 'explain' && noun && !attributes.length && !quantity && rowTables.length
    && uniqueSubjects.every(topical) && (uniqueSubjects.length === 0 || whichWord)
    && (table || periods.some((p) => p.from === p.to && !p.asOf && !p.bound) || (whichWord && (periods.length || filters.length)))) {
    operation = { operation: 'list', explicit: false };
  }
  // 「哪些企业的应用类型有二手交易」: a which-plural said as one word with what it asks (哪些企业) lists the rows selected.
  if (!operation.explicit && operation.operation === 'lookup' && !uniqueSubjects.length && (filters.length || condition)
    && tokens.some((t) => /^(哪些|哪几)/.test(t.text) && cuesOf(t, 'attribute').length)) {
    operation = { operation: 'list', explicit: true };
  }
  const tables = quantity && ['count', 'sum', 'lookup'].includes(operation.operation) && !uniqueSubjects.length ? tablesSideBySide(tokens, noun, lexicon) : [];
  const ranked = ['max', 'min', 'topk', 'rank'].includes(operation.operation);
  // 「每个城市各有几个」「各省分别有几个产业园」「按主导机构分各有多少」: a count for each value of a column — every group, not
  // a ranking of them; only where no subject names which value is meant.
  // 「工业互联网项目按年份分」「金融案例每个月各几个」: a field that is what the rows are of scopes them; it names no group.
  // 「浙江的园区按城市分各几个」: a place of a coarser scale than the places grouped by (a province, by its cities) scopes the
  // rows too; only a subject the groups could be of names which value is meant.
  const scopeOf = (s: Subject, group: AttributeId) => s.entity.kind === 'domain'
    || (PLACE_SCALE.includes(s.entity.kind) && PLACE_SCALE.indexOf(s.entity.kind) < PLACE_SCALE.indexOf(group === 'province' ? 'region' : group));
  const valueSubjects = uniqueSubjects.filter((s) => s.entity.kind !== 'domain');
  // (「各部委分别发了几个」: a noun whose things a column names — 部委 → 发布主体 — groups by that column where each is asked on
  // its own, 分别/各自; 「各部委一共发了多少」 asks the total.)
  const distributive = tokens.some((t) => /^(分别|各自|各有)$/.test(t.text));
  // (「各」 left a plain word by the segmenter is still the each-word of function-words.tsv.)
  const eachWord = (t: Token) => t.type === 'word' && lexicon.files.functionWords.some((c) => c.class === 'each' && c.words.includes(t.text));
  const groupable = (t: Token | undefined) => (t ? [...cuesOf(t, 'attribute').map((c) => c.attribute),
    ...cuesOf(t, 'noun').filter(() => distributive).flatMap((c) => lexicon.files.nouns.find((n) => n.noun === c.noun)?.column ?? [])].find((a) => GROUPABLE.has(a) && !DATE_ATTRIBUTES.has(a)) : undefined);
  // (「按所在城市」「按投资轮次」: one plain word may stand between 按 and the column's word.)
  const columnAfter = (i: number) => {
    const next = tokens[i + 1];
    if (next?.start !== tokens[i].end) return undefined;
    if (/^按照?$/.test(tokens[i].text) && next.type === 'word' && next.text.length <= 2 && tokens[i + 2]?.start === next.end) return groupable(next) ?? groupable(tokens[i + 2]);
    return groupable(next);
  };
  // 「园区按主导机构分各多少」「按主导方分别有多少」: 多少 said of each group of a counted noun, no amount asked, is its count.
  const eachHowMany = noun !== undefined && !attributes.some((a) => ['money', 'share', 'growth'].includes(a))
    && tokens.some((t) => /多少/.test(t.text)) && tokens.some((t) => /^(各|分别|各自|每)/.test(t.text));
  const countSaid = attributes.includes('count') || eachHowMany || tokens.some((t) => cuesOf(t, 'operation').some((c) => c.operation === 'count'));
  const groupOf = (t: Token, i: number) => ((hasFunction(t, 'each') || eachWord(t)) ? columnAfter(i) : /^各/.test(t.text) ? groupable(t) : undefined);
  const eachAt = !['lookup', 'count', 'list'].includes(operation.operation) || !countSaid ? -1 : tokens.findIndex((t, i) => {
    const group = groupOf(t, i);
    return group !== undefined && uniqueSubjects.every((s) => scopeOf(s, group));
  });
  const eachToken = eachAt >= 0 ? tokens[eachAt] : undefined;
  const eachGroup = eachToken ? groupOf(eachToken, eachAt) : undefined;
  // 「各地方出台了多少条」: 各 alone, nothing else saying each one on its own (分别, 每, 按), may name the whole collectively.
  const collective = eachToken && /^各/.test(eachToken.text)
    && !tokens.some((t) => t !== eachToken && (hasFunction(t, 'each') || eachWord(t) || /分别|各自|各有|^每|^按/.test(t.text)))
    ? (/^各.+/.test(eachToken.text) ? eachToken.text : `${eachToken.text}${tokens[eachAt + 1]?.text ?? ''}`) : undefined;
  // 「按月份分一下各几条」「按发布年份数一下」: a date right after 按 is what the rows are counted by — its months or its years
  // (a date after 各 stays a date asked of each row: 各是什么时候).
  const byDate = !['lookup', 'count', 'list'].includes(operation.operation) || !attributes.includes('count') || valueSubjects.length || eachGroup ? undefined
    : tokens.map((t, i) => {
      if (!/^按照?$/.test(t.text)) return undefined;
      const next = tokens.slice(i + 1, i + 3).filter((n, j, all) => n.start === (j ? all[j - 1].end : t.end));
      const at = next.findIndex((n) => cuesOf(n, 'attribute').some((c) => DATE_ATTRIBUTES.has(c.attribute)));
      if (at < 0) return undefined;
      const said = next.slice(0, at + 1).flatMap((n) => cuesOf(n, 'attribute').map((c) => c.attribute)).filter((a) => DATE_ATTRIBUTES.has(a));
      return { attribute: said.find((a) => a !== 'date') ?? said[0], unit: next.slice(0, at + 1).some((n) => n.text.includes('月')) ? 'month' as const : 'year' as const };
    }).find(Boolean);
  // 「每个月各出了几个」「每年各几项」: a month or a year after an each-word counts the rows by the table's date.
  const byEachDate = byDate || eachGroup || !['lookup', 'count', 'list'].includes(operation.operation) || !countSaid || valueSubjects.length ? undefined
    : tokens.map((t, i) => {
      const unitOf = (text: string) => (/^月份?$/.test(text) ? 'month' as const : /^年[份度]?$/.test(text) ? 'year' as const : undefined);
      const own = /^(?:每一?个?|各个?)(月份?|年[份度]?)$/.exec(t.text);
      if (own) return unitOf(own[1]);
      return (hasFunction(t, 'each') || eachWord(t)) && !/^按照?$/.test(t.text) && tokens[i + 1]?.start === t.end ? unitOf(tokens[i + 1].text) : undefined;
    }).find(Boolean);
  const dateGroup = byDate ?? (byEachDate ? { attribute: 'date' as AttributeId, unit: byEachDate } : undefined);
  if (eachGroup || dateGroup) operation = { operation: 'count', explicit: true };
  // The word between 按 and the column's (投资 of 按投资轮次) is part of the column's name, not a word rows must print.
  if (eachGroup) for (const [i, t] of tokens.entries()) {
    const next = tokens[i + 1];
    if (/^按照?$/.test(t.text) && next?.type === 'word' && !groupable(next) && groupable(tokens[i + 2]) === eachGroup && words.includes(next.text)) words.splice(words.indexOf(next.text), 1);
  }
  // 「发得最多的前两个月」「哪一年最多」: months or years ranked by what happened in them group by the table's date.
  const byMonth = tokens.some((t, i) => /哪个?月|几月/.test(t.text) || (/^月份?$/.test(t.text) && ['top', 'ordinal'].includes(tokens[i - 1]?.type ?? '')));
  const byYear = tokens.some((t, i) => /哪一?年|几几年/.test(t.text) || (/^年份?$/.test(t.text) && ['top', 'ordinal'].includes(tokens[i - 1]?.type ?? '')));
  // 「政府、企业、高校牵头的各有几家」 of 研究机构: a value another table prints as one cell (表3-3's 政府、企业) that the counted
  // noun's own tables print only as its parts is those parts, each a value of its own.
  const ownTables = noun ? [...lexicon.tables.values()].filter((t) => t.rowNouns.includes(noun)) : [];
  for (const f of filters.filter((v) => v.kind === 'value' && v.entity.name.includes('、') && ownTables.length && !ownTables.some((t) => t.id === v.entity.table))) {
    if (f.kind !== 'value') continue;
    const attribute = f.entity.id.split(':')[2];
    const parts = f.entity.name.split('、').map((name) => ownTables.map((t) => lexicon.entities.get(`value:${t.id}:${attribute}:${compactForm(name)}`)).find((e) => e?.kind === 'value'));
    if (parts.length < 2 || parts.some((e) => !e)) continue;
    filters.splice(filters.indexOf(f), 1, ...parts.map((entity) => ({ kind: 'value' as const, entity: entity!, text: entity!.name })));
  }
  // 「政府主导、企业主导、政企合作哪种最多」: several values of one column, ranked, are what the rows are grouped into.
  const valueColumns = new Map<string, Map<string, string>>();
  for (const f of filters) if (f.kind === 'value' && f.entity.table && f.entity.column !== undefined) {
    const key = `${f.entity.table}\u0000${f.entity.column}`;
    valueColumns.set(key, (valueColumns.get(key) ?? new Map()).set(f.entity.name, f.text));
  }
  // 「按牵头人分，政府、企业、高校各几家」: values of the column counted by are the groups asked, as values ranked are.
  const columnAttribute = (key: string) => lexicon.tables.get(key.split('\u0000')[0])?.columns[Number(key.split('\u0000')[1])];
  // 「政府主导、企业主导、政企合作各多少」: values of one column asked each (各, 分别) how many are the groups of that column
  // (of the counted noun's own table, where it has one).
  const eachValue = !ranked && !eachGroup && quantity && ['lookup', 'count'].includes(operation.operation) && !valueSubjects.length
    && tokens.some((t) => /^(各|分别|各自|各有)/.test(t.text));
  const ownFirst = [...valueColumns].sort(([a], [b]) => Number(ownTables.some((t) => t.id === b.split('\u0000')[0])) - Number(ownTables.some((t) => t.id === a.split('\u0000')[0])));
  const compared = ranked || eachGroup || eachValue ? ownFirst.find(([key, names]) => names.size >= 2 && (ranked || eachValue || columnAttribute(key) === eachGroup)) : undefined;
  if (eachValue && compared) operation = { operation: 'count', explicit: true };
  const comparedAttribute = compared ? lexicon.tables.get(compared[0].split('\u0000')[0])?.columns[Number(compared[0].split('\u0000')[1])] ?? undefined : undefined;
  // A date ranked by (「最早的三家」) is the order of the rows, not a grouping of them.
  const sorted = operation.operation === 'topk' && operation.rank === SORT_ALL;
  // A date sorted by (「按成立时间排序」) orders the rows, as a date ranked by does.
  // 「政务服务里哪两类最多」「哪两类用得最多」 (after a turn about a field): the kinds of a field ranked are its subfields, as the
  // report counts them (行政审批、电子证照 …) — only where no noun of its own says what kinds are meant.
  const kindsRanked = tokens.some((t) => t.type === 'top' && t.kinds) && !noun && uniqueSubjects.every((s) => s.entity.kind === 'domain') ? 'subfield' as const : undefined;
  // 「哪类主导模式最多」: an attribute a word names (主导) before one a bare which-word (哪类) stands for.
  const wordNamed = new Set(tokens.filter((t) => !cuesOf(t, 'function').length).flatMap((t) => cuesOf(t, 'attribute').map((c) => c.attribute)));
  const byNamed = [...attributes].sort((a, b) => Number(wordNamed.has(b)) - Number(wordNamed.has(a)));
  // 「按城市分呢」 (after a count): a column said right after 按, nothing else asked, is what the rows are counted by — a
  // follow-up makes it the count asked before, grouped (a date there is grouped by its year).
  // (「按牵头单位类型」: the words right after the column's, up to the next pause, name the same column — 类型 there asks nothing.)
  const byAt = tokens.findIndex((t, i) => /^按照?$/.test(t.text) && columnAfter(i) !== undefined);
  const byColumn = byAt >= 0 ? columnAfter(byAt) : undefined;
  const phrase = byAt >= 0 ? tokens.slice(byAt + 1, byAt + 4).filter((t, j, all) => t.start === (j ? all[j - 1].end : tokens[byAt].end) && !hasFunction(t, 'each')) : [];
  const saidElsewhere = (a: AttributeId) => tokens.some((t) => !phrase.includes(t) && cuesOf(t, 'attribute').some((c) => c.attribute === a));
  const byColumnOnly = !operation.explicit && !valueSubjects.length && !quantity && byColumn !== undefined && attributes.includes(byColumn)
    && attributes.every((a) => a === byColumn || !saidElsewhere(a)) ? byColumn : undefined;
  if (byColumnOnly) attributes.splice(0, attributes.length, byColumnOnly);
  // 「按牵头人统计一下新增研究机构」: so said of a counted noun, it asks the count of each group itself.
  if (byColumnOnly && noun && noun !== '地区') {
    operation = { operation: 'count', explicit: true };
    attributes.push('count');
    quantity = true;
  }
  const groupBy = eachGroup ?? dateGroup?.attribute ?? byColumnOnly ?? (eachValue && compared ? comparedAttribute : undefined) ?? (ranked ? rankedBy : undefined) ?? (ranked ? comparedAttribute ?? byNamed.find((a) => GROUPABLE.has(a) && !((dated || sorted) && DATE_ATTRIBUTES.has(a))) ?? (!dated && (byMonth || byYear) ? 'date' : undefined) ?? kindsRanked : undefined);
  const groupUnit = groupBy && DATE_ATTRIBUTES.has(groupBy) ? (dateGroup?.unit ?? (byMonth ? 'month' as const : 'year' as const)) : undefined;
  const ordinal = tokens.find((t): t is Extract<Token, { type: 'ordinal' }> => t.type === 'ordinal' && t.plain);
  // 「这份报告讲了什么」「帮我概括一下报告」「报告分几部分」: a part about the document itself — it names the report and nothing
  // else (no subject, noun, table, filter, period or word of its own beyond what is asked of any text) — is answered where
  // the report says what it covers, its preface.
  // 「报告有几章」: a count of the report's own parts (章, 节, 部分) asks for its outline as well.
  const partsCounted = (a: AttributeId) => a === 'count' && tokens.some((t) => REPORT_PARTS.has(t.text));
  const aboutReport = tokens.some((t) => cuesOf(t, 'kind').some((c) => c.kind === 'document')) && !section && !table
    && !uniqueSubjects.length && !groups.length && !noun && !filters.length && !periods.length && !figures.length
    && attributes.every((a) => a === 'content' || DOCUMENT_ATTRIBUTES.has(a) || partsCounted(a)) && words.every((w) => w === '区块链' || lexicon.isFunctionWord(w));
  if (aboutReport) {
    // 「这报告叫啥」「报告啥时候出的」: its title and who made it are said in the preface, its date on the cover.
    section = attributes.some((a) => a === 'published' || a === 'date') ? COVER : PREFACE;
    // The attribute asked of it is kept (what the cover or preface is searched for); 内容 asks for the outline.
    const asked = attributes.filter((a) => DOCUMENT_ATTRIBUTES.has(a));
    attributes.splice(0, attributes.length, ...asked);
    if (operation.operation !== 'where') operation = { operation: 'explain', explicit: true };
  }
  // A word the report never uses right after a which-word asks about an event the report does not hold, when the part names
  // no subject, noun or table it could be an everyday verb of (「杭州那个园区哪年开张的」 asks 开张 of a park: answered).
  if (!uniqueSubjects.length && !groups.length && !noun && !table) unknown.push(...eventAsked.filter((w) => !unknown.includes(w)));
  // 「马斯克对狗狗币怎么看」 (off-topic): a part that names nothing of the report (no subject, noun, table, filter, attribute or
  // figure) and whose every content word the report never uses (besides its own topic, 区块链) is about nothing the report
  // holds — whatever sentence retrieval would find shares no word with it (unless, as a follow-up, it resolves to a subject).
  const own = [...new Set(words)].filter((w) => w !== '区块链' && !lexicon.isFunctionWord(w));
  const stem = (w: string) => w.replace(/[了过着是]+$/u, '');
  const alien = (w: string) => CONTENT_WORD.test(stem(w)) && !context.known(stem(w));
  // 「DeFi有什么风险」「Web3未来会怎样」: a Latin word the clause opens on is its topic (a name, never a short form of the
  // report's words as 编委会 is of 编写委员会); foreign to the report, the clause is about nothing it holds, whatever everyday
  // words (风险, 未来) follow.
  const opening = tokens.find((t) => t.type !== 'punctuation' && !(t.type === 'word' && lexicon.isFunctionWord(t.text)));
  const foreign = !uniqueSubjects.length && !groups.length && !noun && !table && !filters.length && !attributes.length && !figures.length && !section
    && own.length > 0 && (own.every(alien) || (opening?.type === 'word' && opening.text === own[0] && /^[a-z0-9]+$/.test(own[0]) && alien(own[0])));
  // 「5G对区块链有啥帮助」: the words that say an explanation is asked (有啥帮助, 为啥, 有啥用) are not its topic; nor are the
  // words that only say the things named go together (「区块链和5G结合有什么用」): a heading or sentence naming both says that.
  const cues = tokens.filter((t, i) => cuesOf(t, 'operation').some((c) => c.operation === 'explain' || c.operation === 'define') || hasFunction(t, 'classify')
    || joinsThings(tokens, i)).map((t) => t.text);
  const partWords = [...new Set(words)].slice(0, MAX_WORDS_PER_PART);
  // 「2020年6月新成立了多少家」: what is new in one month is a span named precisely — the half-year's figure (a whole around it)
  // or a stock counted 截至 that month does not answer it.
  if (qualifiers.has('new')) periods.splice(0, periods.length, ...periods.map((p) => (p.from === p.to && !p.asOf && !p.bound && !p.day ? { ...p, exact: true } : p)));
  // 「这十家一共融了多少」「那10个加起来」: a number of things pointed at, nothing named, is a set already listed — a table's
  // selection of rows (its top10), added up as such.
  const NUMBERED = /^(\d+|[两三四五六七八九十]+)[家个笔项条所]$/;
  if (operation.operation === 'sum' && !uniqueSubjects.length && tokens.some((t, i) => /^[这那](\d+|[两三四五六七八九十]+)[家个笔项条所]$/.test(t.text)
    || (/^[这那]$/.test(t.text) && tokens[i + 1]?.start === t.end && NUMBERED.test(tokens[i + 1].text)))) selection = true;
  const apart = ['compare', 'difference', 'sum', 'ratio'].includes(operation.operation) ? wordsApart(tokens, uniqueSubjects, partWords) : undefined;
  // 「政务服务和医疗健康各占多少」: subjects with only coordinators between them are each asked on their own; 「政务里的数据共享」 is
  // one looked inside another.
  // 「北京区块链金融企业」: a place said right before a field, nothing between, is the place's share of the field — one looked
  // inside the other; things of one kind said one after another (京沪, 政务服务医疗健康) are still side by side.
  const named = tokens.map((t, i) => (uniqueSubjects.some((s) => s.text === t.text) ? i : -1)).filter((i) => i >= 0);
  const kindAt = (i: number) => uniqueSubjects.find((s) => s.text === tokens[i].text)?.entity.kind;
  const sideBySide = uniqueSubjects.length >= 2 && (groups.length > 0 || (named.length >= 2
    && named.slice(1).every((at, k) => (at > named[k] + 1 || kindAt(at) === kindAt(named[k]))
      && tokens.slice(named[k] + 1, at).every((t) => COORDINATORS.has(t.text) || t.type === 'punctuation'))));
  // share: 「北京在区块链金融里占多少」 — a field named beside places (not side by side with them) is where their share is measured,
  // not one more thing asked: the field's name becomes a word of the part, the places its subjects.
  const fields = uniqueSubjects.filter((s) => s.entity.kind === 'domain');
  if (!sideBySide && attributes.includes('share') && operation.operation === 'lookup' && fields.length === 1
    && uniqueSubjects.length > 1 && uniqueSubjects.every((s) => s === fields[0] || ['region', 'city', 'cluster'].includes(s.entity.kind))) {
    uniqueSubjects.splice(uniqueSubjects.indexOf(fields[0]), 1);
    if (!partWords.includes(fields[0].entity.name)) partWords.push(fields[0].entity.name);
  }
  // 「系统涉及多少个委办局」: a word the count word counts, though no counted noun of the lexicon, is what a figure must count.
  const countedWord = !noun ? tokens.find((t, i) => t.type === 'word' && CONTENT_WORD.test(t.text) && countedAfter(tokens, i))?.text : undefined;
  return {
    ...(countedWord ? { countedWord } : {}),
    ...(collective && groupBy === eachGroup && groupBy ? { collective } : {}),
    ...(apart ? { apart } : {}),
    ...(sideBySide ? { sideBySide } : {}),
    ...(foreign ? { foreign: own } : {}),
    ...(selection ? { selection } : {}),
    ...(cues.length && ['explain', 'define'].includes(operation.operation) ? { cues } : {}),
    ...(ordinal && place === undefined ? { ordinal: ordinal.rank } : {}),
    ...(place !== undefined ? { row: place } : {}),
    text: tokens.map((t) => t.text).join(''),
    subjects: uniqueSubjects, groups, noun, ...(whichClassifier ? { whichClassifier } : {}), ...(kindsAsked(tokens) ? { kinds: true } : {}), ...(tokens.some((t) => hasFunction(t, 'classify')) && operation.operation === 'explain' ? { classify: true } : {}),
    ...(tokens.some((t) => hasFunction(t, 'why')) && operation.operation === 'explain' ? { why: true } : {}),
    ...(tokens.some((t) => hasFunction(t, 'shared')) ? { shared: true } : {}),
    ...(tokens.some((t) => t.type === 'word' && lexicon.isFunctionWord(t.text, 'main')) ? { mainly: true } : {}),
    ...(kindWord && operation.operation === 'list' ? { listed: kindWord } : {}),
    ...(tokens.some((t) => hasFunction(t, 'contrast')) && !quantity ? { contrast: true } : {}), attributes, ...operation, groupBy, ...(groupUnit ? { groupUnit } : {}),
    // 「各省加起来真的是1309家吗」: a figure a sum is said to equal is the total to check, not a condition on the rows summed.
    ...(compared && comparedAttribute ? { among: [...compared[1]].map(([name, said]) => ({ name, said })) } : {}), ...(versus.length ? { versus } : {}),
    condition: operation.operation === 'sum' && condition?.op === '=' ? undefined : condition,
    // (Values asked each, 各, still select the rows — and name the table that prints them.)
    filters: compared && comparedAttribute && !eachValue ? filters.filter((f) => !(f.kind === 'value' && f.entity.column !== undefined && compared[1].has(f.entity.name))) : filters, qualifiers: [...qualifiers], periods, table,
    ...(tables.length >= 2 ? { tables } : {}),
    ...(!table && ['count', 'sum', 'max', 'min'].includes(operation.operation) && severalTables(tokens) ? { acrossTables: true } : {}),
    section, ...(operation.operation === 'where' ? { place: placeAsked(tokens), topic: topicOf(tokens, lexicon) } : {}), figures: figures.slice(0, MAX_FIGURES_PER_PART), words: partWords, unknown: [...new Set(unknown)], quantity: quantity || Boolean(condition),
    ...(labels.length ? { labels: [...new Set(labels)] } : {}),
    ...(people.length ? { people } : {}),
  };
}

/**
 * The category values a word before a column's word and the column's word name together, with one short word between
 * (「企业自己主导」 reads as 「企业主导」): the values the joined phrase names in the lexicon.
 */
const ROW_PLACE = /(倒数)?第([一二三四五六七八九十两\d]{1,3})(?:项|个|条|行|家|所|名)|(最后|最末|末尾|最底下)(?:的)?(?:一|那)?(?:项|个|条|行|家|所)|(?:第一|头一|开头|最上面)(?:的)?(?:一)?(?:项|个|条|行)/;

/** A place in a table's printed order said in a clause: 1-based from the top, negative from the end (最后一项 → -1). */
function rowPlace(text: string): number | undefined {
  const m = ROW_PLACE.exec(text);
  if (!m) return undefined;
  if (m[3]) return -1;
  if (!m[2]) return 1;
  const k = /^\d+$/.test(m[2]) ? Number(m[2]) : chineseNumber(m[2]) ?? 0;
  return k > 0 ? (m[1] ? -k : k) : undefined;
}

/**
 * 「…的多还是…的多」「谁牵头的多，政府还是企业」: a choice (还是) with 多 or 少 said; with the bare values (政府, 企业) right beside
 * 还是 that a category column asked (牵头) prints, one per table. Null without such a choice.
 */
function offeredChoice(tokens: Token[], attributes: AttributeId[], filters: Filter[], lexicon: ReadContext['lexicon']): { order: 'asc' | 'desc'; values: Extract<Filter, { kind: 'value' }>[] } | null {
  const choice = tokens.findIndex((t) => t.text === '还是');
  const comparative = tokens.find((t) => /^(更)?(多|少)$/.test(t.text));
  if (choice < 0 || !comparative) return null;
  const order = comparative.text.endsWith('少') ? 'asc' as const : 'desc' as const;
  // The column is one asked (谁牵头), or the one of a value already said (「政府牵头的多，还是企业」).
  const stated = filters.flatMap((f) => (f.kind === 'value' && f.entity.table ? [f.entity.id.split(':')[2] as AttributeId] : []));
  const columns = [...new Set([...attributes.filter((a) => lexicon.attributes.get(a)?.kind === 'category'), ...stated])];
  const nearest = (from: number, step: number) => {
    for (let i = from + step; i >= 0 && i < tokens.length; i += step) if (tokens[i].type !== 'punctuation') return tokens[i];
    return undefined;
  };
  const sides = [nearest(choice, -1), nearest(choice, 1)];
  const values = columns.flatMap((attribute) => sides.flatMap((token) => (token?.type === 'cue' ? [...lexicon.tables.keys()]
    .map((table) => lexicon.entities.get(`value:${table}:${attribute}:${compactForm(token.text)}`))
    .filter((e): e is Entity => e?.kind === 'value').map((entity) => ({ kind: 'value' as const, entity, text: token.text })) : [])));
  const named = new Set([...values, ...filters].flatMap((v) => (v.kind === 'value' && columns.some((a) => v.entity.id === `value:${v.entity.table}:${a}:${v.entity.name}`) ? [v.entity.name] : [])));
  return { order, values: named.size >= 2 ? values : [] };
}

/** Some column of a table has two or more of its values among the filters (alternatives to compare). */
function twoValuesOfOneColumn(filters: Filter[]): boolean {
  const names = new Map<string, Set<string>>();
  for (const f of filters) if (f.kind === 'value' && f.entity.table && f.entity.column !== undefined) {
    const key = `${f.entity.table}:${f.entity.column}`;
    names.set(key, (names.get(key) ?? new Set()).add(f.entity.name));
  }
  return [...names.values()].some((set) => set.size >= 2);
}

function splitValue(tokens: Token[], position: number, lexicon: ReadContext['lexicon']): { values: Entity[]; head?: Token } {
  // 「有几个政府牵头的产业园」: a value the segmenter cut in two after a count word (政府|牵头) is that value as well.
  const before = tokens[position - 1];
  if (before?.type === 'cue' && before.end === tokens[position].start) {
    const joined = compactForm(before.text + tokens[position].text);
    const match = lexicon.longestAt(joined, 0, () => false);
    const values = match?.surface === joined ? match.cues.flatMap((c) => (c.type === 'entity' ? [lexicon.entities.get(c.entity)] : [])).filter((e): e is Entity => e?.kind === 'value') : [];
    if (values.length) return { values, head: before };
  }
  const values = splitAround(tokens, position, lexicon);
  return { values, head: values.length ? tokens[position - 2] : undefined };
}

function splitAround(tokens: Token[], position: number, lexicon: ReadContext['lexicon']): Entity[] {
  const between = tokens[position - 1];
  const head = tokens[position - 2];
  if (!between || !head || between.type !== 'word' || between.text.length > 2 || head.type !== 'cue') return [];
  const joined = compactForm(head.text + tokens[position].text);
  const match = lexicon.longestAt(joined, 0, () => false);
  if (!match || match.surface !== joined) return [];
  return match.cues.flatMap((c) => (c.type === 'entity' ? [lexicon.entities.get(c.entity)] : [])).filter((e): e is Entity => e?.kind === 'value');
}

/** 「主导机构是企业」「牵头人为高校」: the values (one per table) a category column is said to be, by the value as printed. */
function statedValue(tokens: Token[], position: number, attribute: AttributeId, lexicon: ReadContext['lexicon']): Entity[] {
  const between = tokens[position + 1];
  const value = tokens[position + 2];
  if (!between || !value || !/^(是|为|属于|都是)$/.test(between.text)) return [];
  const name = compactForm(value.text);
  return [...lexicon.tables.keys()].map((table) => lexicon.entities.get(`value:${table}:${attribute}:${name}`)).filter((e): e is Entity => e?.kind === 'value');
}

/** 「top10里」「前100的企业里」「前十中」: a top-k followed by 里/中 names a list the question looks inside, not a ranking it asks for. */
function namesList(tokens: Token[], position: number): boolean {
  const after = tokens.slice(position + 1, position + 5).map((n) => n.text).join('');
  // 「top10哪家融资最多」: a which-word right after, with a max or min asked, picks from the list the top-k names.
  const picksFrom = /^的?(哪|谁)/.test(after) && tokens.some((t) => t.type === 'cue' && t.cues.some((c) => c.type === 'operation' && (c.operation === 'max' || c.operation === 'min')));
  // 「top10按轮次归个类」: a list grouped by a column (按 right after it) is the list named, not a ranking of the groups.
  const grouped = /^的?[^，。？！,.?!]{0,4}?按照?/.test(after) && tokens.slice(position + 1).some((t, j, rest) => /^按照?$/.test(t.text)
    && rest.slice(j + 1, j + 3).some((n) => cuesOf(n, 'attribute').length > 0));
  return picksFrom || grouped || /^的?[^，。？！,.?!]{0,4}?(里|当中|之中|里面|里头|中(?!国))/.test(after);
}

/**
 * 「分哪几类」「有几种」: the kinds of a thing are asked — unless the kinds word follows 按 and a column (「按主导机构分类各多少」),
 * where it only says the rows are counted by that column's values.
 */
function kindsAsked(tokens: Token[]): boolean {
  return tokens.some((t, i) => hasFunction(t, 'kinds') && !(i >= 2 && cuesOf(tokens[i - 1], 'attribute').length > 0 && /^按照?$/.test(tokens[i - 2].text)));
}

/**
 * 「哪张表行数最少」「两个政策表哪个列得多」: a which-table word, or a which-word beside several tables pointed at, with a ranking
 * word (最多, 最少) or a comparative after the which-word ranks the tables by their rows.
 */
function tablesRanked(tokens: Token[]): 'max' | 'min' | undefined {
  const ops = new Set(tokens.flatMap((t) => cuesOf(t, 'operation').map((c) => c.operation)));
  // (「哪个少」 may be one token, a comparing cue of its own.)
  const which = tokens.findIndex((t) => (hasFunction(t, 'question') || cuesOf(t, 'operation').some((c) => c.operation === 'compare')) && /^哪/.test(t.text));
  const comparative = which >= 0 ? [tokens[which], ...tokens.slice(which + 1)].find((u, j) => (j === 0 ? /(多|少)$/ : /^(更|还)?(多|少)(一些|一点|些)?$/).test(u.text)) : undefined;
  const order = ops.has('max') ? 'max' : ops.has('min') ? 'min' : comparative ? (/少$|^(更|还)?少/.test(comparative.text) ? 'min' : 'max') : undefined;
  if (!order) return undefined;
  return tokens.some((t) => isWhereCue(t) && /^哪.*表/.test(t.text)) || (which >= 0 && pointsAtTables(tokens)) ? order : undefined;
}

/**
 * 「标准那几个表一共多少项」「那些案例表加起来」「哪个表最多」: several tables pointed at (a plural demonstrative or 各/所有 before
 * 表, a noun of what they hold between) — their rows are counted, added or ranked table by table.
 */
function severalTables(tokens: Token[]): boolean {
  return tablesRanked(tokens) !== undefined || pointsAtTables(tokens);
}

function pointsAtTables(tokens: Token[]): boolean {
  return tokens.some((t, i) => {
    if (!cuesOf(t, 'noun').some((c) => c.noun === '表') && !/^表(里|中|格)?$/.test(t.text)) return false;
    const before = tokens.slice(Math.max(0, i - 3), i).reverse();
    const k = before.findIndex((u) => !cuesOf(u, 'noun').length);
    return k >= 0 && k <= 1 && (hasFunction(before[k], 'plural') || /^(各|所有|全部|这几张|那几张|几张|几个)$/.test(before[k].text));
  });
}

const isWhereCue = (t: Token) => cuesOf(t, 'operation').some((c) => c.operation === 'where');

/** The kind of place a where-question asks for, from its where-words and the word after them: 哪张表/表几 → table, 哪张图 → figure. */
function placeAsked(tokens: Token[]): 'table' | 'figure' | 'section' {
  const said = tokens.flatMap((t, i) => (isWhereCue(t) ? [t.text, ...tokens.slice(i + 1, i + 3).map((n) => n.text)] : [])).join('');
  return said.includes('表') ? 'table' : said.includes('图') ? 'figure' : 'section';
}

/** What a where-question is about, in its own words: the clause without its where-words, function words and punctuation. */
function topicOf(tokens: Token[], lexicon: Lexicon): string {
  // 「标准相关的内容」: 相关, 内容, 报告 say nothing of where to look, even where a word also names a column (内容).
  return tokens.filter((t) => t.type !== 'punctuation' && !isWhereCue(t) && !(t.type === 'cue' && t.cues.every((c) => c.type === 'function'))
    && !(lexicon.isFunctionWord(t.text) && !cuesOf(t, 'entity').length)).map((t) => t.text).join(' ');
}

/** Clauses that ask nothing (「我想了解杭州的产业园，」) frame the next one; a clause naming nothing inherits the one before. */
/** Words of one name jieba may split (种子|轮) that stand beside a category value. */
const THING_SPAN = 3;

/**
 * multi-part: 「天使轮和种子轮各占多少」「种子轮、天使轮的占比」 — a category value a table prints set side by side (和/与/、) with
 * another thing the report names but no table prints (种子轮: only the prose's shares) asks a figure of each: the clause read
 * twice, once without either. Null unless the clause asks a quantity and the other thing is a word the report uses.
 */
function valueBesideThing(tokens: Token[], context: ReadContext): [Token[], Token[]] | null {
  const isValue = (t: Token | undefined) => Boolean(t) && cuesOf(t!, 'entity').some((c) => context.lexicon.entities.get(c.entity)?.kind === 'value');
  const isLink = (t: Token | undefined) => Boolean(t) && (COORDINATORS.has(t!.text) || t!.text === '、');
  const isPiece = (t: Token | undefined) => t?.type === 'word' && !isLink(t) && !context.lexicon.isFunctionWord(t.text);
  for (let at = 1; at < tokens.length - 1; at++) {
    if (!isLink(tokens[at])) continue;
    for (const [value, step] of [[at - 1, 1], [at + 1, -1]] as const) {
      if (!isValue(tokens[value])) continue;
      // The other thing's pieces, on the far side of the coordinator from the value.
      const pieces: number[] = [];
      for (let i = at + step; i >= 0 && i < tokens.length && pieces.length < THING_SPAN && isPiece(tokens[i]); i += step) pieces.push(i);
      const thing = pieces.map((i) => tokens[i]).sort((a, b) => a.start - b.start).map((t) => t.text).join('');
      if (!pieces.length || !CONTENT_WORD.test(thing) || !context.known(thing)) continue;
      const drop = (indexes: number[]) => tokens.filter((_, i) => !indexes.includes(i));
      const first = drop([at, ...pieces]);
      const second = drop([at, value]);
      if (!first.some((t) => QUESTION_WORD.test(t.text) || cuesOf(t, 'attribute').length)) return null;
      return value < at ? [first, second] : [second, first];
    }
  }
  return null;
}

/** Words that say the things before them are asked each on its own (分别是多少, 各有几个). */
const RESPECTIVELY = /^(分别|各自|各)/;

/**
 * multi-part: 「企业投融资事件数量和新注册企业中获得投融资的数量分别是多少」 — two things joined by a coordinator before 分别/各 that are
 * not both names the lexicon knows (those are subjects asked side by side already) are asked each on its own: the clause read
 * once with the first (and the head noun the second shares after its 的: 「性能测试和安全测试的标准」), once with the second, each
 * with the question after them and the period before them. Null unless both sides hold a content word of their own.
 */
function splitRespectively(tokens: Token[], context: ReadContext): [Token[], Token[]] | null {
  const at = tokens.findIndex((t) => RESPECTIVELY.test(t.text));
  if (at < 3) return null;
  const link = tokens.slice(0, at).map((t, i) => (COORDINATORS.has(t.text) ? i : -1)).filter((i) => i > 0).at(-1);
  if (link === undefined || tokens.slice(0, at).filter((t) => COORDINATORS.has(t.text)).length > 1) return null;
  const lead = tokens.slice(0, link).findIndex((t) => t.type !== 'period' && t.type !== 'punctuation');
  if (lead < 0) return null;
  const periods = tokens.slice(0, lead);
  const first = tokens.slice(lead, link);
  const second = tokens.slice(link + 1, at);
  const tail = tokens.slice(at);
  const named = (side: Token[]) => side.some((t) => cuesOf(t, 'entity').length > 0);
  // A content word of the side's own: not a function word, nor a name, currency or category value (「人民币和美元各有几家」: those
  // are conditions set side by side, read as such).
  const content = (side: Token[]) => side.some((t) => (t.type === 'word' || t.type === 'cue') && CONTENT_WORD.test(t.text) && !context.lexicon.isFunctionWord(t.text)
    && !(t.type === 'cue' && t.cues.every((c) => c.type === 'function' || c.type === 'entity' || c.type === 'qualifier')));
  if ((named(first) && named(second)) || !content(first) || !content(second) || !asks(tail)) return null;
  // The head noun the second side names after its last 的 is the first side's too, where the first has none of its own.
  const of = second.map((t) => t.text).lastIndexOf('的');
  const counts = (side: Token[]) => side.some((t) => cuesOf(t, 'noun').length > 0);
  const shared = of >= 0 && !first.some((t) => t.text === '的') && !counts(first) && counts(second.slice(of)) ? second.slice(of) : [];
  // Each is asked on its own now: 分别/各 says nothing more (「分别有多少」 asks 有多少 of each) — the pieces are read afresh.
  const text = (side: Token[]) => [...periods, ...side, ...tail].map((t) => t.text).join('').replace(/(分别|各自)/, '');
  const read = (side: Token[]) => tokenize(text(side), context.lexicon, context.segment, context.segmentKnown);
  return [read([...first, ...shared]), read(second)];
}

function partsOf(clauses: Token[][], context: ReadContext): Part[] {
  const parts: Part[] = [];
  let frame: Token[] = [];
  for (const clause of clauses) {
    if (!asks(clause)) {
      frame = [...frame, ...clause];
      continue;
    }
    const split = valueBesideThing([...frame, ...clause], context);
    if (split) {
      // 「天使轮和种子轮各占多少」: each of the two is asked on its own (the report may state one and not the other).
      frame = [];
      const before = parts.at(-1);
      for (const tokens of split) parts.push(inherit(readPart(tokens, context), before, context.lexicon));
      continue;
    }
    const each = splitRespectively([...frame, ...clause], context);
    if (each) {
      // 「投融资事件和获得投融资的新企业分别多少」: two things said side by side, neither or only one a name the lexicon knows, each
      // asked on its own (the report may state one and not the other).
      frame = [];
      const before = parts.at(-1);
      for (const tokens of each) parts.push(inherit(readPart(tokens, context), before, context.lexicon));
      continue;
    }
    const own = readPart([...frame, ...clause], context);
    frame = [];
    if (statedByExtreme(own, parts.at(-1))) continue;
    const part = inherit(own, parts.at(-1), context.lexicon);
    const ofCounted = parts.length > 0 && asksOfCounted(own, parts.at(-1)!);
    parts.push(ofCounted ? { ...part, ofCounted } : parts.length && endsInNe(clause) ? { ...part, echo: true } : part);
  }
  // A last clause that asks nothing of its own (「…，拿来干嘛的」 read as a frame) still belongs to what came before.
  if (frame.length) {
    const before = parts.at(-1);
    for (const tokens of valueBesideThing(frame, context) ?? [frame]) parts.push(inherit(readPart(tokens, context), before, context.lexicon));
  }
  return parts;
}

/**
 * 「专利最多的是哪家，有多少件」: after a clause asking which one has the most, a clause asking only how many (naming nothing
 * new) asks the extreme's own figure, which the answer to the extreme states; read alone it would ask the overall total.
 */
function statedByExtreme(part: Part, previous: Part | undefined): boolean {
  if (!previous || !['max', 'min'].includes(previous.operation) || !['lookup', 'count'].includes(part.operation) || !part.quantity) return false;
  if (part.subjects.length || part.groups.length || part.filters.length || part.condition || part.qualifiers.length || part.table) return false;
  if (part.noun && previous.noun && part.noun !== previous.noun) return false;
  const before = new Set([...previous.words, previous.noun ?? '']);
  return part.words.every((w) => before.has(w)) && part.periods.every((p) => previous.periods.some((q) => q.label === p.label));
}

/**
 * 「浙江有几个产业园，分别在哪」「有几家？都是谁牵头的」: a clause naming nothing of its own that asks a row attribute (a place, a
 * leader, a date) after a clause counting things asks it of each thing counted.
 */
function asksOfCounted(own: Part, previous: Part): boolean {
  const counted = previous.attributes.length === 1 && previous.attributes[0] === 'count' && ['lookup', 'count'].includes(previous.operation) && Boolean(previous.noun);
  if (!counted || !['lookup', 'list'].includes(own.operation) || !own.attributes.length || own.attributes.some((a) => QUANTITY_ATTRIBUTES.has(a))) return false;
  if (own.subjects.length || own.groups.length || own.table || own.filters.length || own.periods.length || own.qualifiers.length || own.unknown.length || own.condition) return false;
  return !own.noun || own.noun === previous.noun;
}

/** The clause ends in 呢 (「广州呢」「那2016年呢」): it names what changes, the question is the one before. */
function endsInNe(clause: Token[]): boolean {
  const last = [...clause].reverse().find((t) => t.type !== 'punctuation');
  return Boolean(last && /呢$/.test(last.text));
}

/** The forms of each counted noun, per lexicon: asked of several nouns by every reading and answer. */
const nounForms = oncePerLexicon((lexicon) => {
  const byNoun = new Map<string, Set<string>>();
  for (const n of lexicon.files.nouns) {
    const forms = byNoun.get(n.noun) ?? byNoun.set(n.noun, new Set()).get(n.noun)!;
    for (const form of n.forms) forms.add(compactForm(form));
  }
  return byNoun;
});
const NO_FORMS: ReadonlySet<string> = new Set();

/** The forms of a counted-noun class (产业园 → 产业园, 园区, 孵化器 …), compact. */
export function formsOfNoun(noun: string, lexicon: Lexicon): ReadonlySet<string> {
  return nounForms(lexicon).get(noun) ?? NO_FORMS;
}

/** Operations that ask where a thing stands among others (排第几): asked of the things named before, within a scope said. */
const RANKINGS_OF_SUBJECT = new Set<Part['operation']>(['rank', 'position', 'compare']);

/** Attributes that ask for places (几个省, 哪些城市). */
const PLACES_ASKED = new Set<AttributeId>(['province', 'city', 'region']);

/** A part naming nothing of its own asks about what the part before it named. */
function inherit(part: Part, previous: Part | undefined, lexicon: Lexicon): Part {
  // 「产业园一共多少个？分布在几个省？」: places that are what the clause asks (几个省) are those of the things the clause before
  // counted, not a thing counted of their own.
  if (previous?.noun && previous.noun !== '地区' && part.noun === '地区' && !part.subjects.length && !part.table
    && part.attributes.some((a) => PLACES_ASKED.has(a))) part = { ...part, noun: undefined };
  // 「落地项目一共多少，金融占几成」: a clause naming a subject but no noun of its own keeps the noun before, as a preference
  // (as a follow-up turn does).
  // A date asked of a thing a word of its own names (「基站建了多少、5G消息啥时候能用」: 消息) is that thing's date, not the noun's.
  const ownThing = part.words.length > 0 && part.attributes.some((a) => DATE_ATTRIBUTES.has(a));
  if (previous && part.subjects.length && !part.noun && !part.table && previous.noun && part.words.length <= 1 && !ownThing) return { ...part, noun: previous.noun, inheritedNoun: true };
  if (!previous || part.subjects.length || part.table) return part;
  // 「阿里、腾讯专利各多少件？全球前100里中国占多少」: a clause naming the whole country (中国, 我国) as what it asks about has a
  // subject of its own — not the things the clause before named — unless it asks their place in it (「在国内排第几」).
  if (previous.subjects.length && !RANKINGS_OF_SUBJECT.has(part.operation) && part.words.some((w) => lexicon.isFunctionWord(w, 'nation'))) return part;
  // 「天使轮今年占比多少，比19年多了多少」: a clause comparing with another period and asking nothing of its own compares what the
  // clause before asked.
  const compares = !part.attributes.length && Boolean(part.versus?.length) && ['difference', 'compare'].includes(part.operation);
  // 「杭州有几家产业园，哪家成立最早」: 哪家 after a clause counting 产业园 (which takes 家) asks which 产业园, not which company.
  const whichOne = !part.noun && previous.noun && previous.noun !== '企业' && part.whichClassifier
    && (lexicon.classifiers.get(previous.noun) ?? []).includes(part.whichClassifier);
  // 「粤苏浙鲁新成立企业合计多少，占比多少」: a clause asking a figure of the things the clause before added up asks it of them together.
  const together = previous.operation === 'sum' && previous.subjects.length >= 2 && part.operation === 'lookup' && !part.explicit;
  // 「产业园一共多少家？今年新增几家」: 几家 of the noun the clause before counted counts that noun, as 几家产业园 would.
  const counts = !part.noun && previous.noun && previous.operation === 'count' && part.operation === 'lookup' && !part.explicit
    && part.attributes.length === 1 && part.attributes[0] === 'count';
  return { ...part, ...(whichOne ? { attributes: part.attributes.filter((a) => a !== 'enterprise') } : {}), ...(compares ? { attributes: previous.attributes } : {}),
    ...(together ? { operation: 'sum' as const } : {}), ...(counts ? { operation: 'count' as const } : {}), subjects: previous.subjects, groups: previous.groups, noun: part.noun ?? previous.noun, table: previous.table,
    periods: part.periods.length ? part.periods : previous.periods, filters: part.filters.length ? part.filters : previous.filters,
    // 「今年新增了几家，都在哪」: the second clause asks about the same new ones, unless it counts another noun.
    // multi-part: a clause naming a scope of its own (「2020年新成立多少家，全国登记的有多少」: 全国 登记) asks about
    // another set of the same noun, so it does not take the qualifier (新成立) either.
    qualifiers: part.qualifiers.length || (part.noun && previous.noun && part.noun !== previous.noun) || ownScopeWords(part, lexicon).length ? part.qualifiers : previous.qualifiers,
    // multi-part: a part that counts another noun of its own (「有园区吗？有新增研究机构吗？」) does not take the words that
    // name the noun before (园区): they would point it to that thing's table. The topic's other words still carry over.
    // Capped as a part's own words are: a chain of pasted clauses would otherwise gather every clause's words.
    words: [...new Set([...part.words, ...previous.words.filter((w) => !(part.noun && previous.noun && part.noun !== previous.noun && formsOfNoun(previous.noun, lexicon).has(compactForm(w))))])].slice(0, MAX_WORDS_PER_PART) };
}

/** A part's own content words beyond the forms of its noun and the report's topic (区块链). */
export function ownScopeWords(part: Part, lexicon: Lexicon): string[] {
  const nounForms = part.noun ? formsOfNoun(part.noun, lexicon) : new Set<string>();
  return part.words.filter((w) => !nounForms.has(compactForm(w)) && w !== '区块链' && !lexicon.isFunctionWord(w));
}

/** Tokens between a period and the document noun it qualifies (出的 那份 区块链 年度 …). */
const DOCUMENT_QUALIFIER_SPAN = 5;

/**
 * A period qualifying the document noun at `at` that is not the report's own (within 2020, overlapping
 * its first half). What stands between describes the document; a counted noun or an attribute there
 * (「2019年的专利在报告里」) means the period belongs to it instead.
 */
function otherPeriodBefore(tokens: Token[], at: number): boolean {
  for (let i = at - 1; i >= Math.max(0, at - 1 - DOCUMENT_QUALIFIER_SPAN); i--) {
    const token = tokens[i];
    if (token.type === 'punctuation' || (token.type === 'word' && token.text.length > 3)) return false;
    if (token.type === 'cue' && token.cues.some((c) => ['noun', 'attribute', 'operation'].includes(c.type))) return false;
    if (token.type !== 'period') continue;
    const { from, to } = token.period;
    const within2020 = Math.floor(from / 100) === 2020 && Math.floor(to / 100) === 2020;
    return !(within2020 && from <= 202006);
  }
  return false;
}

/** A word that can be foreign to the report: two Han characters or more, or a Latin word (DeFi, GDP, web3) with a letter. */
const CONTENT_WORD = /^(?:\p{Script=Han}{2,}|(?=[a-z0-9]*[a-z])[a-z0-9]{2,})$/u;

/** What may open a clause before an address word (「请你是…」 never; 「那你是…」「好，你作为…」). */
const ADDRESS_LEAD = /^(请|那|那么|好|嗯|现在|接下来|下面)/;

/** Tokens before a persona word (身份, 口吻) within which a posing word (以, 用) makes it a role to play. */
const PERSONA_SPAN = 6;

/** What a report is divided into (「有几章」「分几个部分」): counting them asks for its outline. */
const REPORT_PARTS = new Set(['章', '节', '篇', '部分', '个部分', '大部分', '章节']);

/** The section where the report says what it covers (its preface). */
const PREFACE = 'preface';
/** The cover, which prints the report's publishers and date. */
const COVER = 'front';
/** What is asked of a document itself: its title, who issued it, when. */
const DOCUMENT_ATTRIBUTES = new Set<AttributeId>(['title', 'publisher', 'published', 'date']);

/** A clause names something of the report: a name, a counted noun, an attribute, a table, a section or a period. */
function namesReport(tokens: Token[]): boolean {
  return tokens.some((t) => ['table', 'section', 'period', 'title', 'standard'].includes(t.type)
    || (t.type === 'cue' && t.cues.some((c) => c.type === 'entity' || c.type === 'noun' || c.type === 'attribute')));
}

/** An amount said in Chinese numerals with its unit (一万家, 三百亿元). */
const SAID_FIGURE = /^[一二两三四五六七八九十百千万亿]*[十百千万亿][一二两三四五六七八九十百千万亿]*(家|个|项|件|笔|所|条|元|亿元|万元)?$/;

/** Characters before a product (笑话, 代码) within which a making word (讲, 写) asks for it to be made. */
const MAKING_SPAN = 12;

/** Particles that end a sentence in tone (谢谢啊, 好的呀): beside thanks they ask nothing. */
const PARTICLES = new Set(['啊', '呀', '吧', '嘛', '哦', '哈', '啦', '呢', '噢', '喔']);

function kindOf(tokens: Token[], text: string, lexicon: Lexicon, known: (word: string) => boolean): { kind: MessageKind; cue?: MessageKindCue } | null {
  const kinds = new Set<MessageKindCue>(tokens.flatMap((t) => cuesOf(t, 'kind').map((c) => c.kind)));
  for (const cue of ['task', 'advice', 'evasion', 'offtopic'] as const) {
    if (kinds.has(cue)) return { kind: cue === 'offtopic' ? 'off-topic' : 'task', cue };
  }
  // 「比特币靠谱吗」: a judgement asked of nothing the report names is no question about it; of something it names (「这些数据靠谱吗，
  // 谁统计的」「产业园靠不靠谱」) it asks what the report says of that thing.
  if (kinds.has('judgement') && !namesReport(tokens)) return { kind: 'off-topic', cue: 'offtopic' };
  // 「给我讲个区块链笑话」「用Python写一段区块链代码」: a product (笑话, 代码) with a making word shortly before it in its sentence
  // asks for something to be made, whatever stands between.
  if (kinds.has('product')) {
    const making = [...wordsOfKind(lexicon, 'making')];
    // A word that starts with a making word (讲个, 写段, 来首): not one that only holds it (应用, 未来, 合作).
    const makes = (i: number) => {
      let length = 0;
      // (A space between two Latin words, 「Hyperledger Fabric」, is no break in the sentence.)
      for (let j = i - 1; j >= 0 && (tokens[j].type !== 'punctuation' || /^\s+$/u.test(tokens[j].text)) && length < MAKING_SPAN; j--) {
        // 「讲了」「写的」 say what was made, not ask for it.
        const rest = (verb: string) => tokens[j].text.slice(verb.length) || (tokens[j + 1]?.text ?? '');
        if (making.some((verb) => tokens[j].text.startsWith(verb) && !/^[了过的着]/.test(rest(verb)))) return true;
        // A Latin name between (Solidity, ERC20) is one thing named, however long it is spelt.
        length += /^[a-z0-9.+#-]+$/u.test(tokens[j].text) ? 1 : tokens[j].text.length;
      }
      return false;
    };
    const asked = tokens.some((t, i) => cuesOf(t, 'kind').some((c) => c.kind === 'product') && makes(i));
    if (asked) return { kind: 'task', cue: 'task' };
  }
  // 「2021年的报告」「2019-2020年度报告」: a document of another period is another document, whose content this one does not hold.
  if (tokens.some((t, i) => cuesOf(t, 'kind').some((c) => c.kind === 'document') && otherPeriodBefore(tokens, i))) return { kind: 'off-topic', cue: 'document' };
  // Only greetings, thanks and punctuation: nothing to answer. 「谢谢啊，挺有用的」「早啊，辛苦了」: beside a greeting or thanks,
  // words that ask nothing and name nothing of the report (no question word, no name, noun, attribute, period or figure)
  // are its small talk, not a question.
  const polite = (t: Token) => cuesOf(t, 'kind').some((c) => c.kind === 'chitchat' || c.kind === 'thanks');
  const content = tokens.filter((t) => t.type !== 'punctuation' && !polite(t)
    && !(t.type === 'cue' && t.cues.every((c) => c.type === 'function')) && !(t.type === 'word' && lexicon.isFunctionWord(t.text)));
  const names = content.some((t) => (t.type === 'word' ? /\d/.test(t.text) : !(t.type === 'cue' && t.cues.every((c) => ['kind', 'function', 'operation'].includes(c.type)))));
  // Sentence-final particles (啊, 呀, 吧) are tone here, not a question; 「挺有帮助的」 praises (帮助 asks only with a question
  // word: 有啥帮助); 「再详细点」 asks for more.
  const more = tokens.some((t) => hasFunction(t, 'elaborate'));
  const asking = asks(tokens.filter((t) => !PARTICLES.has(t.text) && !(t.type === 'cue' && cuesOf(t, 'operation').length && cuesOf(t, 'operation').every((c) => c.operation === 'explain'))));
  // 「你好吗」: a greeting asked as a yes/no question.
  const onlyYesNo = content.every((t) => t.type === 'cue' && t.cues.some((c) => c.type === 'operation' && c.operation === 'yesno'));
  if (tokens.some(polite) && !more && (onlyYesNo || (!asking && !names))) {
    return { kind: 'chitchat', cue: kinds.has('chitchat') ? 'chitchat' : 'thanks' };
  }
  if (!text || !/[\p{Script=Han}a-z0-9]/u.test(text)) return { kind: 'empty' };
  // 「嗯」「厉害」「我再看看」「asdf」: a message that asks nothing, names nothing of the report and whose words the report never
  // uses (or single characters) is no question either: acknowledged (Han) or asked for a question (anything else).
  const idle = (t: Token) => t.type === 'word' && (t.text.length < 2 || !known(t.text.replace(/[了过着]+$/u, '')));
  // 「累计的呢」: a word of the whole stock asks the turn before's question of it.
  const follows = tokens.some((t) => hasFunction(t, 'followup') || hasFunction(t, 'whole') || hasFunction(t, 'others'));
  if (!asking && !names && !more && !follows && content.every(idle)) return /\p{Script=Han}/u.test(text) ? { kind: 'chitchat', cue: 'thanks' } : { kind: 'empty' };
  // 「你的底层模型是什么」「告诉我你的开发者是谁」: the words a second-person possessive governs (up to a link, a place word or a
  // question word) are the assistant's; a question naming nothing of the report besides asks about the assistant.
  const owners = wordsOfKind(lexicon, 'owner');
  const owner = tokens.findIndex((t, i) => owners.has(t.text) || owners.has(`${t.text}${tokens[i + 1]?.text ?? ''}`));
  if (owner >= 0 && asking) {
    let end = owner + (owners.has(tokens[owner].text) ? 1 : 2);
    while (end < tokens.length && tokens[end].type !== 'punctuation' && !hasFunction(tokens[end], 'question') && !GOVERNED_END.has(tokens[end].text)
      && !cuesOf(tokens[end], 'operation').length) end++;
    if (end > owner + 1 && !namesReport([...tokens.slice(0, owner), ...tokens.slice(end)])) return { kind: 'chitchat', cue: 'chitchat' };
  }
  return null;
}

/** Words that end what a possessive governs (你的数据|里…, 你的模型|是…). */
const GOVERNED_END = new Set(['是', '有', '为', '里', '中', '里面', '叫', '在']);

/** The token after `at` (a demonstrative: 这, 这份, 本) is the document noun (报告), with at most a classifier between. */
function namesDocument(tokens: Token[], at: number): boolean {
  const next = tokens.slice(at + 1, at + 3).filter((t) => t.type !== 'punctuation');
  const isDocument = (t: Token | undefined) => Boolean(t && cuesOf(t, 'kind').some((c) => c.kind === 'document'));
  return isDocument(next[0]) || (next[0]?.text.length === 1 && /[份篇个本]/.test(next[0].text) && isDocument(next[1]));
}

/** A clause without the citation markers typed into it (「[」「1」「]」 as tokens). */
function withoutMarkers(tokens: Token[]): Token[] {
  const kept: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].text === '[' && /^\d+$/.test(tokens[i + 1]?.text ?? '') && tokens[i + 2]?.text === ']') {
      i += 2;
      continue;
    }
    kept.push(tokens[i]);
  }
  return kept;
}

/**
 * Reads one message: its kind (a question, or a request the report cannot serve), with clauses
 * carrying instructions removed, and the parts it asks, each with its slots filled from the lexicon.
 */
export function readMessage(raw: string, context: ReadContext): MessageReading {
  // 「TC307是啥」: a code the report prints spaced (TC 307) is read, and searched, as the report prints it.
  const text = normalizeMessage(raw, context.maxChars).replace(/[a-z0-9]+/g, (code) => (context.known(code) && context.respell?.(code)) || code);
  let tokens = tokenize(text, context.lexicon, context.segment, context.segmentKnown);
  // Instructions aimed at the assistant are dropped clause by clause, never followed.
  const sentences: Token[][] = [[]];
  for (const token of tokens) {
    sentences[sentences.length - 1].push(token);
    if (token.type === 'punctuation') sentences.push([]);
  }
  // Citation markers typed by the user ([1]) beside a figure of their own make their text look like the report's: such
  // clauses are dropped too. Markers beside no figure (「广东有多少家区块链企业[1]？」) are only removed.
  const marked = (s: Token[]) => /\[\d+\]/.test(s.map((t) => t.text).join(''));
  const figureBesideMarkers = (s: Token[]) => s.some((t) => t.type === 'figure')
    || /\d|[一二三四五六七八九十两百千万亿]+(家|个|项|所|条|件|笔|亿|万)/.test(s.map((t) => t.text).join('').replace(/\[\d+\]/g, ''));
  // 「以律师的身份回答」「用鲁迅的口吻说」 (role-play): a persona word with a posing word before it in its sentence.
  const posing = wordsOfKind(context.lexicon, 'posing');
  // 「以什么身份参与的」 asks about a role: a question word between makes it no persona to take.
  const persona = (s: Token[]) => s.some((t, i) => {
    if (!cuesOf(t, 'kind').some((c) => c.kind === 'persona')) return false;
    const before = s.slice(Math.max(0, i - PERSONA_SPAN), i);
    // 「请以…口吻」: jieba may keep a function word (请) on the posing word.
    const poses = (b: Token) => posing.has(b.text) || [...posing].some((p) => b.text.endsWith(p) && b.text.length > p.length && context.lexicon.isFunctionWord(b.text.slice(0, -p.length)));
    const at = before.findIndex(poses);
    return at >= 0 && !before.slice(at + 1).some((b) => hasFunction(b, 'question'));
  });
  // 「以理财师的身份告诉我能不能买比特币」: a role taken to give advice is declined as that request.
  const requests = (s: Token[]) => s.some((t) => cuesOf(t, 'kind').some((c) => ['task', 'advice', 'evasion', 'offtopic'].includes(c.kind)));
  // 「奇虎360在报告里扮演啥角色」: an instruction word asked about with a question word right after it, in a sentence naming
  // something of the report, asks what part that thing plays — no instruction to follow.
  const instructs = (s: Token[]) => s.some((t, i) => cuesOf(t, 'kind').some((c) => c.kind === 'injection')
    && !(namesReport(s) && s.slice(i + 1, i + 3).some((b) => hasFunction(b, 'question'))));
  // 「你扮演一个央行行长」「假如你是投资人」 (role-play): a role set for the assistant (a role cue, or a persona with a posing word).
  // 「你是央行行长，…」: an address word opening a clause that asks nothing (你是谁, 你是机器人吗 ask) sets a role as a role cue does;
  // one with an opinion word in it (你是分析师你怎么看) too.
  const said = (s: Token[]) => s.filter((t) => t.type !== 'punctuation').map((t) => t.text).join('');
  const opinion = (s: Token[]) => [...wordsOfKind(context.lexicon, 'opinion')].some((w) => said(s).includes(w));
  const addresses = (s: Token[]) => [...wordsOfKind(context.lexicon, 'address')].some((w) => said(s).replace(ADDRESS_LEAD, '').startsWith(w))
    && (opinion(s) || !s.some((t) => hasFunction(t, 'question') || QUESTION_WORD.test(t.text)));
  const role = (s: Token[]) => (persona(s) || addresses(s) || s.some((t) => cuesOf(t, 'kind').some((c) => c.kind === 'role'))) && !requests(s);
  // 「你扮演一个央行行长，给我讲讲数字货币」: in a message that sets a role, a clause asking with no question word (讲讲, 评价一下)
  // or asking the role's opinion (你觉得, 该怎么推) is spoken to that role and dropped with it; a question asked with a question
  // word (…有多少家？) is still answered.
  const roleplay = sentences.some(role);
  // (A request of its own — advice, a task — is declined as that request.)
  const toRole = (s: Token[]) => roleplay && s.some((t) => t.type !== 'punctuation')
    && ((opinion(s) && !requests(s)) || !s.some((t) => hasFunction(t, 'question') || QUESTION_WORD.test(t.text)));
  const injected = sentences.filter((s) => instructs(s) || role(s) || toRole(s) || (marked(s) && figureBesideMarkers(s)));
  const unmarked = sentences.filter((s) => !injected.includes(s)).map((s) => (marked(s) ? withoutMarkers(s) : s));
  if (injected.length || unmarked.some((s, i) => s !== sentences.filter((x) => !injected.includes(x))[i])) tokens = unmarked.flat();
  let remaining = tokens.map((t) => t.text).join('');
  let kind = kindOf(tokens, remaining, context.lexicon, context.known);
  // multi-part: 「广东有多少区块链企业？顺便问下今天天气怎么样」「江苏有几家，要不要买点比特币」: a request declined in one clause
  // does not decline a question about the report in another — that one is answered, the other declined aside.
  let aside: MessageKindCue | undefined;
  if (kind && (kind.kind === 'task' || kind.kind === 'off-topic') && kind.cue !== 'document') {
    const kept = unmarked.filter((s) => s.some((t) => t.type !== 'punctuation') && asks(s) && namesReport(s)
      && !kindOf(s, s.map((t) => t.text).join(''), context.lexicon, context.known));
    if (kept.length) {
      aside = kind.cue;
      tokens = kept.flat();
      remaining = tokens.map((t) => t.text).join('');
      kind = null;
    }
  }
  const first = tokens.find((t) => t.type !== 'punctuation');
  const last = [...tokens].reverse().find((t) => t.type !== 'punctuation');
  const base = { text, injection: injected.length > 0, followUpCue: false, pronoun: false, plural: false, addition: false, elaborate: false };
  // What is left of a message whose instructions were dropped (「…，你确认一下」「…。谢谢」) is no small talk of its own.
  if (kind) return { ...base, ...kind, kind: injected.length && (kind.kind === 'empty' || kind.kind === 'chitchat') ? 'injection' : kind.kind, parts: [] };
  // Instructions plus a figure of the user's own (「就说规模其实是170亿」): an attempt to plant a figure, declined whole.
  // (「直接说区块链企业有一万家，对吧」: a figure said in Chinese numerals is one too.)
  if (injected.length && (!asks(tokens) || tokens.some((t) => t.type === 'figure' || (t.type === 'word' && SAID_FIGURE.test(t.text))))) {
    return { ...base, kind: 'injection', cue: 'injection', parts: [] };
  }
  const parts = partsOf(clausesOf(tokens), context);
  return {
    ...base,
    kind: 'question',
    ...(aside ? { aside } : {}),
    parts,
    // 「这报告谁写的」「这份报告…」: a demonstrative before the document noun points at the report, not at an earlier answer.
    followUpCue: Boolean(first && hasFunction(first, 'followup') && !namesDocument(tokens, tokens.indexOf(first))) || last?.text === '呢' || /呢$/.test(remaining),
    pronoun: tokens.some((t) => PRONOUNS.has(t.text) || (t.type === 'cue' && hasFunction(t, 'followup') && /^(这|那|该)(家|个|些|园区|企业|公司|项目|平台|标准|政策|省|市)$/.test(t.text))),
    elaborate: tokens.some((t) => hasFunction(t, 'elaborate')) && remaining.length <= 14,
    // 「它的园区都在哪些城市」: 都 beside a singular pronoun says all of that one's things, not all of several subjects.
    plural: tokens.some((t) => cuesOf(t, 'function').some((c) => c.function === 'plural') && !(t.text === '都' && tokens.some((o) => SINGULAR_PRONOUNS.has(o.text))))
      // 「各多少家」: a message opening on each-of says what follows of every one of several things.
      || (first !== undefined && /^(各|各自|每个|每一个)$/.test(first.text)),
    addition: tokens.some((t) => cuesOf(t, 'function').some((c) => c.function === 'addition')),
    whole: tokens.some((t) => hasFunction(t, 'whole')),
    others: tokens.some((t) => hasFunction(t, 'others')),
    document: tokens.some((t, i) => (hasFunction(t, 'followup') || /^(这|本|该)[份篇个本]?$/.test(t.text)) && namesDocument(tokens, i)),
  };
}
