import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { createPipeline } from '../../src/pipeline';
import { playConversation } from '../../src/play-conversation';
import type { Answer } from '../../src/types';

// Follow-up chains through the real pipeline on the real report, in wordings of our own.
const pipeline = createPipeline(loadConfig({}, { QA_LOG_LEVEL: 'silent' }));
const ask = async (...turns: string[]): Promise<Answer> => (await playConversation(await pipeline, turns)).at(-1)!;

describe('follow-up chains on the real report', () => {
  it('keeps the noun counted before for a subject and a share said alone, declining where the report gives no such share', async () => {
    const answer = await ask('今年上半年国内一共公开了几项区块链专利', '那江苏占多少');
    expect(answer.grounded).toBe(false);
    expect(answer.answer).toContain('专利');
    expect(answer.answer).not.toContain('23.43%');
  });

  it('says the period compared with is not stated, instead of repeating the figure as if it compared', async () => {
    const answer = await ask('投融资事件上半年一共几笔', '那跟2019年上半年比呢');
    expect(answer.answer).toContain('71');
    expect(answer.answer).toContain('没有给出2019年上半年');
  });

  it('takes a growth the report states as the comparison with the earlier period, with no note that it is missing', async () => {
    const answer = await ask('上半年有投入产出的新区块链公司多少家', '跟2019年比涨了多少');
    expect(answer.answer).toContain('274.07%');
    expect(answer.answer).not.toContain('无法比较');
  });

  it('answers the shares of a cluster\'s member provinces within that cluster, not of the whole country', async () => {
    const answer = await ask('湘黔渝那个聚集区的区块链企业占全国几成', '重庆、四川又分别占多少');
    expect(answer.answer).toContain('34.78%');
    expect(answer.answer).toContain('31.88%');
    expect(answer.answer).not.toContain('3.67%');
  });

  it('tells why the figure the answer opened on is so from its own section, not from the section of a table added aside', async () => {
    const answer = await ask('今年上半年新注册的区块链企业当中拿到投融资的有几家', '怎么会这么少');
    expect(answer.answer).toContain('疫情');
    expect(answer.citations.some((c) => c.line >= 428 && c.line <= 470)).toBe(false);
  });

  it('ranks the kinds of the field asked about before when a follow-up asks which two kinds lead (哪两类)', async () => {
    const answer = await ask('政务这一块今年上半年有多少区块链项目落地', '里面哪两类最多');
    expect(answer.grounded).toBe(true);
    for (const kind of ['行政审批', '电子证照']) expect(answer.answer).toContain(kind);
  });

  it('keeps the subject when a follow-up naming none takes up a word of the topic asked before (试点 → 试点的城市)', async () => {
    const answer = await ask('数字人民币是什么时候开始封闭试点的', '试点的城市有哪几个');
    for (const city of ['深圳', '苏州', '成都']) expect(answer.answer).toContain(city);
  });

  it('reads 分别 after an answer about one cluster as the member places of that cluster it named, each a share of it', async () => {
    const answer = await ask('企业占比最低的聚集区是哪个', '它主要分布在哪些地方', '各自占多少');
    expect(answer.answer).toContain('31.88%');
    expect(answer.answer).toContain('34.78%');
  });

  it('reads what things of another noun a place has where they are listed, not in the table of the turn before', async () => {
    const answer = await ask('表6-1里贵州有几家区块链公司', '那它发过什么专项政策');
    expect(answer.answer).toContain('关于加快区块链技术应用和产业发展的意见');
  });

  it('asks who did the things of one year after their total, then a column of the table the answer read, then another row', async () => {
    const turns = ['17年以来区块链加工业互联网一共新增了几个项目', '2020年那个是谁搞的'];
    const who = await ask(...turns);
    expect(who.answer).toContain('长荣股份');
    const platform = await ask(...turns, '平台用的是啥');
    expect(platform.answer).toContain('Root Cloud');
    const other = await ask(...turns, '平台用的是啥', '美的那个平台呢');
    expect(other.answer).toContain('广东（东莞）工业互联网产业示范平台');
  });

  it('answers the k-th by date after the earliest (第二早的呢), said by date', async () => {
    const answer = await ask('表3-3里成立最早的园区是哪个', '那第二早的呢');
    expect(answer.answer).toContain('江北新区产业园');
    expect(answer.answer).toContain('第二早');
  });

  it('sets a total the turn before added up against the one subject a difference names next', async () => {
    const answer = await ask('表6-1里江苏和浙江一共多少家', '比上海多几家');
    expect(answer.answer).toContain('191');
    expect(answer.answer).toContain('66');
  });

  it('answers the rest of a whole once the part asked last is left out (除了X剩下的), with the formula', async () => {
    const answer = await ask('政务服务上半年落地了几个项目', '其中行政审批的有几个', '除了行政审批剩下的有多少');
    expect(answer.answer).toContain('31');
    expect(answer.answer).toContain('42−11=31');
  });

  it('asks the row of the same table in a place said next (那贵阳的呢 after a research institute)', async () => {
    const answer = await ask('山东区块链研究院由谁牵头', '那贵阳的呢');
    expect(answer.answer).toContain('区块链技术与应用联合实验室');
    expect(answer.answer).toContain('政府');
  });

  it('compares two rows by date when asked which came first after another column of theirs', async () => {
    const answer = await ask('表2-2里Ystar是什么轮', '域乎呢', '这两家哪个先拿到钱');
    expect(answer.answer).toContain('域乎更早');
  });

  it('answers what the things counted before are about, in words of its own, not their count again', async () => {
    const answer = await ask('医疗健康上半年落地了几个区块链项目', '落地的场景主要是什么');
    expect(answer.answer).toContain('医疗信息共享');
  });

  it('answers a growth asked after a period switch from the sentence that compares the two periods', async () => {
    const answer = await ask('今年上半年有投入产出的区块链公司有几家', '那19年呢', '涨幅多少');
    expect(answer.answer).toContain('274.07%');
    expect(answer.grounded).toBe(true);
  });

  it('answers another numbered tier after the members of the first were asked about', async () => {
    const answer = await ask('区块链企业第一梯队有谁', '这俩各多少家', '第二梯队呢');
    for (const name of ['上海', '山东', '四川', '重庆']) expect(answer.answer).toContain(name);
  });

  it('keeps the table of the turn before for a company said by a short name (阿里 → 阿里云计算有限公司 in 表8-1)', async () => {
    const answer = await ask('表8-1里面美的那个项目平台叫啥', '那阿里呢');
    expect(answer.answer).toContain('supET');
    expect(answer.understood).toContain('阿里云计算有限公司');
  });

  it('answers an attribute asked after a top-k for each member the answer named', async () => {
    const answer = await ask('成立时间最早的三个区块链园区是哪几个', '分别谁主导');
    for (const name of ['虹口区新链空间', '江北新区产业园', '宝山区智力产业园天空区块链孵化基地']) expect(answer.answer).toContain(name);
    expect(answer.answer).not.toContain('中关村创客小镇');
  });

  it('answers a thing of the follow-up\'s own words about 它, not the count asked before', async () => {
    const answer = await ask('海南的区块链公司有几家', '那它搞的基金有多大');
    expect(answer.answer).toContain('10亿元基金');
    expect(answer.grounded).toBe(true);
  });

  it('answers a category of all research institutes from the prose, not from the table of the new ones', async () => {
    const answer = await ask('全国的区块链研究机构总共几家', '其中大学有多少所');
    expect(answer.answer).toContain('33');
  });

  it('answers the other set of policies when a follow-up switches from the ministries to the local governments', async () => {
    const local = await ask('中央各部委出了几条区块链政策', '那地方上的呢');
    expect(local.answer).toContain('120');
    expect(local.answer).not.toContain('26 项');
  });

  it('ranks the same things by another grouping when a follow-up names only the column (按城市算呢)', async () => {
    const byCity = await ask('产业园最多的是哪个省', '那按城市来算呢');
    expect(byCity.answer).toContain('杭州');
    expect(byCity.answer).toContain('6');
    const byYear = await ask('产业园最多的是哪个城市', '改成按年份统计呢');
    expect(byYear.answer).toContain('2018年');
  });

  it('answers a noun of its own after a declined attribute, and declines the same attribute of another subject', async () => {
    const patents = await ask('腾讯的营业额是多少', '那它的专利呢');
    expect(patents.grounded).toBe(true);
    expect(patents.answer).toContain('872');
    const other = await ask('腾讯的营业额是多少', '那浪潮呢');
    expect(other.grounded).toBe(false);
  });

  it('answers 新成立的呢 after a question about 表6-1 from the figure of the new firms', async () => {
    const answer = await ask('表6-1里浙江有几家', '那上半年新成立的呢');
    expect(answer.answer).toContain('27');
  });

  it('adds up the two places the user asked about, not a third the last answer named in passing', async () => {
    const answer = await ask('苏有几家区块链企业', '浙呢', '这两个加一块多少');
    expect(answer.answer).toContain('191');
  });

  it('lists the cases of the field asked about the turn before', async () => {
    const answer = await ask('医疗领域上半年落地了几个区块链项目', '都有哪些例子');
    expect(answer.answer).toContain('表4-4');
    expect(answer.answer).toContain('昆山');
  });

  it('names the extreme among the places asked about before (哪个最多 after three places)', async () => {
    const answer = await ask('杭州、广州和上海分别有几个区块链园区', '哪个最多');
    expect(answer.answer).toContain('杭州最多');
    expect(answer.answer).not.toContain('浙江');
  });

  it('keeps the field when only the place changes (那北京呢 after 杭州的区块链金融占比)', async () => {
    const answer = await ask('区块链金融方面杭州占全国的比重', '那北京呢');
    expect(answer.answer).toContain('13%');
    expect(answer.answer).not.toContain('26.15%');
  });

  it('explains a figure the user quotes back by its whole clause, not just the figure', async () => {
    const answer = await ask('海南拿出了多少钱设基金', '那个10亿的基金干嘛用的');
    expect(answer.answer).toContain('数字资产交易');
  });

  it('answers the month of the one row a filtered table list named', async () => {
    const answer = await ask('表5-8中2020年的那个标准是啥', '哪个月发的');
    expect(answer.answer).toContain('区块链系统测评和选型规范');
    expect(answer.answer).toContain('2020-03');
    expect(answer.answer).not.toContain('2017-03');
  });

  it('answers a row of the table asked about named by a piece of its name (许可链那个呢)', async () => {
    const answer = await ask('表5-8中2020年的那个标准是啥', '哪个月发的', '许可链那个呢');
    expect(answer.answer).toContain('许可链测评指南');
    expect(answer.answer).toContain('2018-07');
  });

  it('sets the place a follow-up names against the one before when its next clause compares them (X呢，俩哪个多)', async () => {
    const answer = await ask('粤的区块链公司有多少家', '京呢，它俩谁多');
    expect(answer.answer).toContain('广东比北京多12家');
  });

  it('asks a later clause of a follow-up about the same things as its first clause (那广州呢？最早的是哪个)', async () => {
    const answer = await ask('杭州一共几个区块链园区', '换成广州呢，哪个成立得最早');
    expect(answer.answer).toContain('2017.09');
    expect(answer.answer).toContain('广州越秀区国际区块链产业园');
  });

  it('answers a period switch from the sentence of the new period, not the one quoted for the old (那今年上半年的呢)', async () => {
    const answer = await ask('2019年区块链专利排前五的省份', '那20年上半年呢');
    expect(answer.answer).toContain('山东');
    expect(answer.answer).not.toContain('2019 年全国');
  });

  it('ranks the places within the field asked before when a follow-up asks the second one (第二名呢 after a city\'s share in a field)', async () => {
    const answer = await ask('杭州在区块链金融方面占全国几成', '排第二的是谁');
    expect(answer.answer).toContain('广州');
    expect(answer.answer).toContain('15%');
  });

  it('picks the k-th of the rows a table count selected when they have no names to pick from (第三个 after 案例有几个)', async () => {
    const answer = await ask('表4-2里数据共享那块有几个案例', '第三个讲的是哪里');
    expect(answer.answer).toContain('上海市启动房地产经纪行业诚信信息平台');
    expect(answer.answer).not.toContain('漯河');
  });

  it('declines a count of one operator after the all-operators figure, not quoting a table row that only names it', async () => {
    const answer = await ask('全国5G基站开通了多少个', '中国联通开了多少');
    expect(answer.answer).toContain('报告中没有提到');
    expect(answer.answer).not.toContain('S2B2C');
  });

  it('answers a difference against the k-th of the ranking the conversation stands on, with the formula', async () => {
    const top = await ask('区块链公司数量排第一的是哪个省', '它跟第二名差几家');
    expect(top.answer).toContain('354−342=12');
    const fifth = await ask('浙江的区块链公司有多少', '离第一还差多少家');
    expect(fifth.answer).toContain('354−85=269');
    const fields = await ask('落地项目最多的是哪个领域', '比第二多几个');
    expect(fields.answer).toContain('46−42=4');
  });

  it('ranks the subfields of the field the conversation is about, not the field among its peers', async () => {
    const first = await ask('政务这块落地了几个项目', '哪个细分场景最多');
    expect(first.answer).toContain('行政审批');
    expect(first.answer).not.toContain('42');
    const second = await ask('政务这块落地了几个项目', '哪个细分场景最多', '第二呢');
    expect(second.answer).toContain('电子证照');
    const finance = await ask('金融那块哪个细分领域落地项目最多');
    expect(finance.answer).toContain('信贷融资');
  });

  it('asks the whole stock after a question about what was new, not the new ones again', async () => {
    const ranked = await ask('今年上半年新注册的区块链公司哪个省最多', '那算上历年存量的呢');
    expect(ranked.answer).toContain('354');
    const one = await ask('江苏新成立了几家区块链企业', '累计的呢');
    expect(one.answer).toContain('106');
  });

  it('explains why a figure is what it is from the section the answer before quoted it from', async () => {
    const answer = await ask('北京的区块链公司有几家', '怎么会这么多');
    expect(answer.answer).toContain('政策扶持力度较大');
    expect(answer.grounded).toBe(true);
  });

  it('reads 它 as the table row the answer named for a company said by its short name', async () => {
    const answer = await ask('浪潮做的工业互联网项目平台叫什么', '它哪年发布的');
    expect(answer.answer).toContain('2018');
    expect(answer.answer).toContain('浪潮软件集团有限公司');
  });

  it('gives the date of what the answer before told, where the report states it again with its date', async () => {
    const answer = await ask('数币目前在哪几个城市试点', '什么时候开始试的');
    expect(answer.answer).toMatch(/2020\s*年\s*4\s*月/);
    expect(answer.answer).not.toContain('2019');
  });

  it('gives the rows after a tie for 倒数第二, not the tied last ones again', async () => {
    const answer = await ask('区块链公司最少的是哪几个省', '那倒数第二的呢');
    expect(answer.answer).toContain('山西');
    expect(answer.answer).not.toContain('西藏');
  });

  it('answers where a thing is piloted from a sentence that names the places', async () => {
    const answer = await ask('DC/EP是哪一年提出的', '在哪些地方试点');
    for (const city of ['深圳', '苏州', '成都']) expect(answer.answer).toContain(city);
  });

  it('asks the others after a question about one (别的部委呢): its rows are left out, the rest is asked the same', async () => {
    const answer = await ask('工信部出了哪些区块链政策', '别的部委呢');
    expect(answer.answer).toContain('工业和信息化部以外');
    expect(answer.answer).toContain('金融科技（FinTech）发展规划');
    expect(answer.answer).not.toContain('关于工业大数据发展的指导意见');
  });

  it('ranks the scenes of the field asked about (哪两个场景最多), and reads 分布表 as where to read, not as what is counted', async () => {
    const scenes = await ask('政务这块落地了几个项目', '排前两位的场景是哪两个');
    expect(scenes.answer).toContain('行政审批');
    expect(scenes.answer).toContain('电子证照');
    const table = await ask('今年新注册的区块链企业哪个省最多', '那看全国累计的统计表呢');
    expect(table.answer).toContain('354');
  });

  it('declines a carrier the report gives no base stations for, naming the figure it does give', async () => {
    for (const carrier of ['中国电信建了几个', '中国联通呢']) {
      const answer = await ask('5G基站全国开通了多少', carrier);
      expect(answer.answer).toContain('报告中没有提到');
      expect(answer.answer).toContain('40 万个');
    }
  });
});

