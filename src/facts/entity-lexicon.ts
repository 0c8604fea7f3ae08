import { memoizeRecent } from '../memoize-recent';
import type { ReportDocument } from '../types';

export type EntityType = 'region' | 'domain' | 'organization' | 'year' | 'table' | 'title' | 'standard';

export interface EntityMention {
  type: EntityType;
  /** Canonical name (as the report prints it): '广东', '工业和信息化部', '2019'. */
  name: string;
  /** The text that matched in the question. */
  text: string;
  index: number;
}

export interface EntityLexicon {
  find(text: string): EntityMention[];
  /** All surface forms of a canonical name (for matching evidence). */
  forms(name: string): string[];
}

/** Provinces and province-level municipalities, as 表6-1 names them. */
export const PROVINCES: readonly string[] = ['北京', '天津', '上海', '重庆', '河北', '山西', '辽宁', '吉林', '黑龙江', '江苏', '浙江', '安徽', '福建',
  '江西', '山东', '河南', '湖北', '湖南', '广东', '海南', '四川', '贵州', '云南', '陕西', '甘肃', '青海', '台湾', '内蒙古',
  '广西', '西藏', '宁夏', '新疆', '香港', '澳门'];

/** Application domains of chapter 四 and their everyday names. */
const DOMAINS: Record<string, string[]> = {
  金融: ['金融领域', '金融'], 政务服务: ['政务服务', '政务', '政府服务'], 司法: ['司法领域', '司法'],
  医疗健康: ['医疗健康', '医疗'], 产品溯源: ['产品溯源', '溯源'], 交通出行: ['交通出行', '交通'],
  社区服务: ['社区服务', '社区'], 公益慈善: ['公益慈善', '公益', '慈善'], 智慧城市: ['智慧城市'], 疫情防控: ['疫情防控'],
  信贷融资: ['信贷融资'], 电子签章: ['电子签章'], 供应链金融: ['供应链金融'], 跨境支付: ['跨境支付'], 资产证券化: ['资产证券化'],
  行政审批: ['行政审批'], 电子证照: ['电子证照'], 数据共享: ['数据共享'], 精准扶贫: ['精准扶贫'], 海关贸易: ['海关贸易'],
  电子票据: ['电子票据'], 城市治理: ['城市治理'], 电子存证: ['电子存证'], 版权保护: ['版权保护'], 立案审查: ['立案审查'],
};

const GENERIC = new Set(['政府', '企业', '高校', '部委', '多部门', '等多部门', '研究机构']);

/** Aliases from common usage → the report's name. */
const ALIASES: Record<string, string[]> = {
  阿里巴巴: ['阿里巴巴', '阿里', '支付宝'], 腾讯: ['腾讯'], 浪潮: ['浪潮'], 中国人民银行: ['中国人民银行', '人民银行', '央行'],
  工业和信息化部: ['工业和信息化部', '工信部'], 长江三角洲: ['长江三角洲', '长三角'], 珠江三角洲: ['珠江三角洲', '珠三角'],
  环渤海: ['环渤海', '黄渤海'], 湘黔渝: ['湘黔渝'], 赛迪区块链研究院: ['赛迪区块链研究院', '赛迪'],
  中国信息通信研究院: ['中国信息通信研究院', '信通院'], 国家知识产权局: ['国家知识产权局', '知识产权局'],
  'DC/EP': ['DC/EP', 'DCEP', '数字人民币', '央行数字货币', '法定数字货币'], 蚂蚁集团: ['蚂蚁集团', '蚂蚁金服', '蚂蚁区块链', '蚂蚁'],
  华为: ['华为', '华为云'], 百度: ['百度'], 京东: ['京东'], 微众银行: ['微众银行'], 国家发展和改革委员会: ['国家发展和改革委员会', '发改委'],
  住房和城乡建设部: ['住房和城乡建设部', '住建部'], 交通运输部: ['交通运输部', '交通部'],
};

/** Short forms of a company name: '华为技术有限公司' → 华为技术, 华为; '重庆易保全网络科技有限公司' → 易保全. */
function shortNames(name: string): string[] {
  const forms: string[] = [];
  let stem = name.replace(/(股份有限公司|有限责任公司|有限公司|集团|公司)$/, '');
  if (stem !== name) forms.push(stem);
  const core = stem.replace(/(网络科技|系统科技|科技|技术|软件|网络|计算|系统|互联)$/, '');
  if (core !== stem && core.length >= 2) forms.push((stem = core));
  const local = stem.replace(/^(青岛|北京|重庆|贵州|上海|深圳|杭州|广州|中国)/, '');
  if (local !== stem && local.length >= 2) forms.push(local);
  return forms;
}

