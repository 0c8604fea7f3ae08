import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Paragraph, ReportDocument } from '../types';
import { loadReport } from './load-report';

const corpus = fileURLToPath(new URL('../../corpus/report-2020H1-blockchain.md', import.meta.url));
const report = loadReport(corpus);
const squash = (text: string) => text.replace(/\*\*|\s+/g, '');

/** The text of a paragraph that came from each of its source lines. */
function segments(paragraph: Paragraph): Array<{ line: number; text: string }> {
  return paragraph.lines.map((entry, index) => ({
    line: entry.line,
    text: paragraph.text.slice(entry.offset, paragraph.lines[index + 1]?.offset ?? paragraph.text.length),
  }));
}

/**
 * Finds a paragraph in the corpus ignoring whitespace and bold markers. Each segment must be its
 * source line, except at a join: the continuation line may lose a head of at most 12 characters
 * that repeats the text before the join, and the line before may lose one sentence end ('。')
 * when such a repetition follows. Returns the segments that break this rule.
 */
function checkAgainstSource(document: ReportDocument, paragraph: Paragraph): string[] {
  const parts = segments(paragraph);
  return parts.flatMap((part, index) => {
    const source = squash(document.lines[part.line - 1]!);
    const piece = squash(part.text);
    const before = squash(paragraph.text.slice(0, paragraph.lines[index]!.offset));
    const maxHead = index === 0 ? 0 : 12;
    for (let head = 0; head <= Math.min(maxHead, source.length); head += 1) {
      const repeated = source.slice(0, head);
      const tail = source.slice(head + piece.length);
      const headOk = head === 0 || before.endsWith(repeated);
      const tailOk = tail === '' || (index < parts.length - 1 && /^[。！？；]$/.test(tail));
      if (piece !== '' && source.startsWith(piece, head) && headOk && tailOk) return [];
    }
    return [`line ${part.line}: ${JSON.stringify(part.text.slice(0, 30))}`];
  });
}