describe('follow-ups: another category value of the same column', () => {
  it('counts the category asked, not a neighbouring clause of the sentence that lists every category', async () => {
    // 第 491 行: 政企合作 17 家, 政府主导 15 家, 企业主导 9 家 (of 44 parks).
    const government = await ask('那44个产业园中政府牵头搞的有多少');
    expect(government.answer).toContain('15');
    expect(government.answer).not.toContain('17 家产业园为政府与企业合作');
    const firms = await ask('那44个产业园中政府牵头搞的有多少', '企业牵头的呢');
    expect(firms.answer).toContain('9');
    expect(firms.answer).not.toContain('15');
  });

  it('replaces every reading of the words the earlier turn filtered on (a value two tables print)', async () => {
    // 企业主导 is a value of 表3-3's and of 表2-1's 主导机构; switching to 政企合作 drops both.
    const joint = await ask('这44家产业园，企业主导的几家', '那政企合作的占多大比例');
    expect(joint.answer).toContain('39%');
    expect(joint.answer).not.toContain('20%');
  });
});

describe('follow-ups: an update of the reading before, slot by slot', () => {
  it('asks a count of the places a list named, not of places within them', async () => {
    // 第 1128 行: 第二梯队 上海、山东、江苏、浙江、四川、重庆; 表6-1: 上海 125, 重庆 48.
    const answer = await ask('属于第二梯队的是哪些省份', '这些省各有几家企业');
    expect(answer.answer).toContain('125');
    expect(answer.answer).toContain('48');
  });

  it('reads the provinces a list named as alternatives of one column, together with the filter it kept', async () => {
    // 表1-2 省级层面: 湖南省 2020年4月, 贵州省 2020年5月, 海南省 2020年5月.
    const answer = await ask('省级层面发专项政策的是哪几个省', '那它们分别是什么时候发的');
    expect(answer.answer).toContain('2020年4月');
    expect(answer.answer).toContain('海南省加快区块链产业发展若干措施的通知');
  });

  it('lists another field of the same kind in turn, without the narrower noun the first turn said', async () => {
    // 表5-2: 数字签名 standards of 2020-04.
    const answer = await ask('上半年发布的密码算法国家标准是哪几项', '那数字签名方面的呢');
    expect(answer.answer).toContain('移动签名服务技术要求');
  });

  it('gives the figure the report states of a cluster when the count asked before has none for it', async () => {
    // 第 387 行: 珠江三角洲聚集区，占比 29.26%.
    const answer = await ask('广东的区块链企业有几家', '那珠三角聚集区呢');
    expect(answer.grounded).toBe(true);
    expect(answer.answer).toContain('29.26%');
  });

  it('adds up the figures of the two periods the conversation stood on', async () => {
    // 第 1063 行: 性能测试 5 by the end of 2019, 1 more in 2020 H1.
    const answer = await ask('性能测试标准规范截至2019年底发布了几项', '2020上半年又新增几项', '两个加起来呢');
    expect(answer.answer).toContain('6');
    expect(answer.answer).toContain('5+1=6');
  });

  it('explains a small figure of a row from the sentences of its table’s section that say why', async () => {
    // 第 1128 行: 其他中部地区、西部地区以及东北地区数量明显较少 … 这是由于 …
    const answer = await ask('甘肃有多少家区块链企业', '怎么这么少');
    expect(answer.answer).toContain('数量明显较少');
    expect(answer.answer).toContain('这是由于');
  });

  it('keeps the field asked before when a place is said with 那个', async () => {
    // 表4-7: 北京环境交易所… 「绿色出行普惠平台」.
    const answer = await ask('交通出行方面落地了多少项应用', '北京的那个叫啥平台');
    expect(answer.answer).toContain('绿色出行普惠平台');
  });
});

