import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { createPipeline } from '../../src/pipeline';
import { playConversation } from '../../src/play-conversation';
import type { Answer } from '../../src/types';

const pipeline = createPipeline(loadConfig({}, { QA_LOG_LEVEL: 'silent' }));
const ask = async (...turns: string[]): Promise<Answer> => (await playConversation(await pipeline, turns)).at(-1)!;
const lines = (answer: Answer) => answer.citations.map((c) => c.line);

describe('prose answers: explanations, definitions, lists', () => {
  it('explains what a thing does with the sentence that says so, read on through its 一是/二是/三是', async () => {
    const answer = await ask('抗疫的时候区块链起了啥作用');
    expect(answer.grounded).toBe(true);
    for (const item of ['响应速度', '保护患者隐私', '定位感染者']) expect(answer.answer).toContain(item);
    expect(lines(answer)).toContain(790);
  });

  it('prefers the sentence that says what a thing does over one that only names it (有助于, 能够)', async () => {
    expect((await ask('区块链对智慧城市有什么好处')).answer).toContain('数据孤岛');
    expect((await ask('产业园区对区块链企业有啥用')).answer).toContain('重要载体');
  });

  it('explains a thing named as a topic before the question (X呢，是干啥的) by the sentence about it, not one listing it among others', async () => {
    const answer = await ask('登记中心呢，负责什么');
    expect(answer.answer).toContain('完成权属登记');
    // One clause: the topic and the words asking about it are one part.
    expect(answer.answer.split('[').length - 1).toBeLessThanOrEqual(3);
    expect((await ask('智能合约呢，能干什么')).answer).toContain('自主跟踪合规情况');
  });

  it('answers why from the section whose heading names the topic with its sentence that says how (有助于), whatever retrieval preferred', async () => {
    const answer = await ask('区块链为何适宜做金融业务');
    expect(answer.answer).toContain('信息不对称');
    expect((await ask('区块链为啥能搞司法')).answer).toContain('真实性');
  });

  it('explains how a thing solves a problem by the sentence where it acts (区块链技术能将…), not the one stating the problem', async () => {
    const answer = await ask('区块链是怎么解决捐款去向不明这个问题的');
    expect(answer.answer).toMatch(/^区块链技术能将/);
    expect(answer.answer).toContain('追溯');
  });

  it('explains from the section whose heading names the topic though it leaves 区块链 unsaid, when its sentences say it', async () => {
    const answer = await ask('产品溯源中区块链是怎么用的');
    expect(answer.answer).toMatch(/^区块链技术的运用/);
    expect(lines(answer)).toContain(807);
  });

  it('reads 有什么意义 as asking why a thing is done, told by the sentence that gives the reason (的需要)', async () => {
    expect((await ask('发行DC/EP有什么意义')).answer).toContain('货币主权');
  });

  it('lists the aspects of a topic as the items its own section numbers, not a sentence elsewhere closing with 等方面', async () => {
    const answer = await ask('生态建设这块主要有哪几个方面');
    for (const item of ['政策扶持', '监管体系', '标准建设']) expect(answer.answer).toContain(item);
  });

  it('outlines a chapter whose heading prints a year, and the report when its chapters are counted or it is to be put in a sentence', async () => {
    const chapter = await ask('第七章主要说了什么');
    expect(chapter.grounded).toBe(true);
    expect(chapter.answer).toContain('央行数字货币将加速落地进程');
    for (const question of ['这报告有几个部分', '拿一句话概括这份报告']) {
      const outline = await ask(question);
      expect(outline.answer, question).toMatch(/^报告分为以下各章/);
    }
  });

  it('explains two things said to go together (X和Y结合) from the section whose heading joins them', async () => {
    const answer = await ask('5G跟区块链结合起来能带来啥');
    expect(answer.answer).toContain('极速同步');
    expect(lines(answer)).toContain(644);
  });

  it('opens an explanation with the sentence before the best one that also says why, its subject named in the paragraph', async () => {
    const answer = await ask('区块链做司法存证靠谱在哪');
    expect(answer.answer).toContain('真实性');
    expect(lines(answer)).toContain(746);
  });

  it('defines a term asked in several words (区块链|公共|服务平台) by the sentence that opens with them together', async () => {
    const answer = await ask('区块链公共服务平台是个啥概念');
    expect(answer.answer).toContain('提供区块链技术支撑服务的基础设施');
  });

  it('answers the kind a thing is classed in (属于哪一类) by the sentence naming it as an item, read with the item it elaborates', async () => {
    const answer = await ask('云计算在新型基础设施里面归入哪一类');
    expect(answer.answer).toContain('新技术基础设施');
    expect(answer.answer).toContain('一是信息基础设施');
    const [, followUp] = await playConversation(await pipeline, ['新基建分成哪几块', '那区块链算哪类']);
    expect(followUp.answer).toContain('以人工智能、云计算、区块链等为代表的新技术基础设施');
  });

  it('answers a why asked of a thing (为什么要) with the sentence giving its reason (是…的需要), named by a short form only', async () => {
    const answer = await ask('国家为什么要发行DC/EP');
    expect(answer.answer).toContain('货币主权');
  });

  it('reads 隐私法/数据保护法 as the report\'s 隐私保护法条 and lists the laws it names', async () => {
    const answer = await ask('文中举了哪些外国的隐私法');
    for (const law of ['GDPR', 'CCPA']) expect(answer.answer).toContain(law);
  });

  it('reads 哪个部门印发的 as who issued a document (its 发布主体), not a count of 部门', async () => {
    expect((await ask('《邮政强国建设行动纲要》是哪个部门印发的')).answer).toContain('国家邮政局');
  });

  it('answers in which document something was said with the clause printing its 《title》 and the date it opens with', async () => {
    const answer = await ask('数据要素第一次被列为按贡献参与分配的生产要素，出自哪份文件');
    expect(answer.answer).toContain('《中共中央关于坚持和完善中国特色社会主义制度');
    expect(answer.answer).toContain('2019年10月');
  });

  it('declines how a place\'s thing is (X的政策怎么样) when the only sentence naming the place says nothing of that thing', async () => {
    const answer = await ask('美国那边区块链政策咋样');
    expect(answer.grounded).toBe(false);
    expect((await ask('北京的区块链政策怎么样')).grounded).toBe(true);
  });

  it('answers where in the report with the table asked as 在哪个表里 / 表是哪张, the caption breaking a tie of rows', async () => {
    expect((await ask('电子存证那些案例列在哪个表里')).answer).toMatch(/^在表4-3/);
    expect((await ask('各省区块链企业数的表是哪张')).answer).toContain('表6-1');
    expect((await ask('江苏的企业数在哪个表')).answer).toMatch(/^在表6-1/);
  });

  it('places a named table in its chapter, and the front matter\'s lists in the committee section', async () => {
    const table = await ask('表3-3是在第几章里面');
    expect(table.grounded).toBe(true);
    expect(table.answer).toContain('第二章');
    const list = await ask('校稿名单去报告哪里能看到');
    expect(list.grounded).toBe(true);
    expect(list.answer).toContain('编写委员会');
    expect(lines(list)).toContain(18);
  });

  it('reads places asked in a second clause (分布在几个省) as those of the noun the first clause counted', async () => {
    const answer = await ask('全国一共建了多少区块链园区？分布在几个城市？');
    expect(answer.grounded).toBe(true);
    expect(answer.answer).toContain('28 个城市');
    expect(answer.answer).not.toContain('供应链金融');
  });

  it('lists the members of a set the question counts itself (那12个省市), not the sentence restating the count', async () => {
    const answer = await ask('印发了专项政策的那12个省市分别是哪些');
    expect(answer.grounded).toBe(true);
    for (const place of ['湖南', '泉州', '重庆']) expect(answer.answer).toContain(place);
  });

  it('gives the aspects a section numbers (一是…二是…) when its heading names what is asked in kinds (哪些方面)', async () => {
    const answer = await ask('区块链企业的核心竞争力增强表现在哪几个方面');
    expect(answer.grounded).toBe(true);
    expect(answer.answer).toContain('核心技术持续迭代升级');
    expect(answer.answer).toContain('专利加快发展');
  });

  it('counts the tables of a field the question names (密码算法)', async () => {
    expect((await ask('讲密码算法的表一共几张')).answer).toContain('表5-1');
  });

  it('reads a Latin word whole: GDPR is the report\'s, not the off-topic GDP', async () => {
    const answer = await ask('GDPR在报告哪部分出现');
    expect(answer.grounded).toBe(true);
    expect(answer.answer).toContain('区块链有望推动数据要素流通');
  });

  it('answers where an organisation no table lists is from the city its printed full name holds', async () => {
    const answer = await ask('赛迪区块链研究院是哪个城市的');
    expect(answer.grounded).toBe(true);
    expect(answer.answer).toContain('青岛');
    expect(answer.citations[0].quote).toContain('赛迪（青岛）区块链研究院');
  });

  it('reads who built a thing (谁负责建设的) as who leads it, not when it was founded', async () => {
    const answer = await ask('福建那个金服云谁负责建设的');
    expect(answer.grounded).toBe(true);
    expect(answer.answer).toContain('兴业银行');
  });

  it('says a term the report only uses (持续扩容, X、Y等) is not defined there, quoting where it is used', async () => {
    const sandbox = await ask('监管沙盒到底是个啥东西');
    expect(sandbox.answer.slice(0, 30)).toMatch(/没有给出「监管沙盒」的定义/);
    expect(sandbox.citations.map((c) => c.line)).toContain(1330);
    const proof = await ask('零知识证明啥意思');
    expect(proof.answer).toMatch(/没有给出「零知识证明」的定义/);
    const baas = await ask('BaaS到底是个啥');
    expect(baas.answer).toMatch(/没有给出「BaaS」的定义/);
    const bridge = await ask('T-Bridge指的是啥');
    expect(bridge.answer).not.toMatch(/没有给出/);
    expect(bridge.answer).toContain('通用跨链框架');
  });

  it('defines a term the report only lists among others by the enumeration that names it, said to be no definition', async () => {
    const listed = await ask('公证人机制指的是啥');
    expect(listed.grounded).toBe(true);
    expect(listed.answer).toMatch(/没有给出「公证人机制」的定义/);
    expect(lines(listed)).toContain(565);
    // A sentence that says what the term is (X是…, X是指…) is a definition, whatever gloss word the question asks with.
    const said = await ask('区块链公共服务平台是指啥');
    expect(said.answer).not.toMatch(/没有给出/);
    expect(said.answer).toContain('技术支撑服务的基础设施');
  });

  it('answers why a thing suits a use with the sentence saying what it can do there (区块链技术能将…), not the use\'s problems', async () => {
    const answer = await ask('区块链干嘛适合用在慈善上');
    expect(answer.answer).toContain('记录上链');
    expect(answer.answer.indexOf('记录上链')).toBeLessThan(40);
  });

  it('explains from the section whose own heading names the subject and the asked words together (区块链与云计算…)', async () => {
    const answer = await ask('区块链为什么要和云计算搭着用');
    expect(answer.answer).toContain('优势互补');
    expect(answer.citations.map((c) => c.line)).toContain(618);
  });

  it('answers a why with the sentence giving the reason of every place asked, however many everyday words the question has', async () => {
    const answer = await ask('为什么北京广东这些地方的区块链企业这么多');
    expect(answer.grounded).toBe(true);
    expect(answer.answer).toContain('沿海地区');
  });

  it('defines a term asked as 啥叫X with the report\'s own 「X就是…」 sentence', async () => {
    const answer = await ask('啥叫跨链啊');
    expect(answer.answer).toContain('跨链技术就是实现区块链联盟链价值网络的关键');
  });

  it('answers kinds asked (分哪几类, 有哪几种, 哪几方面) with the sentence that says how many kinds there are, not a table\'s rows', async () => {
    const kinds = await ask('咱们国家的区块链标准一共分哪几类');
    for (const item of ['密码算法和签名标准', '底层框架技术标准', '技术应用标准', '测评认证标准']) expect(kinds.answer).toContain(item);
    const tests = await ask('区块链测评方面的标准有哪几种');
    expect(tests.answer).toContain('两大类');
    expect(tests.answer).not.toContain('据表');
    const fields = await ask('工业互联网这块区块链主要落在哪几方面');
    expect(fields.answer).toContain('工业供应链管理');
  });

  it('picks the k-th item of an enumeration the previous answer quoted (第二个是啥, 第三个呢), not a ranking', async () => {
    const [, second, third] = await playConversation(await pipeline, ['新型基础设施分几块', '第二个是啥', '那第三个呢']);
    expect(second.answer).toContain('二是融合基础设施');
    expect(second.answer).toContain('主要是指深度应用互联网');
    expect(second.understood).toContain('第2项');
    expect(third.answer).toContain('三是创新基础设施');
    const [, privacy] = await playConversation(await pipeline, ['防疫里区块链起了什么作用', '第二个呢']);
    expect(privacy.answer).toContain('保护患者隐私');
    expect(privacy.answer).not.toContain('响应速度');
  });

  it('completes a list with the later sentences of the paragraph that each name an asked word (上中下游 → 上游、中游、下游)', async () => {
    const answer = await ask('区块链产业链的上中下游分别包括什么');
    for (const part of ['上游主要包括', '中游企业聚焦于', '下游企业聚焦于']) expect(answer.answer).toContain(part);
  });

  it('does not take the words that ask for an explanation (有啥帮助, 起到什么作用) for its topic', async () => {
    for (const question of ['5G能给区块链带来啥帮助', '5G对区块链能起到什么作用']) {
      const answer = await ask(question);
      expect(answer.answer, question).toContain('极速同步');
      expect(answer.answer, question).not.toContain('XENIRO');
    }
  });

  it('reads 举几个/说几个/举个例子 as asking for examples (a list), not for how many', async () => {
    const chains = await ask('说几个国外的公链');
    for (const name of ['比特币', '以太坊', 'EOS']) expect(chains.answer).toContain(name);
    const cases = await ask('产品溯源方面举几个例子');
    expect(cases.grounded).toBe(true);
    expect(cases.answer).toContain('食用农产品溯源平台');
    expect(cases.answer).not.toMatch(/没有提到.*数量/);
  });

  it('counts a sentence naming a subject by another of its forms (浙江省 for 浙江) as covering its name', async () => {
    const [, named] = await playConversation(await pipeline, ['溯源领域有哪些典型案例', '浙江那个叫什么名字']);
    expect(named.grounded).toBe(true);
    expect(named.answer).toContain('浙冷链');
  });

  it('names first the section whose heading names the topic when sentences elsewhere mention it as much (专利在第几章)', async () => {
    const answer = await ask('讲专利的是第几章');
    expect(answer.answer).toMatch(/^在第三章「区块链技术发展现状」的「（二）区块链专利公开量持续平稳增长」/);
  });

  it('reads 拿不到钱/拿不到投资 as the report\'s 融资难 and answers why from the section about it', async () => {
    const answer = await ask('初创企业为啥拿不到钱');
    expect(answer.answer).toContain('初创企业融资困难问题依旧突出');
  });

  it('defines a short form with the sentence that defines its full form (新基建 → 新型基础设施是以…)', async () => {
    expect((await ask('新基建到底指啥')).answer).toMatch(/^新型基础设施是以新发展理念为引领/);
  });

  it('says where things mainly are with the report\'s sentence on where they gather, not every row of a table', async () => {
    const labs = await ask('区块链研究机构大多扎堆在哪几个城市');
    for (const city of ['北京', '杭州', '贵阳']) expect(labs.answer).toContain(city);
    expect(lines(labs)).toContain(339);
    const parks = await ask('产业园主要扎在哪些地方');
    expect(parks.answer).toContain('湘黔渝');
    expect(parks.answer.split('[').length - 1).toBe(1);
  });

  it('lists the items a section numbers over paragraphs of their own when the aspects are asked (哪几点)', async () => {
    const answer = await ask('把数据当成生产要素，好处有哪几点');
    expect(answer.answer).toMatch(/^一是数据能提高其他生产要素的边际生产效率/);
    expect(lines(answer)).toEqual([1214, 1216, 1218]);
    // The first item may open inside the sentence leading to it (「…来看，一是…」).
    expect((await ask('部委出台的政策从内容上分哪几个方面')).answer).toMatch(/^一是工业和信息化部/);
  });

  it('answers why a figure moved with the sentence giving its reason alone, and why a subject leads with the reason of it', async () => {
    const slowed = await ask('投融资事件的增速为什么降下来了');
    expect(slowed.answer).toContain('受疫情影响');
    expect(lines(slowed)).toEqual([430]);
    expect((await ask('广东的区块链企业为啥最多')).answer).toContain('政策扶持力度较大');
  });

  it('lists with the enumeration closed by the word asked (…等场景), and only that sentence', async () => {
    const answer = await ask('政务服务这块有哪些场景');
    expect(answer.answer).toContain('行政审批、电子证照、数据共享');
    expect(lines(answer)).toEqual([704]);
    expect((await ask('社区里区块链有哪些落地场景')).answer).toContain('智慧菜场、加装电梯、社区党建');
  });

  it('defines a term the question runs into its asking words (区块链是啥) without calling it undefined', async () => {
    const answer = await ask('区块链究竟是啥');
    expect(answer.answer).not.toContain('没有给出');
    expect(answer.answer).toContain('创新整合的成果');
  });

  it('answers why a thing changed with a reason about that thing, not a sentence about another sharing the word of the change', async () => {
    const answer = await ask('为何产业规模的增长变慢了');
    expect(lines(answer)).toContain(378);
    expect(lines(answer)).not.toContain(1228);
  });

  it('reads 今年 in an explanation as the report\'s year, and a why naming no subject in the section whose heading says its words', async () => {
    expect((await ask('今年区块链公司为啥增加得这么多')).answer).toContain('核心技术自主创新重要突破口');
  });

  it('finds the sentence an everyday verb of the synonym lexicon points to (扎堆 → 集中, 先试 → 试点)', async () => {
    expect((await ask('研究机构都扎堆在什么地方')).answer).toContain('贵阳');
    expect((await ask('法定数字货币先试的城市有哪些')).answer).toContain('雄安');
  });

  it('answers a date said as a quarter in words (今年四季度) for a thing planned', async () => {
    const answer = await ask('5G消息大概什么时候可以用');
    expect(answer.grounded).toBe(true);
    expect(answer.answer).toContain('四季度');
  });

  it('lists the members where a sentence opens an enumeration with the noun asked (知名企业包括A、B、C)', async () => {
    const answer = await ask('工业互联网这块有哪些企业在探索区块链');
    for (const firm of ['阿里巴巴', '中兴', '中国联通']) expect(answer.answer).toContain(firm);
  });

  it('explains what a thing does by the sentence about it, not the one listing it among others (认证中心、登记中心…)', async () => {
    const answer = await ask('认证中心是干嘛的');
    expect(answer.answer).toMatch(/^中央银行通过认证中心/);
  });
});


describe('prose answers: a comma inside brackets ends no clause', () => {
  it('quotes on past a bracketed English name with a comma in it to the titles the clause names', async () => {
    // Line 886: 「…标准委员会（IEEE Digital Finance and Economy Standards Committee, IEEE DFESC）《P3801 …》《P3802 …》两项区块链标准」.
    const answer = await ask('趣链在IEEE那边带头弄了哪些标准');
    expect(lines(answer)).toContain(886);
    expect(answer.answer).toContain('P3801');
    expect(answer.answer).toContain('P3802');
  });
});
