/**
 * Multi-turn conversations through POST /api/chat over HTTP with the real pipeline. The client
 * keeps the history (the server keeps none): each turn sends every earlier question and the
 * service's own earlier answers, and the last reply must contain the expected figure(s) of the
 * report. Follow-up resolution is the pipeline's job; failures here are reported to its owner.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatReply } from '../../src/server/wire-types';
import { compact, postChat, startService, type StartedService } from './service-helpers';

interface Turn {
  user: string;
  /** Each entry: one of these strings must appear in the answer (whitespace ignored). */
  expect: (string | string[])[];
  grounded?: boolean;
}

// Figures as printed in the report (line numbers in the comments).
const CONVERSATIONS: { name: string; turns: Turn[] }[] = [
  { name: 'province after province (表6-1, 1138–1142)', turns: [
    { user: '广东有多少家区块链企业？', expect: ['354'] },
    { user: '那江苏呢？', expect: ['106'] },
    { user: '浙江呢？', expect: ['85'] }] },
  { name: 'application fields (655)', turns: [
    { user: '金融领域落地了多少个项目？', expect: ['46'] },
    { user: '那司法领域呢？', expect: ['18'] },
    { user: '政务服务呢？', expect: ['42'] }] },
  { name: 'count then share (表6-1, 1139)', turns: [
    { user: '北京有多少家区块链企业？', expect: ['342'] },
    { user: '占全国的比例是多少？', expect: ['26.15%'] }] },
  { name: 'Shanghai then Shandong (表6-1)', turns: [
    { user: '上海有多少家区块链企业？', expect: ['125'] },
    { user: '山东呢？', expect: ['67'] }] },
  { name: 'traceability, transport, community (811, 829, 842)', turns: [
    { user: '2020上半年产品溯源领域搭建了多少个平台？', expect: ['10'] },
    { user: '交通出行领域呢？', expect: ['5'] },
    { user: '社区服务领域呢？', expect: ['4'] }] },
  { name: 'industry scale by period (378)', turns: [
    { user: '2020年上半年我国区块链产业规模是多少？', expect: ['17.15'] },
    { user: '2019年上半年呢？', expect: ['4.95'] }] },
  { name: 'patents now and forecast (587)', turns: [
    { user: '2020年上半年中国公开的区块链专利数量是多少？', expect: ['5402'] },
    { user: '预计到年底能达到多少？', expect: ['10000'] }] },
  { name: 'industrial parks by city (477)', turns: [
    { user: '全国共有多少家区块链产业园区？', expect: ['44'] },
    { user: '杭州有几家？', expect: ['6'] },
    { user: '广州呢？', expect: ['5'] }] },
  { name: 'new enterprises of 2020 H1 (331)', turns: [
    { user: '2020年上半年新成立的具有投入产出的区块链企业有多少家？', expect: ['303'] },
    { user: '其中广东省有多少家？', expect: ['100'] },
    { user: '江苏省呢？', expect: ['71'] }] },
  { name: 'patent ranking of companies (1128 ff.)', turns: [
    { user: '2020年上半年阿里巴巴有多少件区块链专利？', expect: ['1457'] },
    { user: '腾讯呢？', expect: ['872'] },
    { user: '浪潮呢？', expect: ['274'] }] },
  { name: 'Sichuan then Chongqing (表6-1)', turns: [
    { user: '四川有多少家区块链企业？', expect: ['44'] },
    { user: '重庆呢？', expect: ['48'] }] },
  { name: 'Hunan count then share (表6-1)', turns: [
    { user: '湘有几家区块链企业', expect: ['22'] },
    { user: '比例是多少？', expect: ['1.68%'] }] },
  { name: 'finance sub-fields (672)', turns: [
    { user: '金融领域中信贷融资落地了多少个项目？', expect: ['20'] },
    { user: '电子签章呢？', expect: ['12'] },
    { user: '供应链金融呢？', expect: ['9'] }] },
  { name: 'government services and its parts (704)', turns: [
    { user: '2020上半年政务服务领域落地了多少个区块链项目？', expect: ['42'] },
    { user: '其中行政审批有多少个？', expect: ['11'] },
    { user: '电子证照呢？', expect: ['8'] }] },
  { name: 'judicial part then whole (750)', turns: [
    { user: '司法领域电子存证有多少个项目落地？', expect: ['11'] },
    { user: '司法领域一共有多少个？', expect: ['18'] }] },
  { name: 'epidemic then community (794, 842)', turns: [
    { user: '疫情防控方面有多少个区块链项目落地？', expect: ['6'] },
    { user: '社区服务呢？', expect: ['4'] }] },
  { name: 'financing of new enterprises by year (1138 ff., 6.3)', turns: [
    { user: '2019年新注册的区块链企业融资事件有多少？', expect: ['19'] },
    { user: '2020年上半年呢？', expect: ['8'] }] },
  { name: '5G base stations (1227)', turns: [
    { user: '截至2020年6月底全国建设开通了多少5G基站？', expect: [['40万', '40 万']] },
    { user: '是几家运营商建设的？', expect: ['3'] }] },
  { name: 'four clusters (387)', turns: [
    { user: '环渤海聚集区的企业分布占比是多少？', expect: ['32.77%'] },
    { user: '珠江三角洲呢？', expect: ['29.26%'] },
    { user: '长江三角洲呢？', expect: ['24.44%'] },
    { user: '湘黔渝呢？', expect: ['10.54%'] }] },
  { name: 'all projects then the finance share (655)', turns: [
    { user: '2020上半年区块链应用落地项目一共有多少个？', expect: ['146'] },
    { user: '金融领域占比多少？', expect: ['31%'] }] },
  { name: 'small provinces (表6-1)', turns: [
    { user: '河南有多少家区块链企业？', expect: ['4'] },
    { user: '安徽呢？', expect: ['4'] },
    { user: '河北呢？', expect: ['3'] }] },
  { name: 'parks: new ones then Shanghai (477)', turns: [
    { user: '2020年新增了多少家区块链产业园？', expect: ['3'] },
    { user: '上海有几个区块链产业园？', expect: ['4'] }] },
  { name: 'charity then community (865, 842)', turns: [
    { user: '2020上半年公益慈善领域新增了几个落地项目？', expect: ['2'] },
    { user: '那社区服务领域呢？', expect: ['4'] }] },
  { name: 'off-report follow-up stays ungrounded', turns: [
    { user: '广东有多少家区块链企业？', expect: ['354'] },
    { user: '那比特币的价格呢？', expect: ['报告'], grounded: false }] },
];