describe('repairPageBreaks on the report', () => {
  it('joins every paragraph cut by a page break, as listed and read one by one', () => {
    const joins = report.paragraphs.flatMap((paragraph) =>
      paragraph.lines.slice(1).map(({ line, offset }) => `${line}:${paragraph.text.slice(Math.max(0, offset - 6), offset)}|${paragraph.text.slice(offset, offset + 6)}`),
    );
    expect(joins).toEqual([
      '196:物联网与制造|业供应链的深',
      '204:链发声。进入|2020 年',
      '214:经济融合发展|，提高产业发',
      '255:创新医疗服务|新型模式，提',
      '263:合行动方案》|，以高压态势',
      '274:服务机构围绕|产业链的开发',
      '331:各地注册的分|子公司、不以',
      '341:，主要集中在|北京、上海、',
      '369:域占比看，与|2019 年',
      '385:区：以北京、|山东为主的环',
      '426:链产业优势，|重点发展区块',
      '434:区块链技术的|发展提供动力',
      '495:区块链产业呈|现出迅速增长',
      '565:区块链从分散|的孤岛中拯救',
      '575:发的全球首个|可商用落地的',
      '583:等部门会同浪|潮联合研发上',
      '598:广东、北京、|浙江、上海、',
      '624:等综合金融服|务，破解中小',
      '640:、食品溯源、|线上运营、区',
      '655:城市等众多领|域落地实施。',
      '670:私保护力度、|降低数据泄露',
      '748:上保证司法中|上传数据的真',
      '777:行为的监管中|也有着重大价',
      '794:度，改进疫情|监测预警网络',
      '809:源项目以农产|品溯源为主，',
      '829:径、服务记录|等数据记录上',
      '865:企业正在加强|与公益慈善组',
      '884:标准化组织建|设，为我国参',
      '890:与数字资产标|准制定，打通',
      '898:区块链技术提|供核心支持。',
      '920:月底国内已颁|布实施的数字',
      '945:间戳、共识和|跨链等方面，',
      '1067:统、区块链参|考架构性能测',
      '1133:地属于沿海地|区，政策扶持',
      '1178:发，共识机制|逐渐从单一算',
      '1198:创新为驱动，|以信息网络为',
      '1206:息技术不断发|展，数字经济',
      '1212:培育技术和数|据市场，激活',
      '1226:务院发布《关|于支持国家级',
      '1252:高速率、低时|延、大连接的',
      '1262:、比原链、量|子链等。但目',
      '1272:据应用端，优|化了资源配置',
      '1278:经济发展、社|会治理、民生',
      '1288:转型升级。作|为一种去中心',
      '1298:年新增 16|个基于区块链',
      '1332:有效管理，更|具规范化、有',
    ]);
  });

  it('drops the characters the export repeats after a break', () => {
    const text = report.paragraphs.map((paragraph) => paragraph.text).join('\n');
    expect(text).toContain('促进实体经济与数字经济融合发展，提高产业发展质量');
    expect(text).toContain('推进产业转型升级。作为一种去中心化');
    expect(text).toContain('《2020年打击整治传销联合行动方案》，以高压态势打击整治传销');
    expect(text).toContain('与制造业供应链的深度融合');
    expect(text).toContain('大型企业在各地注册的分子公司、不以区块链为主营业务');
    expect(text).not.toMatch(/发展展|作作为|方案》。案》/);
  });

  it('keeps a paragraph that ends a sentence apart from the next one', () => {
    const at = (line: number) => report.paragraphs.find((paragraph) => paragraph.lineStart === line);
    expect(at(610)?.text).toBe('区块链本身不是单一的技术，而是有着特定结构的技术体系。');
    expect(at(614)?.text.startsWith('因此，在与诸多业务场景匹配的过程中')).toBe(true);
  });

  it('never makes a paragraph of a 数据来源 line, a caption, a table row or the table of contents', () => {
    const toc = report.sections.find((section) => section.id === 'toc')!;
    const firstChapter = report.sections.find((section) => section.kind === 'chapter')!;
    for (const paragraph of report.paragraphs) {
      expect(paragraph.text).not.toMatch(/数据来源[：:]|\.{3,}|\t/);
      expect(paragraph.text).not.toMatch(/^[表图]\s*\d+-\d+/);
      expect(paragraph.sectionId).not.toBe('toc');
      expect(paragraph.lineStart < toc.line || paragraph.lineStart > firstChapter.line).toBe(true);
      expect(report.tables.some((table) => paragraph.lineStart >= table.line && paragraph.lineStart <= table.lineEnd)).toBe(false);
    }
    // The 图 2-2 industry map printed as text is figure text, not prose.
    expect(report.paragraphs.some((paragraph) => /底层技术及基础设施层|贝壳找房/.test(paragraph.text))).toBe(false);
  });

  it('strips markdown bold markers', () => {
    const paragraph = report.paragraphs.find((entry) => entry.lineStart === 567)!;
    expect(paragraph.text).toContain('万维链团队发布了 Wanchain 4.0，提出通用跨链框架 T-Bridge，');
    expect(report.paragraphs.some((entry) => entry.text.includes('**'))).toBe(false);
  });

  it('finds every paragraph in the corpus when whitespace and join points are ignored', () => {
    const problems = report.paragraphs.flatMap((paragraph) => checkAgainstSource(report, paragraph));
    expect(problems).toEqual([]);
    // Every content line of the chapters is in some paragraph, a table, a figure or a heading.
    const covered = new Set(report.paragraphs.flatMap((paragraph) => paragraph.lines.map((entry) => entry.line)));
    const headings = new Set(report.sections.map((section) => section.line));
    const prose = report.lines.flatMap((raw, index) =>
      /[。，]/.test(raw) && !raw.includes('\t') && !/\.{3,}/.test(raw) && !covered.has(index + 1) && !headings.has(index + 1)
        ? [index + 1]
        : [],
    );
    expect(prose).toEqual([]);
  });

  it('has a checker that rejects text lost or invented at a join', () => {
    const joined = report.paragraphs.find((paragraph) => paragraph.lineStart === 212)!;
    const offset = joined.lines[1]!.offset;
    const withText = (text: string) => ({ ...joined, text, lines: [joined.lines[0]!, { line: 214, offset }] });
    expect(checkAgainstSource(report, joined)).toEqual([]);
    // Keeping the printed repetition is still the corpus text; losing or inventing text is not.
    expect(checkAgainstSource(report, withText(`${joined.text.slice(0, offset)}展${joined.text.slice(offset)}`))).toEqual([]);
    expect(checkAgainstSource(report, withText(joined.text.slice(0, offset) + joined.text.slice(offset + 1)))).not.toEqual([]);
    expect(checkAgainstSource(report, withText(`${joined.text.slice(0, offset)}新${joined.text.slice(offset)}`))).not.toEqual([]);
    expect(checkAgainstSource(report, withText(joined.text.replace('提高产业', '提升产业')))).not.toEqual([]);
  });

  it('maps every paragraph offset to its source line consistently', () => {
    for (const paragraph of report.paragraphs) {
      const { lines } = paragraph;
      expect(lines[0]).toEqual({ line: paragraph.lineStart, offset: 0 });
      expect(lines.at(-1)!.line).toBe(paragraph.lineEnd);
      lines.slice(1).forEach((entry, index) => {
        const previous = lines[index]!;
        expect(entry.line).toBeGreaterThan(previous.line);
        expect(entry.offset).toBeGreaterThan(previous.offset);
        expect(entry.offset).toBeLessThan(paragraph.text.length);
        // Only blank or whitespace-only lines lie between the joined lines.
        expect(report.lines.slice(previous.line, entry.line - 1).every((raw) => raw.trim() === '')).toBe(true);
      });
    }
  });

  it('keeps the committee page one paragraph per line and assigns sections by line', () => {
    const committee = report.paragraphs.filter((paragraph) => paragraph.sectionId === 'committee');
    expect(committee).toHaveLength(34);
    expect(committee.every((paragraph) => paragraph.lines.length === 1)).toBe(true);
    expect(committee[1]!.text).toBe('主任：刘权');
    expect(report.paragraphs.find((paragraph) => paragraph.lineStart === 1128)?.sectionId).toBe('6.2');
    expect(report.paragraphs.find((paragraph) => paragraph.lineStart === 553)?.sectionId).toBe('3');
  });
});
