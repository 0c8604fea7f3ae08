import type { PeriodSpan } from '../text/find-periods';
import type { AttributeId, Entity, MessageKindCue } from './lexicon';

/** What kind of message the last user turn is. */
export type MessageKind = 'question' | 'off-topic' | 'task' | 'injection' | 'chitchat' | 'empty';

/** What a part asks to be done with the values it names. */
export type Operation =
  | 'lookup' | 'count' | 'list' | 'max' | 'min' | 'earliest' | 'latest' | 'topk' | 'rank' | 'position'
  | 'sum' | 'difference' | 'ratio' | 'compare' | 'share' | 'explain' | 'define' | 'where' | 'yesno';

/** A numeric condition on rows: 「超过100家」 → { op: '>', value: 100 }. */
export interface Condition {
  op: '>' | '>=' | '<' | '<=' | '=';
  value: number;
  /** Upper bound as well (「两位数」: 10–99). */
  max?: number;
  /** 「10家以上30家以下」「超过10家不到30家」: how the upper bound holds, when said as a second condition (`<=` when absent). */
  maxOp?: '<' | '<=';
  /** The magnitude the figure was said in (「一千万」: 1000 × 10⁴, 「过亿」: 1 × 10⁸): compared with amounts in absolute terms. */
  scale?: number;
  /** A currency said inside the condition (「1000万美元以上」). */
  currency?: '人民币' | '美元';
  /** The condition as said (「过亿」「两千万以上」), to restate it in the user's words. */
  said?: string;
}

/** A named thing a part is about, as the question names it. */
export interface Subject {
  entity: Entity;
  /** The words that named it (「粤」 for 广东). */
  text: string;
  /** Other things the same words name (浪潮 the company, and 浪潮软件集团有限公司 the row of 表8-1). */
  alternatives?: Entity[];
}

/** A value the rows must have in one column (「政府主导的」, 「天使轮」, 「2018年成立的」). */
export type Filter =
  | { kind: 'value'; entity: Entity; text: string }
  /** 「GB/T开头的」: the rows whose number (or name) begins with these characters, as said. */
  | { kind: 'prefix'; text: string }
  | { kind: 'period'; attribute: AttributeId; period: PeriodSpan; relation?: DateRelation };

/**
 * How a date condition bounds its period: 之前 (before it), 之后 (after it), 以来/起/及以后 (since its start, itself
 * included), 及以前 (up to its end, itself included). None: within it.
 */
export type DateRelation = 'before' | 'after' | 'since' | 'until';

