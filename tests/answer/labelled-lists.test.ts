import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { createPipeline } from '../../src/pipeline';
import { playConversation } from '../../src/play-conversation';
import type { Answer } from '../../src/types';

const pipeline = createPipeline(loadConfig({}, { QA_LOG_LEVEL: 'silent' }));
const ask = async (...turns: string[]): Promise<Answer> => (await playConversation(await pipeline, turns)).at(-1)!;

describe('lists the report prints under a label (the front matter): members listed and counted', () => {
  it('counts the members of a labelled list, each member cited where its line prints it', async () => {
    const writers = await ask('写这份报告的编写人员总共几位');
    expect(writers.grounded).toBe(true);
    expect(writers.answer).toContain('16人');
    expect(writers.citations).toHaveLength(16);
    expect(writers.citations.map((c) => c.line)).toEqual(expect.arrayContaining([28, 30, 32]));
    const units = await ask('联合发布的单位数一下有多少家');
    expect(units.answer).toContain('17');
    expect(units.citations).toHaveLength(17);
    const advisers = await ask('编委会请了几位顾问');
    expect(advisers.answer).toContain('6人');
  });

  it('lists every member of a label without a colon (「编写人员（排名不分先后）」) read on to the last line', async () => {
    const answer = await ask('编写人员名单给我列一下都有谁');
    expect(answer.grounded).toBe(true);
    for (const name of ['孙小越', '袁方', '常瑞青']) expect(answer.answer).toContain(name);
  });
});

describe('labels read from the report as words of the question (副主任 stays one word)', () => {
  it('answers several labels asked with 叫啥 / 各是谁 / 跟…都是谁, each list in the order named', async () => {
    const heads = await ask('编委会的主任和副主任分别叫啥名字');
    expect(heads.grounded).toBe(true);
    expect(heads.answer).toMatch(/主任：刘权.*副主任：黄忠义/);
    const three = await ask('顾问、校稿、副主任各是谁');
    for (const name of ['朱晔罡', '邱平文', '黄忠义']) expect(three.answer).toContain(name);
    expect(three.answer).not.toContain('编写人员');
    const units = await ask('委托单位跟组织单位都是谁');
    for (const name of ['中国区块链生态联盟', '赛迪区块链研究院']) expect(units.answer).toContain(name);
  });

  it('follows a list with another label (「副主任呢」) or the k-th member (「第二个是谁」)', async () => {
    expect((await ask('主任是谁', '那副主任呢')).answer).toContain('黄忠义');
    expect((await ask('指导单位有哪些', '委托单位呢')).answer).toContain('中国区块链生态联盟');
    const second = await ask('校稿的都有谁', '第二个是谁');
    expect(second.answer).toContain('张兆鹏');
    expect(second.answer).not.toContain('赵甜');
  });

  it('counts a labelled list asked in the second clause of a message', async () => {
    const answer = await ask('主任是哪位？顾问一共请了几个？');
    expect(answer.answer).toContain('刘权');
    expect(answer.answer).toContain('6人');
  });

  it('says what a person of the lists is, and declines what the lists do not print about them, giving the label', async () => {
    const who = await ask('马兆丰是谁');
    expect(who.grounded).toBe(true);
    expect(who.answer).toContain('顾问');
    const unit = await ask('副主任黄忠义在哪个单位工作');
    expect(unit.grounded).toBe(false);
    expect(unit.answer).toContain('副主任');
    expect(unit.citations.map((c) => c.line)).toContain(24);
    const job = await ask('赵甜是做什么工作的');
    expect(job.grounded).toBe(false);
    expect(job.answer).toContain('校稿');
    expect((await ask('刘权是谁', '那张兆鹏呢')).answer).toContain('张兆鹏列为校稿');
  });
});

describe('names asked of a set of several (叫啥 after 四大/三类) are its members listed', () => {
  it('lists every member the enumeration names, not its first clause', async () => {
    const answer = await ask('那四大聚集区分别叫什么名字');
    for (const name of ['环渤海', '长江三角洲', '珠江三角洲', '湘黔渝']) expect(answer.answer).toContain(name);
  });
});

describe('members of a counted noun named about a subject in prose', () => {
  it('names the firms a sentence enumerates about a city (「依靠A、B、C等重点科技公司」), not a sentence listing the city among others', async () => {
    const answer = await ask('杭州那边做区块链的都有哪些公司');
    expect(answer.grounded).toBe(true);
    for (const name of ['阿里巴巴', '万向集团', '嘉楠耘智']) expect(answer.answer).toContain(name);
    expect(answer.citations.map((c) => c.line)).toContain(426);
  });

  it('does not list the places of a table that only counts firms per place when firms are asked', async () => {
    const answer = await ask('产业链中游都有哪些企业');
    expect(answer.answer).not.toContain('表6-1');
    expect(answer.answer).toContain('智能合约');
  });
});

describe('kinds asked with 在哪 before them', () => {
  it('reads 「集中在哪几个…分类」 as asking which kinds, answered by the sentence naming them (G06Q、G06F 和 H04L)', async () => {
    const answer = await ask('区块链专利申请都集中在哪几个分类');
    expect(answer.grounded).toBe(true);
    for (const name of ['G06Q', 'G06F', 'H04L']) expect(answer.answer).toContain(name);
  });
});

describe('a thing named in a prose enumeration of organisations', () => {
  it('gives the item naming the organisation (「百度智能云 BaaS 平台」) when its platform is asked by a short name', async () => {
    const answer = await ask('百度那个区块链平台叫什么名字');
    expect(answer.grounded).toBe(true);
    expect(answer.answer).toContain('百度智能云 BaaS 平台');
    expect(answer.citations.map((c) => c.line)).toContain(1264);
  });
});

