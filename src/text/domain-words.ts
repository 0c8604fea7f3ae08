import type { ReportDocument } from '../types';

/** Domain terms jieba must keep whole; jieba alone cuts 区块链 into 区块/链. */
export const BASE_DOMAIN_WORDS: readonly string[] = [
  '区块链', '联盟链', '公有链', '私有链', '基础链', '数字人民币', '数字货币', '央行数字货币', '新基建', '产业园',
  '产业园区', 'BaaS', 'DC/EP', '跨链', '隐私计算', '隐私保护', '智能合约', '分布式账本', '分布式记账', '共识机制',
  '工业互联网', '物联网', '云计算', '大数据', '人工智能', '供应链金融', '电子存证', '电子证照', '行政审批',
  '产品溯源', '投融资', '天使轮', '战略投资', '落地项目', '专利公开量', '研究机构', '聚集区', '环渤海', '长三角',
  '长江三角洲', '珠三角', '珠江三角洲', '湘黔渝', '赛迪区块链研究院', '赛迪研究院', '中国信通院', '工信部',
  '工业和信息化部', '中国人民银行', '人民银行', '央行', '国家知识产权局', '团体标准', '国家标准', '行业标准',
  '密码算法', '数字签名', '测评认证', '监管沙盒', '数据要素', '智慧城市', '一键立案', '四道防线',
];

const SPLIT = /[、，,；;\s（）()《》“”"]+/;

/**
 * Words derived from the parsed report: every table cell that names a province, city, company,
 * ministry, park or standard, split on enumeration punctuation, plus figure/table caption words.
 */
export function domainWords(document: ReportDocument): string[] {
  const words = new Set<string>(BASE_DOMAIN_WORDS);
  for (const table of document.tables) {
    for (const row of table.rows) {
      for (const cell of row.cells) {
        const bare = cell.replace(/\s*[（(]\d+[)）]\s*/g, '').trim();
        if (!bare || /^[\d.\-%\s年月]+$/.test(bare)) continue;
        if (bare.length <= 12) words.add(bare);
        for (const part of bare.split(SPLIT)) {
          if (part.length >= 2 && part.length <= 12 && !/^\d/.test(part)) words.add(part);
        }
      }
    }
  }
  // Province/city forms with and without the administrative suffix (苏州/苏州市, 广东/广东省).
  for (const word of [...words]) {
    const stem = word.replace(/(省|市|区|县)$/, '');
    if (stem !== word && stem.length >= 2) words.add(stem);
  }
  return [...words].sort();
}