describe('follow-ups: picks and comparisons among what the answer before named', () => {
  it('picks the k-th policy the answer enumerated, whoever issued it with others', async () => {
    // 表1-1 工信部: the third of its own is 产业人才需求预测工作实施方案, 2020年4月.
    const answer = await ask('工信部出过哪些政策', '第三个是几月份的');
    expect(answer.answer).toContain('产业人才需求预测工作实施方案');
    expect(answer.answer).toContain('2020年4月');
  });

  it('sets two places of the ranking before against each other', async () => {
    // 表6-1: 上海 125 (third), 江苏 106 (fourth).
    const answer = await ask('企业数量排前五的省是哪些', '第三名比第四名多几家');
    expect(answer.answer).toContain('19');
  });

  it('asks which of the two places the conversation went through issued first', async () => {
    // 表1-2: 贵州省 2020年5月, 重庆市 2020年4月.
    const answer = await ask('贵州的区块链专项政策是哪个', '重庆呢', '这俩谁先发布的');
    expect(answer.answer).toContain('重庆');
    expect(answer.answer).toContain('2020年4月');
  });

  it('tells what the thing just named is for from the rest of the sentence it was quoted from', async () => {
    // 第 255 行: 设立10亿元基金，支持龙头企业探索数字资产交易.
    const answer = await ask('海南那个基金有多少钱', '是干什么用的');
    expect(answer.answer).toContain('龙头企业');
  });

  it('asks the kind of another thing named alone after a kind was asked', async () => {
    // 第 1198 行: 以数据中心、智能计算中心为代表的算力基础设施.
    const answer = await ask('新基建包含哪些方面', '区块链属于其中哪一类', '那智能计算中心呢');
    expect(answer.answer).toContain('算力基础设施');
  });

  it('counts the noun said right after 多少 even where a classifier starts it (多少项目)', async () => {
    // 第 704 行: 行政审批 11, 电子证照 8.
    const answer = await ask('司法领域上半年落地多少项目', '政务服务呢', '哪两个场景最多');
    expect(answer.answer).toContain('行政审批');
    expect(answer.answer).toContain('电子证照');
  });
});