/** One thing asked: a clause of the message with its slots filled. */
export interface Part {
  /** The clause(s) of the message this part reads (compact form). */
  text: string;
  subjects: Subject[];
  /** follow-up 「其他部委呢」: the things asked before, whose rows are left out of what is asked now. */
  excluded?: Subject[];
  /**
   * 「海南那个基金和智慧城市支出哪个多」: for each subject (same order), the words said of another subject only (基金 of 海南),
   * which a figure of this one need not hold. Absent when every word is said of all.
   */
  apart?: string[][];
  /**
   * multi-part: the subjects are named side by side (和/与/、 or a group: 「政务服务和医疗健康各占多少」), each asked on its own — not
   * one looked inside another (「政务里的数据共享」).
   */
  sideBySide?: boolean;
  /** A region group named as such (北上广深), whose members are among `subjects`. */
  groups: Subject[];
  /** What is counted or asked about (企业, 产业园, 政策 …), as a noun class. */
  noun?: string;
  /** The noun was carried over from an earlier turn, not said in this one (a preference, not a requirement). */
  inheritedNoun?: boolean;
  /**
   * follow-up: the attributes were carried over to a subject of this turn's own (「珠三角呢」 after 「广东有多少家企业」): the
   * figure asked is the one asked before if the report states it of the new subject, else the figure it does state of it.
   */
  inheritedAttributes?: boolean;
  /** A bare which-word with a classifier (哪家) read as the company, in a clause counting no noun of its own: a noun
   *  carried over from the clause before that takes this classifier makes it ask which one of that noun instead. */
  whichClassifier?: string;
  /** 「分哪几类」「包括哪几个方面」: the kinds of a thing are asked — where the report says how many there are and names them. */
  kinds?: boolean;
  /**
   * 「有几个产业园，分别在哪」: this part asks a row attribute of each thing the part before counted. Where both are answered from
   * one table's rows, the answer gives the count once with each row's attribute beside its name (`eachRow` on the joined part).
   */
  ofCounted?: boolean;
  /** The attributes besides the count are asked of each row counted (not how many places the rows are in). */
  eachRow?: boolean;
  /** 「区块链在新基建里属于哪一类」: the kind a thing is counted among is asked — the sentence that names it as an item of a kind. */
  classify?: boolean;
  /** 「为啥要搞DC/EP」: the reason or purpose of a thing is asked (为什么, 目的), not only what it does. */
  why?: boolean;
  /** 「区块链和数据库有什么区别」: how things differ is asked — a sentence stating a difference answers, not one naming them. */
  contrast?: boolean;
  /** 「有哪些应用场景」: the word right after the which-word of a list — the kind of the members asked (应用场景). */
  listed?: string;
  /** 「主要分布在哪些省」: the main ones are asked (主要, 大多) — what the report says the things concentrate in, not every row. */
  mainly?: boolean;
  /** What is asked about the subjects (a column or a metric). */
  attributes: AttributeId[];
  operation: Operation;
  /** The operation was said (最多, 有哪些, 加起来 …) rather than assumed from what is asked. */
  explicit: boolean;
  /** k of 前k / 第k / 倒数第k. */
  rank?: number;
  /** 其次 / 下一个: `rank` is the place after the one the conversation stood on (2 when it stood on none). */
  following?: boolean;
  /** 前一名 / 上一个: `rank` is the place before the one the conversation stood on. */
  preceding?: boolean;
  /** 「第3到第6」: the first place of a span of places (`rank` is its last). */
  fromRank?: number;
  /** 「第五名比第四名多多少」: the two places of a ranking set against each other (the previous answer's members at them). */
  ranks?: number[];
  /** 第k个 / 第k家 said without a ranking word, whatever the operation: after a list, the k-th member it named. */
  ordinal?: number;
  /** The clause's words that say an explanation or definition is asked (有啥帮助, 为啥): not words of its topic. */
  cues?: string[];
  /** 「表5-3最后一项」: the row at this place of the named table's printed order (1-based; negative counts from the end). */
  row?: number;
  /** follow-up 「第二个是啥」: the k-th item of the enumeration (一是…二是…) the previous answer quoted from the prose. */
  item?: number;
  /** The members of the list this part's subject was picked from by an ordinal (so 「第五个呢」 picks from the same list again). */
  pickedFrom?: Subject[];
  order?: 'asc' | 'desc';
  /** 「有没有重复的标准」「用同一个平台的」: rows sharing one value of a column (the one asked, else the rows' names) are asked. */
  shared?: boolean;
  /** 「涉及多少个委办局」: a word counted that is no counted noun of the lexicon, right after 多少个/几家 and closing the clause. */
  countedWord?: string;
  /** The attribute a group-by groups on (「哪个城市的产业园最多」 → city). */
  groupBy?: AttributeId;
  /**
   * 「各地方出台了多少条政策」: the group said with 各 alone (no 分别, 每, 按), as said — it may name the whole collectively, as the
   * report does where it states one total of it (各地方政府…近 120 条).
   */
  collective?: string;
  /** 「政府主导、企业主导、政企合作哪种最多」: the category values a group-by compares, by name (they select no rows). */
  among?: { name: string; said: string }[];
  /** Grouping by a date: by year (哪一年) or by month (哪个月). */
  groupUnit?: 'year' | 'month';
  condition?: Condition;
  filters: Filter[];
  /** 新成立/新增: figures of what is new in the period, not the stock. */
  qualifiers: string[];
  /** Periods the part asks about (not those it compares with). */
  periods: PeriodSpan[];
  /** Periods it compares with (「比2017年多几家」). */
  versus?: PeriodSpan[];
  /**
   * follow-up: the periods a follow-up's own period replaced (「2020上半年有多少家」→「2019年呢」: 2020年上半年), so that a
   * growth asked next (「增长率呢」) compares the two periods the conversation has stood on.
   */
  replacedPeriods?: PeriodSpan[];
  /**
   * follow-up: the category values a follow-up's own value replaced (「政府主导的有几个」→「企业主导的呢」: 政府), so that a sum or
   * difference asked next (「差多少」) is of the two values the conversation has stood on.
   */
  replacedValues?: Filter[];
  /** The table it names (表6-1), if any. */
  table?: string;
  /**
   * 「性能测试和安全测试的标准一共多少条」「表5-8和表5-9加起来」: two or more tables of the counted things named side by side
   * (by number, or by a word only one of them requires), in the order named: each counted and the counts added.
   */
  tables?: string[];
  /**
   * 「标准那几个表一共多少项」「哪张表行数最少」: several tables pointed at as such — their rows are counted, added up or ranked
   * table by table (the tables of the section, noun and topic words said).
   */
  acrossTables?: boolean;
  /** The chapter or section it names (第六章 → '6'), if any. */
  section?: string;
  /** For a where-question, the kind of place asked for: 哪张表 → table, 哪张图 → figure, else section. */
  place?: 'table' | 'figure' | 'section';
  /** For a where-question, what it is about in the user's words (the clause without its where-words). */
  topic?: string;
  /** Figures the question itself states (「那个10亿的基金」), as printed. */
  figures: string[];
  /** Content words outside the lexicon, plus report words of the synonyms it used. */
  words: string[];
  /** Labels of lists the report prints that the part names (副主任, 联合发布单位): it asks for those lists' members. */
  labels?: string[];
  /** Persons a labelled list names (刘权, under 主任) that the part asks about. */
  people?: { name: string; label: string }[];
  /** Content words the report never uses (a metric it does not give: 估值, 营收 …). */
  unknown: string[];
  /**
   * Every content word of a part that names nothing of the report, when the report uses none of them (马斯克, 狗狗): the part is
   * about nothing the report holds — unless a follow-up resolves it to a subject, noun or table of an earlier turn.
   */
  foreign?: string[];
  /** The part asks for a quantity at all (多少, 几, 占比 …). */
  quantity: boolean;
  /**
   * follow-up: 「为啥这么多」「怎么这么少」 after a figure — an explanation that names nothing of its own asks why that figure is
   * what it is: told where the answer before quoted it (its section), not wherever its topic's words stand.
   */
  ofAnswer?: boolean;
  /** 「top10里…加起来」: the part names a table's selection of rows (top10, 前十), so what it adds up is that selection, not all. */
  selection?: boolean;
  /** A follow-up's part: the answer it follows, as the client sent it back (where its figure is most likely stated). */
  after?: string;
  /**
   * follow-up: the part names another set of the things asked before (「那地方政府呢」 after 部委的政策): the lines the
   * answers before quoted are about the other set, so `after` is not kept (set while resolving only).
   */
  elsewhere?: boolean;
  /**
   * multi-part: a clause after another that only names what changes and ends in 呢 (「杭州有几个产业园？广州呢？」):
   * it asks the clause before's question again, resolved like a follow-up turn.
   */
  echo?: boolean;
}

/** A conversation read once: the last message, made standalone, split into what it asks. */
export interface Reading {
  kind: MessageKind;
  /** Which non-question cue decided the kind, if any. */
  cue?: MessageKindCue;
  /** A request declined beside the question answered (天气, 写首诗, 该不该买), by its cue. */
  aside?: MessageKindCue;
  /** Instructions were removed from the message (never followed). */
  injection: boolean;
  /** The last user message, normalised and capped. */
  text: string;
  /** The question to answer, with a follow-up's missing slots filled from earlier turns. */
  standalone: string;
  /** Set when a follow-up was rewritten: how it was understood. */
  understood?: string;
  parts: Part[];
  /** 「再详细一点」: answer the previous question at more length. */
  elaborate: boolean;
  /** The message continues an earlier turn. */
  followUp: boolean;
  /**
   * Subjects the conversation named, most recent last (what 「俩」「它们」「加起来」 refer to), of the turns read: a message that
   * names its own topic is read without the turns before it.
   */
  mentioned: Subject[];
}
