import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { createPipeline } from '../../src/pipeline';
import { playConversation } from '../../src/play-conversation';
import type { Answer } from '../../src/types';

// Figures from the report's prose and their arithmetic, asked in everyday words (questions written for these tests).
const pipeline = createPipeline(loadConfig({}, { QA_LOG_LEVEL: 'silent' }));
const ask = async (...turns: string[]): Promise<Answer> => (await playConversation(await pipeline, turns)).at(-1)!;
const flat = (answer: Answer) => answer.answer.replace(/\s+/g, '');

describe('prose figures asked in everyday words', () => {
  it('answers a share of a word naming several category values (初创期) with the share the prose states of the word itself', async () => {
    const answer = await ask('早期那几轮在2019年占比多少');
    expect(flat(answer)).toContain('34%');
    expect(answer.citations.map((c) => c.line)).toContain(452);
  });

  it('answers how far a thing fell with a level said in words (降至毫秒级), the everyday verb (降低到) read as the report\'s', async () => {
    const answer = await ask('蚂蚁的跨链技术让端到端延时降低到多少');
    expect(answer.grounded).toBe(true);
    expect(flat(answer)).toContain('毫秒级');
  });

  it.each([
    ['粤的新企占全国几成', ['33.00%']],
    ['新公司里江苏比浙江多几家', ['71', '27', '44']],
  ])('reads 新企/新公司 as the new firms the prose counts, not the table of all firms: %s', async (question, figures) => {
    const answer = await ask(question);
    expect(answer.grounded).toBe(true);
    for (const figure of figures) expect(flat(answer)).toContain(figure);
    expect(flat(answer)).not.toContain('106');
  });

  it('finds a figure inside a table\'s running-text cell by the row\'s domain, though the cell is about a place', async () => {
    const answer = await ask('一网通办可以处理多少类证照');
    expect(answer.grounded).toBe(true);
    expect(flat(answer)).toContain('25类');
    expect(answer.citations.map((c) => c.line)).toContain(720);
  });

  it('gives both figures where the report states one thing twice with different values, each cited at its line', async () => {
    const answer = await ask('医疗那块区块链落地了几个项目');
    expect(answer.grounded).toBe(true);
    expect(flat(answer)).toMatch(/6个/);
    expect(flat(answer)).toMatch(/12个/);
    expect(answer.citations.map((c) => c.line).sort()).toEqual([655, 779]);
  });

  it.each([
    ['天使轮占比比去年高了几个点', ['32%', '18%', '14个百分点']],
    ['天使轮今年占多少，和19年比多了多少', ['32%', '18%', '14个百分点']],
  ])('gives a category share in two periods and the change in percentage points: %s', async (question, figures) => {
    const answer = await ask(question);
    expect(answer.grounded).toBe(true);
    for (const figure of figures) expect(flat(answer)).toContain(figure);
  });

  it('compares with the figure of exactly the period asked (2019 H1), quoting the sentence that compares once', async () => {
    const answer = await ask('产业规模跟去年上半年比涨了多少');
    expect(answer.grounded).toBe(true);
    expect(flat(answer)).toContain('4.95亿元');
    expect(flat(answer)).toContain('246.46%');
    expect(flat(answer)).not.toContain('12亿元');
    expect(flat(answer).split('17.15亿元').length - 1).toBe(1);
  });

  it('quotes the period comparison where the report makes it (303 家 vs 2019 年的 81 家) with the formula', async () => {
    const answer = await ask('有投入产出的企业今年比19年多了几家');
    expect(flat(answer)).toContain('303−81=222');
    expect(answer.citations.map((c) => c.line)).toEqual([1118]);
  });

  it('keeps the noun of the clause before for a clause naming only a subject: 落地项目 …, 政务占几成', async () => {
    const answer = await ask('应用落地项目一共多少个，政务占几成');
    expect(flat(answer)).toContain('146');
    expect(flat(answer)).toContain('29%');
  });

  it.each([
    ['粤京两地占比加起来多少', '27.06+26.15=53.21'],
    ['江浙两省区块链企业一共几家', '106+85=191'],
  ])('reads 两地/两省 as no topic of its own and 江浙 as its two provinces, summing one table\'s figures: %s', async (question, formula) => {
    const answer = await ask(question);
    expect(answer.grounded).toBe(true);
    expect(flat(answer)).toContain(formula);
  });

  it('compares places with no attribute said by the one table that has a row for each, not by prose figures of two scopes', async () => {
    const answer = await ask('北京跟广东比，哪边多');
    expect(answer.grounded).toBe(true);
    expect(flat(answer)).toContain('354−342=12');
    expect(flat(answer)).not.toContain('79.72%');
  });

  it('sums one currency of 表2-2 whatever everyday words say which amounts (写明的, 确切的), naming the others it leaves out', async () => {
    const answer = await ask('top10里美元金额写明的几家一共多少');
    expect(answer.grounded).toBe(true);
    expect(flat(answer)).toContain('1675+300=1975');
    expect(flat(answer)).toContain('墨群');
    expect(flat(answer)).not.toMatch(/1975万人民币|合计\d+万元/);
  });

  it.each([
    ['企业分布占比最高的是哪个聚集区', '环渤海聚集区', '32.77%'],
    ['哪个区域区块链企业最少', '湘黔渝聚集区', '10.54%'],
  ])('ranks the clusters the prose measures when a cluster is asked for, not the places inside them: %s', async (question, name, figure) => {
    const answer = await ask(question);
    expect(answer.grounded).toBe(true);
    expect(flat(answer)).toContain(name);
    expect(flat(answer)).toContain(figure);
    expect(flat(answer)).not.toContain('79.72%');
  });

  it.each([
    ['政府牵头的园区和企业牵头的园区一共占多少', '34%+20%=54%'],
    ['企业主导的产业园占比比政府主导的低几个点', '20%−34%=-14个百分点'],
  ])('adds up or compares the shares the prose states for several categories, not rows matching all of them: %s', async (question, formula) => {
    const answer = await ask(question);
    expect(answer.grounded).toBe(true);
    expect(flat(answer)).toContain(formula);
    expect(flat(answer)).not.toContain('0个');
  });

  it('answers a sum of a group with the figure the report states for exactly that group, also for the clause after it', async () => {
    const answer = await ask('广东江苏浙江山东今年新成立的区块链企业一共几家，占全国多少');
    expect(answer.grounded).toBe(true);
    expect(flat(answer)).toContain('225家');
    expect(flat(answer)).toContain('74.25%');
    expect(answer.answer.length).toBeLessThanOrEqual(220);
  });

  it('answers a comparison with a period the report gives no figure for by the sentence that compares them in words', async () => {
    const answer = await ask('今年上半年部委区块链政策数量跟19年一整年比，是多了还是少了');
    expect(answer.grounded).toBe(true);
    expect(flat(answer)).toContain('26项');
    expect(flat(answer)).toContain('超过2019年全年');
  });

  it.each([
    ['北京的区块链企业数是浙江的多少倍', '342÷85=4.02'],
    ['新成立的企业里广东是江苏的几倍', '100÷71=1.41'],
    ['今年上半年产业规模是去年同期的几倍', '17.15÷4.95=3.46'],
  ])('answers 几倍 with both figures cited and their quotient: %s', async (question, formula) => {
    const answer = await ask(question);
    expect(answer.grounded).toBe(true);
    expect(flat(answer)).toContain(formula);
  });

  it('reads the organisation a forecast is according to as its source, and finds the figure whose sentence names the topic before 「；」', async () => {
    const answer = await ask('按IDC的预测，今年中国智慧城市的支出能到多少');
    expect(answer.grounded).toBe(true);
    expect(flat(answer)).toContain('259亿美元');
  });

  it('does not give the national figure for the world', async () => {
    const answer = await ask('全世界智慧城市支出今年一共多少');
    expect(answer.grounded).toBe(false);
  });

  it('says an amount asked in another currency is stated in its own and cannot be converted (no exchange rate)', async () => {
    const answer = await ask('智慧城市那259亿是人民币吗，折合人民币多少');
    expect(flat(answer)).toContain('259亿美元');
    expect(flat(answer)).toMatch(/汇率|换算/);
    expect(flat(answer)).not.toMatch(/\d+(\.\d+)?亿元/);
  });

  it('reads an amount word beside a growth as what grows: 支出增速 asks the growth', async () => {
    const answer = await ask('中国智慧城市支出增速是多少');
    expect(flat(answer)).toContain('12.7%');
  });

  it('reads 同比呢 as the growth, and the period a growth was measured against as asking its base figure', async () => {
    const turns = ['今年上半年区块链产业多大规模', '同比呢', '那去年同期是多少'];
    const [, growth, base] = await playConversation(await pipeline, turns);
    expect(flat(growth)).toContain('246.46%');
    expect(flat(base)).toContain('4.95亿元');
  });

  it('compares two figures the question itself states, and never amounts in two currencies as one unit', async () => {
    const answer = await ask('海南那笔100.2万美元的融资跟10亿元的基金比谁大');
    expect(answer.grounded).toBe(true);
    expect(flat(answer)).toContain('100.2万美元');
    expect(flat(answer)).toContain('10亿元');
    expect(flat(answer)).toMatch(/汇率/);
    expect(flat(answer)).not.toMatch(/多\d/);
  });

  it('reads 「top10哪家…最多」 as the most of the top-10 list, ranked within each currency, in a short answer', async () => {
    const answer = await ask('top10哪家拿的融资最多');
    expect(answer.grounded).toBe(true);
    expect(flat(answer)).toContain('潘达动力');
    expect(flat(answer)).toContain('CoolBitX');
    expect(flat(answer)).toMatch(/汇率/);
    expect(answer.answer.length).toBeLessThanOrEqual(220);
  });

  it.each([
    ['北京企业占全国多少', '79.72%（指占环渤海聚集区的比例）'],
    ['上海的区块链企业占比是多少', '40%（指占长江三角洲聚集区的比例）'],
  ])('names the cluster a 其中-share is of, beside the national share: %s', async (question, scoped) => {
    const answer = await ask(question);
    expect(flat(answer)).toContain(scoped);
  });

  it('reads 在总数里占多大比重 as a share, not a count', async () => {
    const answer = await ask('司法的落地项目在总数里占多大比重');
    expect(flat(answer)).toContain('12%');
  });

  it('answers 「X占Y的多少」 of two things of one kind as the quotient of their own figures, in percent', async () => {
    const answer = await ask('浪潮的专利数占腾讯的百分之几');
    expect(answer.grounded).toBe(true);
    expect(flat(answer)).toContain('274÷872=31.42%');
  });

  it('gives the share the report states of one thing in another before computing one', async () => {
    const answer = await ask('信贷那块占金融领域的几成');
    expect(answer.grounded).toBe(true);
    expect(flat(answer)).toContain('占金融领域44%');
    expect(flat(answer)).not.toContain('÷');
  });

  it('reads two one-character short forms joined by 比 as two places to compare', async () => {
    const answer = await ask('沪比浙多多少家区块链公司');
    expect(answer.grounded).toBe(true);
    expect(flat(answer)).toContain('125−85=40');
  });

  it('picks the figure whose own words name the asked group, not a sub-category in a clause opening on it', async () => {
    const answer = await ask('19年初创期的投资轮次占几成');
    expect(flat(answer)).toContain('占比34%');
    expect(flat(answer)).not.toContain('种子轮');
  });

  it('answers a category share of an earlier period from the prose when the table lists no row of that period', async () => {
    const answer = await ask('前年…不对，2019年的天使轮投资占到多少比例');
    expect(answer.grounded).toBe(true);
    expect(flat(answer)).toContain('天使轮占比18%');
  });

  it.each([
    ['山东专利数排到了第几名', '排名升至第四'],
    ['中国在智慧城市上的花费全球排第几', '第二大'],
  ])('reads a place the prose states in words beside the subject\'s figure: %s', async (question, place) => {
    const answer = await ask(question);
    expect(answer.grounded).toBe(true);
    expect(flat(answer)).toContain(place);
  });

  it('reads a place from a sentence listing names in ranking order, and compares it with another period\'s list', async () => {
    expect(flat(await ask('四川的专利在全国排老几'))).toContain('四川排第七');
    const answer = await ask('上海的专利名次跟2019年比是升是降');
    expect(flat(answer)).toContain('上海排第六');
    expect(flat(answer)).toContain('上海排第四');
    expect(flat(answer)).toContain('下降了两位');
    expect(answer.citations.map((c) => c.line).sort()).toEqual([596, 598]);
  });

  it('adds up the things named before 占 and takes the sum of the whole named after it', async () => {
    const text = flat(await ask('证照和审批占政务服务项目的百分比是多少'));
    expect(text).toContain('8+11=19');
    expect(text).toContain('19÷42=45.24%');
    expect(text).not.toContain('证照目');
  });

  it('counts the whole the report\'s shares are of for new firms (303), not one province nor the queried 八千余家', async () => {
    const answer = await ask('今年上半年新冒出来的区块链公司总共几家');
    expect(answer.grounded).toBe(true);
    expect(flat(answer)).toContain('303家');
    expect(flat(answer)).not.toContain('获得投融资');
  });

  it('gives both counts of provinces and cities with special policies, each with its period and line', async () => {
    const answer = await ask('发过区块链专项政策的省市总共多少个');
    expect(answer.grounded).toBe(true);
    expect(flat(answer)).toContain('12个省市');
    expect(flat(answer)).toContain('11个省市');
    expect(answer.citations.map((c) => c.line).sort((a, b) => a - b)).toEqual([222, 1328]);
  });

  it('reads 百分之多少 as a share and keeps 拿到融资 as the topic of a count without a period', async () => {
    const share = await ask('江苏的企业占全国百分之多少');
    expect(flat(share)).toContain('8.10%');
    const financed = await ask('新注册的企业里头拿到融资的有几家');
    expect(flat(financed)).toContain('8家获得投融资');
  });

  it('takes the difference from the figure the conversation stands on (303), with the formula', async () => {
    const answer = await ask('上半年有投入产出的区块链公司几家', '较去年多出多少家');
    expect(flat(answer)).toContain('303−81=222');
  });

  it('reads 2019\'s 81 firms as the count of new firms that year, the figure the report compares 303 with', async () => {
    const answer = await ask('19年新开的区块链企业多少家');
    expect(flat(answer)).toContain('81家');
  });

  it('gives an amount stated in 美元 as stated when 人民币 is asked, and says there is no exchange rate (多少人民币 is not 多少人)', async () => {
    const answer = await ask('中国智慧城市支出能达到多少人民币');
    expect(answer.grounded).toBe(true);
    expect(flat(answer)).toContain('259亿美元');
    expect(flat(answer)).toContain('汇率');
  });

  it('gives a share two places each have (均有…8.91%) as each one\'s, beside the table\'s share of all firms', async () => {
    const answer = await ask('鲁企占全国多大比重');
    expect(flat(answer)).toContain('5.12%');
    expect(flat(answer)).toContain('8.91%');
  });

  it('reads 哪个企业多 beside two places as which place has more firms, with the difference', async () => {
    const answer = await ask('上海跟江苏比，哪个企业更多');
    expect(flat(answer)).toContain('125−106=19');
  });

  it('gives an amount the question states as the report prints it when asked in another currency, with no exchange rate', async () => {
    const answer = await ask('那个100.2万美元的出口融资换成人民币是多少');
    expect(answer.grounded).toBe(true);
    expect(flat(answer)).toContain('100.2万美元');
    expect(flat(answer)).toContain('汇率');
    expect(answer.citations.map((c) => c.line)).toContain(693);
  });

  it('computes a share the report does not print from the whole and the part one sentence states, with the formula', async () => {
    const answer = await ask('2020年新冒出来的研究机构在所有研究机构里占几成');
    expect(answer.grounded).toBe(true);
    expect(flat(answer)).toContain('9÷107=8.41%');
    expect(answer.citations.map((c) => c.line)).toEqual([339]);
  });

  it('compares a count with an earlier year from the prose, not from a table counted as of June 2020', async () => {
    const answer = await ask('区块链企业数量跟2019年比多了几家');
    expect(flat(answer)).toContain('303−81=222');
    expect(flat(answer)).not.toContain('1309');
  });

  it('counts those the question\'s own words single out (领导…发声), not everything of the noun, with a figure of another year', async () => {
    const answer = await ask('讲话之后那20多天里，一共几个省市的领导人为区块链发了声');
    expect(answer.grounded).toBe(true);
    expect(answer.answer).toContain('18');
    expect(answer.citations.map((c) => c.line)).toContain(200);
  });

  it('reads an organisation that predicts (X预测…) as the figure\'s source and 要花/得花 as the report\'s 支出', async () => {
    const answer = await ask('IDC预测咱们国家智慧城市今年要花多少钱');
    expect(answer.grounded).toBe(true);
    expect(answer.answer).toContain('259');
    expect(answer.citations.map((c) => c.line)).toContain(1228);
  });

  it('counts a set by the figure after its listed members (…等 12 个省市), not a later 这 12 个 repeating it, beside the other scope', async () => {
    const answer = await ask('到6月底几个省市搞了区块链专项政策');
    expect(answer.citations.map((c) => c.line)).toContain(222);
    expect(answer.citations.map((c) => c.line)).not.toContain(243);
    expect(answer.answer).toContain('11 个');
  });

  it('gives the count of new firms (8129) as the other scope of new firms asked, not one province\'s figure', async () => {
    const dated = await ask('2020年新成立的区块链企业有多少家');
    expect(dated.answer).toContain('8129');
    const thisYear = await ask('今年新注册的区块链公司究竟有几家');
    expect(thisYear.answer).not.toContain('100家');
  });

  it('reads 是…的几倍 of one thing as the multiple the report states for it, not a count of its noun', async () => {
    const answer = await ask('山东的区块链专利差不多是去年同期的几倍');
    expect(answer.grounded).toBe(true);
    expect(answer.answer).toContain('4 倍');
  });

  it('gives the date of the event asked among several dates of one sentence, even one long before the report\'s half-year', async () => {
    const answer = await ask('国家标准化管理委员会是哪年哪月批准电子标准化研究院当TC 307国内对口单位的');
    expect(answer.answer).toContain('2017年3月');
    expect(answer.answer).not.toContain('2020年4月');
  });

  it('answers a stock as of a year\'s end from the prose figure of that month when the table lists none of it', async () => {
    const answer = await ask('截止19年底数字签名的标准一共有几项');
    expect(answer.answer).toContain('26 项');
    expect(answer.citations.map((c) => c.line)).toContain(920);
  });

  it('compares two subjects\' figures found each by its own words, and says two currencies cannot be compared', async () => {
    const answer = await ask('海南设的那个基金跟智慧城市的支出比谁大');
    expect(answer.answer).toContain('10亿元');
    expect(answer.answer).toContain('259');
    expect(answer.answer).toContain('汇率');
  });

  it.each([['北京专利数量占全国几成'], ['苏州的专利占全国的比重是多少']])(
    'declines a share of a noun no sentence gives it for, rather than a share of something else of the place: %s', async (question) => {
      const answer = await ask(question);
      expect(answer.grounded).toBe(false);
    });

  it('keeps a share whose noun the passage names before its own clause (其次是江苏省71家，占全国的23.43%)', async () => {
    const answer = await ask('新成立的企业里江苏占全国百分之几');
    expect(answer.grounded).toBe(true);
    expect(flat(answer)).toContain('23.43%');
  });

  it('says a category\'s share of a period the report does not give, offering the period it does (种子轮: only 2019)', async () => {
    const answer = await ask('今年上半年种子轮占了多大比例');
    expect(answer.grounded).toBe(false);
    expect(flat(answer)).toContain('种子轮');
    expect(flat(answer)).toContain('4%');
    expect(flat(answer)).not.toContain('49%');
  });

  it('answers each of two side-by-side things and says which one the report gives no such figure for', async () => {
    const answer = await ask('金融和产品溯源的落地项目各占百分之几');
    expect(answer.grounded).toBe(true);
    expect(flat(answer)).toContain('31%');
    expect(flat(answer)).toMatch(/没有给出产品溯源的占比/);
  });

  it('answers a category the table prints and says the other named beside it is not given for the period', async () => {
    const answer = await ask('今年种子轮跟天使轮分别占几成');
    expect(flat(answer)).toContain('32%');
    expect(flat(answer)).toMatch(/没有给出.*种子轮的占比/);
    // 表2-2 lists only the top ten: a share of its rows is no share of all rounds.
    expect(flat(answer)).not.toContain('表2-2');
  });

  it('adds the shares of places of a cluster looked inside, without the cluster\'s own share', async () => {
    const answer = await ask('湘黔渝里四川加重庆占多少');
    expect(flat(answer)).toContain('66.66%');
    expect(flat(answer)).not.toContain('10.54');
  });

  it('dates an event by the date standing as its own clause before it, not by an earlier date whose clause names the thing', async () => {
    // 「2019 年 10 月正式提出…DC/EP；2020 年 4 月，DC/EP 先行在深圳…进行内部封闭试点测试」
    const answer = await ask('数字人民币从啥时候起开始试点');
    expect(flat(answer)).toContain('2020年4月');
    expect(flat(answer)).toContain('试点');
    expect(flat(answer)).not.toContain('2019年10月');
  });

  it.each([
    ['区块链金融这一块广州占多少', '15%', '在区块链金融领域'],
    ['北京在区块链金融方面的占比', '13%', '在区块链金融领域'],
  ])('reads a field named beside a place as where its share is measured, saying the field: %s', async (question, share, field) => {
    const answer = await ask(question);
    expect(answer.grounded).toBe(true);
    expect(flat(answer)).toContain(share);
    expect(flat(answer)).toContain(field);
    expect(flat(answer)).not.toContain('79.72%');
  });

  it('does not give a place\'s share within a field as its share of all firms', async () => {
    const answer = await ask('杭州的区块链公司在全国占几成');
    expect(flat(answer)).not.toContain('31%');
  });

  it('gives a cluster\'s share when its count is asked, saying the count is not stated', async () => {
    const answer = await ask('珠三角那边一共有几家区块链企业');
    expect(flat(answer)).toMatch(/^报告没有给出/);
    expect(flat(answer)).toContain('29.26%');
    expect(answer.citations.map((c) => c.line)).toEqual([387]);
  });

  it.each(['我国的区块链公司总共有几家', '国内区块链企业一共多少家'])('gives the registered stock and the table\'s total for a count of all firms, however the country is said: %s', async (question) => {
    const answer = await ask(question);
    expect(flat(answer)).toContain('四万余家');
    expect(flat(answer)).toContain('1309');
  });

  it('gives the stock of an earlier period beside the half-year\'s new ones, and counts no title named in a cell as what its figure counts', async () => {
    const answer = await ask('安全测试方面的标准一共多少项');
    expect(flat(answer)).toContain('6项');
    expect(flat(answer)).toContain('3项');
    expect(flat(answer)).not.toContain('4项测评要求');
  });

  it('gives an amount asked in another currency as stated, with no conversion, however the conversion is said (合/折合/换成)', async () => {
    const answer = await ask('海南办的那笔融资折合人民币是多少');
    expect(flat(answer)).toContain('100.2万美元');
    expect(flat(answer)).toMatch(/没有给出人民币/);
    expect(flat(answer)).not.toContain('10亿元');
  });

  it('adds a table\'s amounts asked as a 总额 within each currency, never across them', async () => {
    const answer = await ask('融资top10的金额总额是多少');
    expect(flat(answer)).toContain('1975万美元');
    expect(flat(answer)).toContain('5400万人民币');
  });

  it('reads 多融 as a difference of amounts (same currency)', async () => {
    const answer = await ask('Ystar比域乎多融了多少');
    expect(flat(answer)).toContain('400万人民币');
  });

  it('does not say a compared period is missing when the clause quoted states its figure', async () => {
    const answer = await ask('产业规模多大？比去年同期涨了多少？');
    expect(flat(answer)).toContain('246.46%');
    expect(flat(answer)).not.toContain('无法比较');
  });
});

describe('prose figures: the share of a sum, of a whole the question states', () => {
  it('adds up the counts of several places and takes the sum of the whole said (新成立的303家), with the formula', async () => {
    // New firms with output in 2020 H1: 广东 100, 江苏 71, 浙江 27, 山东 27 of 303; the prose states no share of 浙江 or 山东.
    const answer = await ask('粤苏浙鲁合起来占新成立那303家企业的多少');
    expect(answer.answer).toContain('225');
    expect(answer.answer).toContain('74.26%');
  });
});
