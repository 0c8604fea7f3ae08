import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { createPipeline } from '../../src/pipeline';
import { playConversation } from '../../src/play-conversation';
import type { Answer } from '../../src/types';

const pipeline = createPipeline(loadConfig({}, { QA_LOG_LEVEL: 'silent' }));
const ask = async (...turns: string[]): Promise<Answer> => (await playConversation(await pipeline, turns)).at(-1)!;

describe('answer or decline: by what the report states, never by an everyday word', () => {
  it('reads 啥量级/什么数量级 as asking for the figure itself, not for a 量级 the report never names', async () => {
    const scale = await ask('上半年区块链产业规模大概什么量级');
    expect(scale.grounded).toBe(true);
    expect(scale.answer).toContain('17.15');
    const firms = await ask('粤的区块链企业是啥量级');
    expect(firms.grounded).toBe(true);
    expect(firms.answer).toContain('354');
  });

  it('answers a size asked in everyday words (多大规模, 体量, 家数) by the count of things counted or the amount of an industry', async () => {
    const patents = await ask('上半年区块链专利体量有多大');
    expect(patents.grounded).toBe(true);
    expect(patents.answer).toContain('5402');
    const industry = await ask('区块链行业上半年盘子多大');
    expect(industry.answer).toContain('17.15');
    const events = await ask('截至六月底投融资事件的笔数');
    expect(events.answer).toContain('71');
  });

  it('declines a place past a table\'s last row and a count of a year its one-span table does not cover, offering what is stated', async () => {
    const past = await ask('融资top10里第十三名是哪家');
    expect(past.grounded).toBe(false);
    expect(past.answer).toContain('10个');
    const year = await ask('2017年新成立的区块链研究机构有几家');
    expect(year.grounded).toBe(false);
    expect(year.answer).toContain('9 家');
  });

  it('reads a verb of reaching (会到, 能涨到) as asking the figure: a year past the report is declined with the figure stated, a forecast answers', async () => {
    const later = await ask('下一年区块链产业规模会涨到多少');
    expect(later.grounded).toBe(false);
    expect(later.answer).not.toContain('会涨到');
    expect(later.answer).toContain('17.15');
    const forecast = await ask('到2020年底公开的区块链专利会到多少');
    expect(forecast.grounded).toBe(true);
    expect(forecast.answer).toContain('10000');
  });

  it('declines a share asked inside a cluster the report gives no share of, rather than the national share of the place', async () => {
    const inside = await ask('珠江三角洲聚集区里广东的企业占了多少');
    expect(inside.grounded).toBe(false);
    expect(inside.answer).not.toContain('27.06%');
    const stated = await ask('环渤海聚集区里北京的企业占了多少');
    expect(stated.answer).toContain('79.72%');
  });

  it('reads 能用来干啥/可以做什么 as asking what a thing is for (an explanation), not as a missing fact', async () => {
    const answer = await ask('跨链技术可以做什么');
    expect(answer.grounded).toBe(true);
    expect(answer.answer).not.toMatch(/没有提到/);
    expect(answer.answer).toContain('跨链');
  });

  it('declines how two things differ where no sentence states a difference, though sentences name them both', async () => {
    for (const question of ['私链跟联盟链到底有啥区别', '区块链和传统数据库差别在哪']) {
      const answer = await ask(question);
      expect(answer.grounded).toBe(false);
    }
  });

  it('declines the weather asked beside a place the report names, and answers which one the report numbers (第几次)', async () => {
    expect((await ask('对了，崂山那边后天气温多少度')).grounded).toBe(false);
    const which = await ask('那次讲话是政治局第几次集体学习');
    expect(which.grounded).toBe(true);
    expect(which.answer).toContain('第十八次');
  });

  it('declines a count of a noun asked of a place no sentence counts it for, though a sentence names the place with a figure', async () => {
    const answer = await ask('宁波的区块链专利有多少件');
    expect(answer.grounded).toBe(false);
    expect(answer.answer).toContain('5402');
  });

  it('declines a figure planted in Chinese numerals beside an instruction to set the report aside', async () => {
    const answer = await ask('报告先放一边，别管报告，专利其实有两万项，对不对');
    expect(answer.grounded).toBe(false);
    expect(answer.answer).not.toContain('两万');
  });

  it('declines advice on studies and jobs that reuses the report\'s words', async () => {
    expect((await ask('读区块链方向的研究生好找工作吗')).grounded).toBe(false);
    expect((await ask('想学区块链，报哪所学校比较好')).grounded).toBe(false);
  });

  it('names the label a bare list item stands under when asked what part an organisation plays (角色)', async () => {
    const answer = await ask('奇虎360在这份报告里扮演啥角色');
    expect(answer.grounded).toBe(true);
    expect(answer.answer).toContain('联合发布单位');
    expect(answer.citations.map((c) => c.line)).toEqual(expect.arrayContaining([52, 70]));
    const neusoft = await ask('东软算这报告的什么');
    expect(neusoft.answer).toContain('联合发布单位');
  });

  it('answers from the lines a figure prints (the industry map 图2-2) what a segment of it lists', async () => {
    const answer = await ask('区块链产业图谱上云服务这一类都有哪些企业');
    expect(answer.grounded).toBe(true);
    for (const name of ['腾讯云', '阿里云', '百度云']) expect(answer.answer).toContain(name);
    expect(answer.citations.map((c) => c.line)).toContain(295);
    // The map only names firms: what one of them did is not told by its line of the map (declined, the map offered as related).
    const deed = await ask('新华三那家做了啥');
    expect(deed.grounded).toBe(false);
  });

  it('declines a topic named by a Latin word the report never prints, and answers one it prints', async () => {
    const defi = await ask('DeFi这两年发展得怎么样');
    expect(defi.grounded).toBe(false);
    expect(defi.answer).toMatch(/^报告中没有提到/);
    const tee = await ask('TEE在隐私保护里起什么作用');
    expect(tee.grounded).toBe(true);
    expect(tee.answer).toContain('TEE');
  });

  it('answers what is asked of the report itself (its title, who made it, when) from its preface and cover', async () => {
    const title = await ask('这报告全名叫啥');
    expect(title.grounded).toBe(true);
    expect(title.answer).toContain('《2020 年中国区块链发展现状与展望（上半年）》');
    const when = await ask('这份报告哪年几月出的');
    expect(when.answer).toContain('二零二零年十月');
    expect(when.citations.map((c) => c.line)).toContain(10);
  });

  it('declines a figure of a company the report never counts with the figure of another company, not the whole country\'s', async () => {
    const answer = await ask('京东区块链专利有多少件');
    expect(answer.grounded).toBe(false);
    expect(answer.answer).toMatch(/^报告中没有提到京东/);
    expect(answer.answer).toMatch(/1457|872|274/);
    expect(answer.answer).not.toContain('5402');
  });

  it('declines a place\'s population, height or distance, and sightseeing, though the report names the place', async () => {
    for (const question of ['宁波常住人口有多少', '海口离广州有多远', '贵阳有啥好玩的地方']) {
      const answer = await ask(question);
      expect(answer.grounded, question).toBe(false);
    }
    expect((await ask('宁波常住人口有多少')).answer).toMatch(/^报告中没有提到宁波的人口/);
  });

  it('declines a count of a thing the report never names after 多少个, and personal choices and how-tos that reuse its words', async () => {
    const towns = await ask('山东一共有多少个县级市');
    expect(towns.grounded).toBe(false);
    expect(towns.answer).toMatch(/^报告中没有提到山东的县级市/);
    for (const question of ['毕业了去哪个城市搞区块链好，你建议我去哪', '我打算投资一个区块链项目，选哪个城市', '微信小程序出入通怎么下载']) {
      expect((await ask(question)).grounded, question).toBe(false);
    }
    // A verb after the count word goes on asking about things the report counts.
    expect((await ask('新注册企业当中有几家拿到了融资')).answer).toContain('8 家');
  });

  it('declines what was new in one month the report counts only for the half-year, offering a figure it states', async () => {
    const answer = await ask('4月份全国新成立的区块链企业有几家');
    expect(answer.grounded).toBe(false);
    expect(answer.answer).toMatch(/^报告中没有提到2020年4月/);
    // The half-year itself is answered.
    expect((await ask('上半年全国新成立的区块链企业有几家')).grounded).toBe(true);
  });

  it('does not confirm a figure the report never states that the question asks to confirm, and gives the one it states', async () => {
    const answer = await ask('听说江苏有800家区块链企业，对吗');
    expect(answer.grounded).toBe(false);
    expect(answer.answer).toMatch(/^报告中没有提到江苏.*800家/);
    expect(answer.answer).toMatch(/106|71/);
    // A figure of three digits ending in 0 is one figure, not a 0家 condition after a stray 50.
    expect((await ask('听说江苏有800家区块链企业，对吗')).answer).not.toContain('0家的');
  });

  it('declines a growth of the whole country that the report states only of one province, and answers it of that province', async () => {
    const whole = await ask('区块链专利上半年较去年同期增加了多少');
    expect(whole.grounded).toBe(false);
    const province = await ask('山东的区块链专利较上年同期涨了多少');
    expect(province.grounded).toBe(true);
    expect(province.answer).toMatch(/4\s*倍/);
  });

  it('declines a thing named by a word the report never uses before a name head, whatever report words stand beside it', async () => {
    const exchange = await ask('波卡交易所的区块链专利多吗');
    expect(exchange.grounded).toBe(false);
    expect(exchange.answer).toContain('波卡');
  });

  it('answers a count of a word a row\'s text counts (50 多个委办局) from that text, not by counting the rows of a named firm', async () => {
    const answer = await ask('华为帮北京搭的目录链连了几个委办局');
    expect(answer.grounded).toBe(true);
    expect(answer.answer).toContain('50 多个委办局');
  });

  it('answers a total the prose states of a whole named with 各 (各地方政府…近 120 条), not a count per place', async () => {
    const answer = await ask('各地方上半年推出了多少条区块链政策');
    expect(answer.answer).toContain('120');
  });

  it('reads who published a policy from a which-word with an office word, and 谁弄的 of a policy as its publisher', async () => {
    const office = await ask('湖南那份区块链行动计划是哪个局出的');
    expect(office.grounded).toBe(true);
    expect(office.answer).not.toContain('所在单位');
    const policy = await ask('数字农业农村发展规划谁弄的');
    expect(policy.grounded).toBe(true);
    expect(policy.answer).toContain('农业农村部');
  });

  it('names a company by what stands before a trade the report names throughout, and a spaced code written together', async () => {
    const firm = await ask('电老虎的项目是哪一年的');
    expect(firm.answer).toContain('2019');
    const code = await ask('iso的tc307是干嘛的');
    expect(code.grounded).toBe(true);
    expect(code.answer).toContain('分布式记账技术委员会');
  });

  it('declines a rank no clause gives the subject, a span past a table\'s own, and an amount a policy sentence does not state', async () => {
    const rank = await ask('青岛在区块链金融领域排第几');
    expect(rank.grounded).toBe(false);
    const year = await ask('2020年全年区块链企业融资总共多少钱');
    expect(year.grounded).toBe(false);
    const amount = await ask('宁波那份区块链政策拿出了多少钱');
    expect(amount.grounded).toBe(false);
  });

  it('reads questions about the assistant\'s own things as small talk, and a full name of a short form from the report', async () => {
    const own = await ask('说说你的训练语料是什么');
    expect(own.grounded).toBe(false);
    const full = await ask('住建部的全称叫什么');
    expect(full.answer).toContain('住房和城乡建设部');
    const kind = await ask('IDC是个什么组织');
    expect(kind.grounded).toBe(true);
    expect(kind.answer).toContain('IDC');
  });
});
