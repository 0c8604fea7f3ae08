/**
 * What a figure counts or measures, as a class of nouns: 「多少家区块链企业」 and 「共计 6 家」 (产业园)
 * count different things, as do 「融资总额」 and 「产业规模」. Synonyms share a class.
 */
const CLASSES: [string, RegExp][] = [
  ['产业园', /产业园|园区|孵化器|创新基地|产业基地/],
  ['研究机构', /研究机构|研究院|实验室|研究中心/],
  ['专利', /专利/],
  ['政策', /政策|文件|措施|行动计划/],
  ['标准', /标准|规范/],
  ['项目', /项目|应用|案例|场景|平台/],
  ['高校', /高校|大学/],
  ['基站', /基站/],
  ['企业', /企业|公司|厂商/],
  ['地区', /省份|省市|城市|地区/],
  ['融资', /融资|投资|投融资/],
  ['规模', /规模|支出/],
  ['基金', /基金/],
  ['人员', /人员|人数|团队|员工|从业者/],
];

/** Every noun class a text names. */
export function countedNouns(text: string): Set<string> {
  return new Set(CLASSES.filter(([, pattern]) => pattern.test(text)).map(([name]) => name));
}

function nounsAt(text: string): { name: string; index: number }[] {
  return CLASSES.flatMap(([name, pattern]) => [...text.matchAll(new RegExp(pattern.source, 'g'))].map((m) => ({ name, index: m.index! })))
    .sort((a, b) => a.index - b.index);
}

/**
 * The noun class a question counts: the first named after its 多少/几 (「有多少家区块链产业园」),
 * else the last named before it (「腾讯…专利有多少件」).
 */
export function questionNoun(text: string): string | undefined {
  const ask = text.search(/多少|几/);
  const nouns = nounsAt(text);
  if (ask < 0) return nouns.at(-1)?.name;
  return (nouns.find((n) => n.index > ask) ?? nouns.filter((n) => n.index < ask).at(-1))?.name;
}