describe('follow-ups: topics named by words, and dates of quoted sentences', () => {
  it('keeps the words that named a topic when a fragment asks something else of it', async () => {
    // 第 636 行: 鄞州区智慧菜场 3.0 项目…通过人工智能、区块链等最新技术.
    const answer = await ask('鄞州那个智慧菜场是几点零', '靠哪些技术');
    expect(answer.answer).toContain('人工智能');
  });

  it('dates the quoted sentence that holds the verb asked, of several in one line', async () => {
    // 第 884 行: 2017年3月…批准…对口单位; 2020年4月…指导…组建方案.
    const answer = await ask('谁是ISO/TC 307的国内技术对口单位', '啥时候批准的');
    expect(answer.answer).toContain('2017年3月');
  });

  it('asks which of the counted things is in a place with 哪家, not which company', async () => {
    // 表2-1: 上海 上海树图区块链研究院.
    const answer = await ask('2020年新增了多少家区块链研究机构', '上海的是哪家');
    expect(answer.answer).toContain('上海树图区块链研究院');
  });

  it('gives the share of the category named by its own words, not of one holding a piece of them', async () => {
    // 第 491 行: 由企业主导的区块链产业园仅有 9 家，占比 20%.
    const answer = await ask('政府主导的产业园占多少', '企业主导的呢');
    expect(answer.answer).toContain('20%');
    expect(answer.answer).not.toContain('39%');
  });
});