let service: StartedService;
beforeAll(async () => { service = await startService(); });
afterAll(async () => { await service?.close(); });

describe('multi-turn conversations through /api/chat', () => {
  it('has at least 20 conversations of 2–4 turns', () => {
    expect(CONVERSATIONS.length).toBeGreaterThanOrEqual(20);
    expect(CONVERSATIONS.every((c) => c.turns.length >= 2 && c.turns.length <= 4)).toBe(true);
  });

  it.each(CONVERSATIONS.map((c) => [c.name, c] as const))('%s', async (_, conversation) => {
    const messages: { role: 'user' | 'assistant'; content: string }[] = [];
    const failures: string[] = [];
    for (const [index, turn] of conversation.turns.entries()) {
      messages.push({ role: 'user', content: turn.user });
      const response = await postChat(service.url, { messages });
      expect(response.status).toBe(200);
      const reply = await response.json() as ChatReply;
      const answer = compact(reply.answer);
      for (const wanted of turn.expect) {
        const options = Array.isArray(wanted) ? wanted : [wanted];
        if (!options.some((o) => containsFigure(answer, compact(o)))) {
          failures.push(`turn ${index + 1} 「${turn.user}」 expected ${options.join(' | ')}, got 「${reply.answer}」` +
            (reply.understood ? ` (understood: ${reply.understood})` : ''));
        }
      }
      if (turn.grounded !== undefined && reply.grounded !== turn.grounded) failures.push(`turn ${index + 1} grounded ${reply.grounded}`);
      messages.push({ role: 'assistant', content: reply.answer });
    }
    expect(failures).toEqual([]);
  });
});

/** `figure` occurs in `text` and, when it is a number, not as part of a longer one (4 ≠ 44, 2 ≠ 2020). */
function containsFigure(text: string, figure: string): boolean {
  if (!/^\d/.test(figure)) return text.includes(figure);
  const pattern = new RegExp(`(?<![\\d.])${figure.replace(/[.%]/g, (c) => `\\${c}`)}(?![\\d]|\\.\\d)`);
  return pattern.test(text.replace(/\[\d+\]/g, ''));
}