const STANDARD = /(?:GB\/T|GM\/T|T\/[A-Z]+|DB\d+\/T)\s*\d+(?:\.\d+)?(?:\s*[-—–]\s*\d{4})?/g;

/**
 * The named things a question can be about, built from the report's tables (provinces, cities,
 * organisations) plus domains, aliases, years and table ids, with their surface forms.
 */
export function buildEntityLexicon(document: ReportDocument): EntityLexicon {
  const forms = new Map<string, { type: EntityType; name: string }>();
  const byName = new Map<string, string[]>();
  const add = (type: EntityType, name: string, surface: string[]) => {
    for (const s of surface) if (s.length >= 2 && !forms.has(s)) forms.set(s, { type, name });
    byName.set(name, [...new Set([...(byName.get(name) ?? []), ...surface])]);
  };
  for (const p of PROVINCES) add('region', p, [p, `${p}省`, `${p}市`]);
  // Aliases first: 央行 names 中国人民银行 even where a table prints 央行 as an issuing body.
  for (const [name, surface] of Object.entries(ALIASES)) add('organization', name, surface);
  for (const table of document.tables) {
    table.columns.forEach((column, i) => {
      const regional = /地域|省份|城市|地方/.test(column);
      // Names of companies and issuing bodies; role columns (牵头人, 主导机构: 政府/企业/高校) are not names.
      const organisational = /公司名称|^企业$|发布主体/.test(column);
      if (!regional && !organisational) return;
      for (const row of table.rows) {
        const cell = (row.cells[i] ?? '').replace(/\s*[（(]\d+[)）]\s*/g, '').trim();
        if (!cell || cell === '总计' || cell.length > 24) continue;
        if (regional) add('region', cell.replace(/(省|市)$/, ''), [cell, cell.replace(/(省|市)$/, '')]);
        else for (const part of cell.split(/[、，,]/)) {
          const name = part.trim().replace(/等(多|\d+)?部(门|委)?$/, '');
          if (name.length >= 2 && !GENERIC.has(name)) add('organization', name, [name, ...shortNames(name)]);
        }
      }
    });
  }
  for (const [name, surface] of Object.entries(DOMAINS)) add('domain', name, surface);
  const surfaces = [...forms.keys()].sort((a, b) => b.length - a.length);
  return {
    forms: (name) => byName.get(name) ?? [name],
    find: memoizeRecent((text: string): EntityMention[] => {
      const mentions: EntityMention[] = [];
      const taken = new Array<boolean>(text.length).fill(false);
      const claim = (index: number, length: number) => {
        for (let i = index; i < index + length; i++) if (taken[i]) return false;
        for (let i = index; i < index + length; i++) taken[i] = true;
        return true;
      };
      for (const match of text.matchAll(/表\s*(\d+)\s*[-－—]\s*(\d+)/g)) {
        if (claim(match.index!, match[0].length)) mentions.push({ type: 'table', name: `表${match[1]}-${match[2]}`, text: match[0], index: match.index! });
      }
      for (const match of text.matchAll(STANDARD)) {
        if (claim(match.index!, match[0].length)) mentions.push({ type: 'standard', name: match[0].replace(/\s+/g, '').replace(/[—–]/g, '-'), text: match[0], index: match.index! });
      }
      for (const match of text.matchAll(/《[^》]{2,60}》|“[^”]{2,40}”/g)) {
        if (claim(match.index!, match[0].length)) mentions.push({ type: 'title', name: match[0].slice(1, -1), text: match[0], index: match.index! });
      }
      for (const match of text.matchAll(/(?<!\d)(19|20)\d{2}(?!\d)/g)) {
        if (claim(match.index!, match[0].length)) mentions.push({ type: 'year', name: match[0], text: match[0], index: match.index! });
      }
      for (const surface of surfaces) {
        let from = 0;
        for (;;) {
          const index = text.indexOf(surface, from);
          if (index < 0) break;
          if (claim(index, surface.length)) mentions.push({ ...forms.get(surface)!, text: surface, index });
          from = index + surface.length;
        }
      }
      return mentions.sort((a, b) => a.index - b.index);
    }),
  };
}