describe('follow-ups: differences within a grouped ranking', () => {
  it('sets the group asked before against the k-th group of the same grouping', async () => {
    // 表3-3 by city: 杭州 6, 广州 5.
    const answer = await ask('哪座城市的区块链产业园最多', '比排第二的多几个');
    expect(answer.answer).toContain('杭州');
    expect(answer.answer).toContain('广州');
    expect(answer.answer).toContain('6−5=1');
  });

  it('sets the first and the k-th group the conversation stood on against each other', async () => {
    // 表3-3 by year founded: 2018 17, 2017 15.
    const answer = await ask('产业园哪一年成立得最多', '第二多的是哪年', '两年差几个');
    expect(answer.answer).toContain('17−15=2');
  });
});

describe('follow-ups: the others of what was asked', () => {
  it('counts the rows of the other bodies, not the prose total that holds the one left out', async () => {
    // 表1-1: 工信部 in 6 rows of 26; the other bodies' rows are 20.
    const answer = await ask('工信部出了几个区块链政策', '其余的部委呢');
    expect(answer.answer).toContain('工业和信息化部以外');
    expect(answer.answer).toContain('20');
  });

  it('lists the rows of the other values of the column filtered on before', async () => {
    // 表2-2: besides 天使轮 (Ystar, 墨群), eight firms.
    const answer = await ask('表2-2里拿天使轮的是哪几家', '剩下的是什么轮');
    expect(answer.answer).toContain('天使轮以外');
    expect(answer.answer).toContain('战略投资');
  });

  it('compares a category’s share with its own share of the year asked, not a wider category’s', async () => {
    // 第 450 行: 2019 天使轮 18%; 2020 H1 32%.
    const answer = await ask('今年上半年天使轮占多少', '跟2019年比高了多少');
    expect(answer.answer).toContain('14');
  });
});

describe('follow-ups: places asked after a ranking or a count', () => {
  it('ranks a municipality among the cities the sentence ranks beside it', async () => {
    // 第 424 行: 杭州市占全国比重的 31%，其次是广州市和北京分别是 15%和 13%.
    const answer = await ask('区块链金融领域哪个城市占比最高', '排第三的呢');
    expect(answer.answer).toContain('北京');
    expect(answer.answer).toContain('13%');
  });

  it('reads a place with a bare which-word as which of the things just counted', async () => {
    // 表2-1: 成都 成都区块链工程技术研究中心.
    const answer = await ask('今年新增了几个区块链研究机构', '成都的是哪个');
    expect(answer.answer).toContain('成都区块链工程技术研究中心');
  });
});

describe('follow-ups: why a figure is so, told where the last answer stood', () => {
  it('reads the section of the last answer, not of a table an earlier answer named aside', async () => {
    // 第 1165 行: 2019 年…仅有 19 家 … 新冠肺炎疫情的爆发 … 仅有 8 家获得投融资.
    const answer = await ask('今年新注册的区块链企业拿到融资的有几家', '那2019年的呢', '怎么这么少');
    expect(answer.answer).toContain('疫情');
  });
});