describe('a table row lacking the column asked', () => {
  it('answers who issued a listed policy from the prose sentence naming its title (表1-2 has no issuer column)', async () => {
    const answer = await ask('海南省那份区块链专项政策是哪个部门印发的');
    expect(answer.grounded).toBe(true);
    expect(answer.answer).toContain('海南省工信厅');
    expect(answer.citations.map((c) => c.line)).toContain(255);
  });
});

describe('ties at an extreme in a prose enumeration', () => {
  it('gives every item a figure said of them all (「信息安全、智能合约等方面…均占比 2%」) when the smallest is asked', async () => {
    const answer = await ask('产业链各块里占比最低的是哪些');
    expect(answer.grounded).toBe(true);
    expect(answer.answer).toContain('信息安全');
    expect(answer.answer).toContain('智能合约');
  });
});

describe('a list completed by the sentence enumerating its members', () => {
  it('adds the sentence naming the platforms after the ones saying what a public service platform is', async () => {
    const answer = await ask('区块链公共服务平台国内都有哪些');
    expect(answer.grounded).toBe(true);
    for (const name of ['TBaaS', 'BCS', '京东智臻链']) expect(answer.answer).toContain(name);
  });
});

describe('several labelled lists asked at once', () => {
  it('gives each list named by a word only its label holds (委托单位, 组织单位)', async () => {
    const answer = await ask('这份报告的委托单位和组织单位分别是哪家');
    expect(answer.answer).toContain('中国区块链生态联盟');
    expect(answer.answer).toContain('赛迪区块链研究院');
  });
});

describe('a place named only in the text of a table row', () => {
  it('answers from the row of the named table that prints the place (表4-1: 外汇局海南省分局 … 100.2 万美元)', async () => {
    const answer = await ask('表4-1里外汇局海南省分局那笔出口应收账款融资，金额多大');
    expect(answer.grounded).toBe(true);
    expect(answer.answer).toContain('100.2');
  });
});

describe('a count of what is new in a period beside the rows a table dates in it', () => {
  it('gives the prose count and the parks the table dates in that year, each named', async () => {
    const answer = await ask('20年全国新开了几家区块链产业园');
    expect(answer.grounded).toBe(true);
    expect(answer.answer).toContain('3');
    expect(answer.answer).toContain('石家庄数字经济产业园');
  });
});

describe('a list about a subject, not one listing it among others', () => {
  it('does not answer what a domain covers with a sentence naming it as one of many domains', async () => {
    const answer = await ask('区块链在司法领域主要在哪些方面落地');
    expect(answer.grounded).toBe(true);
    expect(answer.citations.map((c) => c.line)).not.toContain(653);
    expect(answer.answer).toContain('电子存证');
  });
});

describe('a ranking of the members of a domain', () => {
  it('ranks the scenarios within 政务服务, not 政务服务 among other domains nor its own total', async () => {
    const answer = await ask('政务服务领域里落地最多的两个场景是啥');
    expect(answer.answer).toContain('行政审批');
    expect(answer.answer).toContain('电子证照');
    expect(answer.answer).not.toContain('42');
    const finance = await ask('金融领域哪个细分方向落地项目最多');
    expect(finance.answer).toContain('信贷融资');
  });
});

describe('places asked of a subject, said in the sentence after the one naming it', () => {
  it('adds the sentence naming the cities after the one naming the cluster (珠三角 → 广州、深圳 …)', async () => {
    const answer = await ask('珠三角这个聚集区的中心城市是哪几个');
    expect(answer.answer).toContain('广州');
    expect(answer.answer).toContain('深圳');
  });
});

describe('a table row named by a short form of its organisation', () => {
  it('finds the row of 阿里云计算有限公司 by 阿里 and of 中国人民大学区块链研究院 by 人大', async () => {
    const platform = await ask('阿里搞的那个工业互联网平台叫啥');
    expect(platform.answer).toContain('supET');
    const leader = await ask('人大的区块链研究院谁牵头');
    expect(leader.answer).toContain('高校');
  });
});

describe('fields asked (哪些领域), answered where the prose names them', () => {
  it('answers where investment went with the sentence naming the fields, not the top-10 table of firms', async () => {
    const answer = await ask('今年上半年区块链的投融资都投向了哪些领域');
    expect(answer.answer).not.toContain('表2-2');
    expect(answer.answer).toContain('企业服务及金融领域');
  });
});

describe('a name printed with its quoted short form', () => {
  it('reads 金服云 as the 金融服务云平台 the report names with it, so who built it is found', async () => {
    const answer = await ask('福建那个金服云平台是哪家负责建设的');
    expect(answer.grounded).toBe(true);
    expect(answer.answer).toContain('兴业银行');
  });
});

describe('labelled lists: the section named as a whole', () => {
  it('gives every list of the committee when its heading is named, not the one label sharing a word with it', async () => {
    const whole = await ask('这份报告的编写委员会里都有哪些人');
    for (const name of ['刘权', '黄忠义', '朱晔罡', '常瑞青']) expect(whole.answer).toContain(name);
    const writers = await ask('编写人员都有谁');
    expect(writers.answer).toContain('常瑞青');
    expect(writers.answer).not.toContain('刘权');
  });

  it('gives both labels that hold the word asked (主任 and 副主任), the label that is the word first', async () => {
    const both = await ask('主任和副主任都有谁');
    expect(both.answer).toContain('刘权');
    expect(both.answer).toContain('黄忠义');
    expect(both.answer.indexOf('刘权')).toBeLessThan(both.answer.indexOf('黄忠义'));
  });
});
