import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { createPipeline } from '../../src/pipeline';
import { playConversation } from '../../src/play-conversation';
import type { Answer } from '../../src/types';

// Table questions in everyday words, answered by the real pipeline on the real report (the query algebra over the typed tables).
const pipeline = createPipeline(loadConfig({}, { QA_LOG_LEVEL: 'silent' }));
const ask = async (...turns: string[]): Promise<Answer> => (await playConversation(await pipeline, turns)).at(-1)!;

describe('table questions: how a date condition bounds its period', () => {
  it('counts 以来/起/及以后 with the year itself, 之前 without it, 及以前 with it', async () => {
    // 表3-3: 杭州's parks of 2018 are four (2018.04, 2018.07, 2018.08, 2018.11); none is later.
    const since = await ask('杭州那几个园区里头，2018年以来建的是哪些');
    expect(since.answer).toContain('共4个');
    for (const park of ['经略新创产业区块链孵化器', '中国杭州国际区块链产业园']) expect(since.answer).toContain(park);
    expect(since.answer).not.toContain('西溪谷');
    // 44 parks: 19 founded up to 2017 (itself included), 25 from 2018 on.
    expect((await ask('从2018年开始建的园区一共多少个')).answer).toContain('共25个');
    expect((await ask('2017年及以前成立的园区有几个')).answer).toContain('共19个');
    expect((await ask('2017年之前成立的园区有几个')).answer).toContain('共4个');
  });

  it('reads 以后 right after a year as the bound of a date, not as the future (下半年) the question is about', async () => {
    const answer = await ask('杭州的园区2017年以后成立的有几个');
    expect(answer.answer).toContain('表3-3');
    expect(answer.answer).toContain('共4个');
  });
});

describe('table questions: a currency named is a condition on the rows', () => {
  it('counts the rows of that currency in the table of amounts, not a prose total or another table of 企业', async () => {
    // 表2-2: seven amounts in 人民币, three in 美元.
    const rmb = await ask('投融资前十那张表里用人民币的公司有几家');
    expect(rmb.answer).toContain('表2-2');
    expect(rmb.answer).toContain('共7个');
    const usd = await ask('拿美元融资的公司有几家');
    expect(usd.answer).toContain('表2-2');
    expect(usd.answer).toContain('共3个');
    expect(usd.answer).not.toContain('1309');
  });
});

describe('table questions: the report word of an everyday word names the table it stands for', () => {
  it('answers 地方 (the report: 各省市) special policies of a month from 表1-2', async () => {
    // 表1-2: five local special policies are dated 2020年6月 (北京, 上海, 南京, 长沙, 泉州).
    const answer = await ask('地方上6月份出的区块链专项政策有多少条');
    expect(answer.answer).toContain('表1-2');
    expect(answer.answer).toContain('共5个');
  });
});

describe('table questions: a count for each value of a column (group-by of every group)', () => {
  it('counts the rows of every city, province or kind of leader, largest first, each group cited', async () => {
    // 表2-1: nine new institutes in eight cities, 济南 has two.
    const cities = await ask('今年新冒出来的研究机构，每个城市分别几家');
    expect(cities.answer).toContain('表2-1');
    expect(cities.answer).toMatch(/共8个城市/);
    expect(cities.answer).toMatch(/济南（2个）/);
    expect(cities.answer).toMatch(/包头（1个）/);
    // 表3-3: 政府、企业 17, 政府 15, 企业 9, 政府、高校 3 — a cell naming two leaders is a kind of its own.
    const leaders = await ask('园区按牵头方分一下，各有多少');
    expect(leaders.answer).toMatch(/政府、企业（17个）/);
    expect(leaders.answer).toMatch(/政府（15个）/);
    expect(leaders.answer).toMatch(/企业（9个）/);
    const provinces = await ask('每个省的区块链产业园都有几个');
    expect(provinces.answer).toMatch(/浙江（8个）/);
    expect(provinces.answer).toMatch(/广东（7个）/);
  });

  it('gives many groups compactly: one size said together, a group cited where its size is printed or stated, singles as the rest', async () => {
    // 表3-3 prints each city's count beside its name (杭州 (6)); 27 cities, 19 of them with one park.
    const cities = await ask('产业园每个城市分别多少个');
    expect(cities.answer.length).toBeLessThanOrEqual(220);
    expect(cities.answer).toContain('杭州（6个）');
    expect(cities.answer).toMatch(/青岛、济南、长沙各2个/);
    expect(cities.answer).toContain('其余城市各1个');
    // Four kinds of leader over 44 parks: the prose's counts (17, 15, 9) are cited instead of every row.
    const leaders = await ask('产业园区按主导机构分类各多少家');
    expect(leaders.answer.length).toBeLessThanOrEqual(220);
    expect(leaders.citations.filter((c) => c.line === 491).length).toBeGreaterThan(0);
    expect(leaders.answer).toContain('政府、高校（3个）');
  });

  it('keeps a table whose rows are the places themselves a list of its rows, and a where-question a where-question', async () => {
    const regions = await ask('各省分别有多少家区块链企业');
    expect(regions.answer).toContain('广东（354家）');
    expect((await ask('各省企业分布数量在哪张表')).answer).toContain('表6-1');
  });

  it('names the table a where-question says it looks for, with its chapter, when it asks which chapter (那张表在哪一章)', async () => {
    const answer = await ask('研究机构的那个表放在第几章');
    expect(answer.answer).toContain('表2-1');
    expect(answer.answer).toContain('第二章');
  });
});

describe('table questions: a selection pointed at by its number', () => {
  it('adds up the amounts of the ten companies of 表2-2 per currency when asked of 这十家, naming no table', async () => {
    const answer = await ask('这十家加起来一共拿了多少钱');
    expect(answer.answer).toContain('表2-2');
    expect(answer.answer).toContain('1975万美元');
    expect(answer.answer).toContain('5400万人民币');
    expect(answer.answer).not.toContain('7375');
  });
});

describe('table questions: the rows of several tables', () => {
  it('adds up the rows of the tables of a topic with the formula, and ranks the tables by their rows, ties named', async () => {
    // Chapter 5's nine tables of standards: 3+3+8+3+5+8+15+6+9 = 60 rows; 表5-7 has the most (its 序号 runs to 15).
    const sum = await ask('讲标准的那些表一共收了多少条标准');
    expect(sum.answer).toContain('60');
    expect(sum.answer).toContain('3+3+8+3+5+8+15+6+9=60');
    const most = await ask('标准那几张表里哪张表条目最多');
    expect(most.answer).toContain('表5-7');
    expect(most.answer).toContain('15行');
    // Of all the report's tables, 表4-9 (two cases) has the fewest rows.
    const fewest = await ask('哪个表行数最少');
    expect(fewest.answer).toContain('表4-9');
    expect(fewest.answer.length).toBeLessThanOrEqual(220);
  });
});

describe('table questions: a column said to be a value it prints', () => {
  it('reads 主导机构是企业 / 牵头人为高校 as a condition even where the value is a common noun, and a bare noun phrase with one as a list', async () => {
    // 表3-3: 广东's parks led by 企业 alone are four (蚁米×2, 广东金融高新区, CNBI 深圳).
    const guangdong = await ask('广东那几个园区里，主导机构是企业的有哪些');
    expect(guangdong.answer).toContain('共4个');
    expect(guangdong.answer).toContain('蚁米区块链众创空间');
    expect(guangdong.answer).not.toContain('广州越秀区国际区块链产业园');
    // 表2-1: two new institutes led by 高校.
    const universities = await ask('牵头人为高校的新研究机构');
    expect(universities.answer).toContain('共2个');
    expect(universities.answer).toContain('中国人民大学区块链研究院');
  });
});

describe('table questions: an amount said with its magnitude (过亿, 一千万, 两千万以上)', () => {
  it('compares amounts in absolute terms, decides 数千万 where its magnitude does, and says which it cannot', async () => {
    // 表2-2 in 人民币: 3000万, 1400万, 1000万 and four of 数千万 — all but 域乎 (1000万, not over) exceed 一千万.
    const rmb = await ask('人民币融资里头金额超过一千万的是哪些公司');
    expect(rmb.answer).toContain('共6个');
    expect(rmb.answer).toContain('潘达动力');
    expect(rmb.answer).not.toContain('域乎');
    // None reaches 一亿, in either currency.
    const yi = await ask('有没有融资过亿的公司');
    expect(yi.answer).toMatch(/为0个|没有/);
    // 两千万以上: 潘达动力 only for sure; 数千万 may or may not be, and the answer says so.
    const twenty = await ask('两千万以上的投融资有几笔');
    expect(twenty.answer).toContain('共1个');
    expect(twenty.answer).toContain('只给出量级');
  });
});

describe('table questions: what a ministry issued alone and what it issued with others', () => {
  it('tells a subject\'s own rows from rows it shares in one cell (商务部、工信部、农业部等8部门), in counts, lists and shares', async () => {
    // 表1-1: 工信部 alone 5, plus one joint notice of 8 departments; 26 rows in all.
    const count = await ask('工信部今年上半年一共出了几份文件');
    expect(count.answer).toContain('单独的共5个');
    expect(count.answer).toContain('联合的1个');
    const list = await ask('农业农村部都发过啥政策');
    expect(list.answer).toContain('单独的共3个');
    expect(list.answer).toContain('农业农村部、发改委等多部门');
    const share = await ask('表1-1那些政策里，工信部的占几成');
    expect(share.answer).toContain('19.23%');
    expect(share.answer).toContain('23.08%');
  });
});

describe('table questions: a table called by the words of its caption', () => {
  it('takes a caption word (建设情况表, 汇总表) as naming the table, never as text some rows must print', async () => {
    // 表3-3's caption says 建设情况; one park's 定位 also prints 建设 — it must not narrow the count.
    const parks = await ask('产业园建设情况那张表里，政府主导的有几个');
    expect(parks.answer).toContain('共15个');
    expect(parks.answer).not.toContain('含“建设”');
    // A share of one subject's rows in a table called by its caption (表1-1: 政策汇总).
    const share = await ask('部委政策汇总表里，工信部的文件占几成');
    expect(share.answer).toContain('表1-1');
    expect(share.answer).toContain('19.23%');
  });
});

describe('table questions: a noun looked inside', () => {
  it('takes 案例 before 里/中 as what the rows are, though 案例 also names a column', async () => {
    // 表4-1: three financial cases are dated 2020-3.
    const answer = await ask('金融的应用案例里面，2020年3月份的是哪几个');
    expect(answer.answer).toContain('表4-1');
    expect(answer.answer).toContain('共3个');
    expect(answer.answer).toContain('泉贸通');
  });
});

describe('table questions: the last k of a ranking', () => {
  it('ranks from the bottom for 后三位 / 倒数几个, ties kept', async () => {
    // 表6-1: 宁夏, 青海, 西藏 have 0 — the bottom three.
    const answer = await ask('区块链企业数量排后三位的是哪几个省');
    for (const place of ['宁夏', '青海', '西藏']) expect(answer.answer).toContain(place);
    expect(answer.answer).not.toContain('广东');
  });
});

describe('table questions: things of one kind listed by several tables', () => {
  it('lists a month\'s standards table by table (表5-1 … 表5-9), with the total, when no one table is named', async () => {
    const answer = await ask('20年4月份发布的标准都有哪些');
    expect(answer.answer).toContain('共17个');
    for (const table of ['表5-1中', '表5-2中', '表5-9中']) expect(answer.answer).toContain(table);
    expect(answer.answer).toContain('区块链共识安全技术测评标准');
  });
});

describe('table questions: a place asked of the only table that lists what is counted', () => {
  it('lists a city\'s rows of a table of one scope (表2-1: new institutes), the caption saying the scope', async () => {
    // 表2-1: 济南 has two, the second row's city cell left empty under the first.
    const answer = await ask('研究机构当中落在济南的是哪些');
    expect(answer.answer).toContain('表2-1');
    expect(answer.answer).toContain('安可区块链产业发展研究院');
    expect(answer.answer).toContain('山东区块链研究院');
  });
});

describe('table questions: everyday ways of saying add them up', () => {
  it('reads 加在一块 / 合一起 as a sum', async () => {
    // 表2-2 in 美元: 1675万 + 300万 = 1975万, 数百万 left out.
    const usd = await ask('用美元的融资加在一块是多少钱');
    expect(usd.answer).toContain('1975万美元');
    // 表3-3: 北京 2 + 上海 4.
    expect((await ask('北京和上海的园区合一起几个')).answer).toContain('合计6个');
  });
});

describe('table questions: a condition on the shares of a table whose rows are places', () => {
  it('counts the places under or over a share, the percent said in words or figures', async () => {
    // 表6-1: six regions above 5% (广东 … 山东 5.12%); nineteen below 1% (海南 0.84% down to the three at 0%).
    const over = await ask('比重超过百分之五的是哪些地方');
    expect(over.answer).toContain('共6个');
    expect(over.answer).toContain('山东');
    const under = await ask('占比不到1%的省有几个');
    expect(under.answer).toContain('表6-1');
    expect(under.answer).toContain('共19个');
  });
});

describe('table questions: amounts in two currencies are never one figure', () => {
  it('adds each currency apart, says there is no exchange rate, and names the magnitudes the other rows give, briefly', async () => {
    // 表2-2: 人民币 3000+1400+1000, 美元 1675+300; five rows print only 数千万/数百万.
    const total = await ask('前十名融资总额一共多少钱');
    expect(total.answer).toContain('汇率');
    expect(total.answer).toContain('5400');
    expect(total.answer).toContain('1975');
    expect(total.answer).toContain('数千万人民币');
    expect(total.answer).toContain('数百万美元');
    expect(total.answer.length).toBeLessThanOrEqual(220);
  });

  it('ranks within each currency in a short answer, the rows given only a magnitude cited together', async () => {
    const top = await ask('top10哪家拿的钱最多');
    expect(top.answer).toContain('汇率');
    expect(top.answer).toContain('3000万人民币');
    expect(top.answer).toContain('1675万美元');
    expect(top.answer.length).toBeLessThanOrEqual(220);
  });

  it('keeps the no-exchange-rate note of a ranked sum whose rank is said in words (前五)', async () => {
    const ranked = await ask('融资金额前五的那几家加起来多少');
    expect(ranked.answer).toContain('汇率');
  });

  it('does not compare or convert a dollar amount with a yuan one, and says why', async () => {
    const versus = await ask('潘达动力跟CoolBitX哪个融资额大');
    expect(versus.answer).toContain('1675万美元');
    expect(versus.answer).toContain('3000万人民币');
    expect(versus.answer).toContain('汇率');
    const converted = await ask('First Digital Trust那笔换成人民币是多少');
    expect(converted.answer).toContain('300万美元');
    expect(converted.answer).toContain('汇率');
  });
});

describe('table questions: a place in a named table and a count said before the noun', () => {
  it('gives the row at the first, k-th or last place of the printed order, or says the table is shorter', async () => {
    expect((await ask('表5-9的最后一项叫什么')).answer).toContain('区块链应用安全技术测评标准');
    expect((await ask('表2-1头一个是哪家')).answer).toContain('数字福州区块链研究院');
    expect((await ask('表8-1第三个项目是哪个企业的')).answer).toContain('树根互联');
    expect((await ask('表5-1第九项')).answer).toContain('只列了3个');
  });

  it('reads 「有N家…的」 as rows whose count is exactly N', async () => {
    // 表6-1: 安徽 and 河南 have 4 firms each.
    const four = await ask('有4家区块链企业的省份是哪几个');
    expect(four.answer).toContain('安徽');
    expect(four.answer).toContain('河南');
    expect(four.answer).not.toContain('河北');
  });
});

describe('table questions: a count of one place also quotes the prose that states the same count', () => {
  it('adds the prose sentence whose count of the place equals the rows counted, though it names no noun', async () => {
    // 表3-3 lists 5 parks in 广州; the prose says 「其次是广州，共计 5 家」.
    const answer = await ask('广州那边区块链园区有几个');
    expect(answer.answer).toContain('共5个');
    expect(answer.answer).toContain('正文也写道');
    expect(answer.citations.some((c) => c.quote.includes('共计 5 家'))).toBe(true);
  });
});

describe('table questions: two values of one column are two sets of rows', () => {
  it('counts each value on its own and gives the difference or the sum with the formula', async () => {
    const more = await ask('政府牵头的产业园跟企业牵头的差几个');
    expect(more.answer.replace(/\s+/g, '')).toContain('15−9=6');
    const both = await ask('拿了天使轮跟A轮的公司一共几家');
    expect(both.answer.replace(/\s+/g, '')).toContain('2+2=4');
  });
});

describe('table questions: places counted by how many rows they have, and in how many places the rows are', () => {
  it('keeps the places whose number of rows meets a count condition no column holds', async () => {
    // 表3-3: 北京、重庆、青岛、济南、长沙 have two parks each; 湖北、海南 … one province-level place each.
    const two = await ask('哪几个城市正好有两个园区');
    for (const city of ['青岛', '济南', '长沙']) expect(two.answer).toContain(city);
    expect(two.answer).not.toContain('杭州');
    const one = await ask('只有一个产业园的省份有哪些');
    expect(one.answer).toContain('共8个');
    expect(one.answer).toContain('云南');
  });

  it('counts the distinct places from the table and quotes the prose count of them beside it', async () => {
    const cities = await ask('这些区块链产业园一共落在多少个城市');
    expect(cities.answer).toContain('27个');
    expect(cities.answer).toContain('28 个城市');
    const institutes = await ask('今年新增的研究院分布在几个城市');
    expect(institutes.answer).toContain('表2-1');
    expect(institutes.answer).toContain('8个');
  });

  it('supports a share of all rows by the prose total when it equals the row count, keeping the answer short', async () => {
    const answer = await ask('广东的园区占全国的百分之几');
    expect(answer.answer).toContain('7÷44');
    expect(answer.answer.length).toBeLessThan(220);
  });
});

describe('table questions: a named table read by a column or a category, and a magnitude with 以上', () => {
  it('gives every row of a named table with the column asked when no row is named', async () => {
    const leaders = await ask('表2-1那些机构分别由谁牵头');
    expect(leaders.answer).toContain('共9个');
    expect(leaders.answer).toContain('内蒙古区块链研究院（政府）');
  });

  it('reads a domain that is a category value of the named table as that condition, said once', async () => {
    const cases = await ask('表4-2中精准扶贫方面的案例');
    expect(cases.answer).toContain('共3个');
    expect(cases.answer).toContain('洛宁');
    expect(cases.answer).not.toContain('精准扶贫、');
  });

  it('reads 千万级以上 as an amount of that magnitude or more, each currency as printed', async () => {
    const answer = await ask('千万级以上的融资是哪些公司');
    expect(answer.answer).toContain('共8个');
    expect(answer.answer).toContain('域乎');
    expect(answer.answer).not.toContain('墨群');
  });
});

describe('table questions: a sort asked ranks every row', () => {
  it('orders dates from the earliest unless told otherwise, amounts from the largest, and keeps each currency apart', async () => {
    const parks = await ask('把产业园按成立先后排一排');
    expect(parks.answer).toContain('最早');
    expect(parks.answer.indexOf('虹口区新链空间')).toBeLessThan(parks.answer.indexOf('江北新区产业园'));
    const firms = await ask('各地区企业数量从多到少排个序');
    expect(firms.answer.indexOf('广东')).toBeLessThan(firms.answer.indexOf('北京'));
    const amounts = await ask('top10的融资金额排个序');
    expect(amounts.answer).toContain('汇率');
  });
});

describe('table questions: the k-th group, and groups of a name column kept by their number of rows', () => {
  it('says the second place of a group-by as such after the first was asked', async () => {
    const second = await ask('产业园最多的城市是哪个', '那排第二的呢');
    expect(second.answer).toContain('广州');
    expect(second.answer).toMatch(/第(2|二)/);
  });

  it('keeps the publishers whose number of policies meets a count condition', async () => {
    const answer = await ask('哪个部门发的政策多于3个');
    expect(answer.answer).toContain('工信部（5个）');
  });
});

describe('table questions: region groups, alternative values of one column, follow-ups that switch a category, whole lists', () => {
  it('gives a named group its total with the formula, whatever its size (西部: 12 provinces)', async () => {
    const west = await ask('西部那些省份的区块链公司有多少');
    expect(west.answer).toContain('126');
    expect(west.answer).toContain('48+44');
    const northeast = await ask('东北三省区块链企业数量');
    expect(northeast.answer).toContain('合计11家');
  });

  it('reads several values of one column as alternatives (「B轮之前」 = 天使轮, Pre-A 轮 or A 轮)', async () => {
    const early = await ask('投融资top10里B轮之前的公司有哪几家');
    expect(early.answer).toContain('共6个');
    for (const firm of ['保全网', '潘达动力', '域乎', 'Ystar']) expect(early.answer).toContain(firm);
    expect(early.answer).not.toContain('CoolBitX');
  });

  it('switches the category a follow-up names (牵头人 企业 after 政府) in the table the conversation filters', async () => {
    const answer = await ask('今年新设的研究院里哪些是政府牵头的', '高校牵头的呢');
    expect(answer.answer).toContain('共2个');
    expect(answer.answer).toContain('中国人民大学区块链研究院');
  });

  it('names every row a list asks for, long ones by their first clause', async () => {
    const answer = await ask('司法领域的典型案例里2020年5月的有哪几个');
    expect(answer.answer).toContain('吉林省高级人民法院');
    expect(answer.answer).toContain('西安市未央区法院');
  });
});

describe('table questions: the report’s tables themselves counted, and places asked as 「…的地方」', () => {
  it('counts the tables of a topic or a chapter, each cited at its caption', async () => {
    const cases = await ask('跟典型案例有关的表格有几张');
    expect(cases.answer).toContain('共9张');
    expect(cases.citations.map((c) => c.line)).toContain(680);
    const chapter = await ask('第六章里有多少张表');
    expect(chapter.answer).toContain('共1张');
    expect(chapter.answer).toContain('表6-1');
  });

  it('lists the places of a table of policies when 「…的地方」 asks for them', async () => {
    const answer = await ask('6月份发布专项政策的地方都有哪些');
    for (const place of ['北京市', '上海市', '南京市', '长沙市', '泉州市']) expect(answer.answer).toContain(place);
    expect(answer.answer).not.toContain('宁波');
  });
});

describe('table questions: the share of a group of places', () => {
  it('adds the shares of a group asked with no counted noun, a city held through its province and left out of the sum', async () => {
    const answer = await ask('京沪广深加一块占多少');
    const text = answer.answer.replace(/\s+/g, '');
    expect(answer.grounded).toBe(true);
    expect(text).toContain('26.15+9.56=35.71');
    expect(text).toContain('广东占27.06%');
  });
});

describe('table questions: a row named by the subject itself', () => {
  it('gives the row figures, not the subject back as its own name, when the table is described by its row key (按省分的表)', async () => {
    const first = await ask('按省份统计的那张企业表里，苏有几家');
    expect(first.answer).toContain('106');
    expect(first.answer).not.toContain('江苏的地区是');
    const next = await ask('按省份统计的那张企业表里，苏有几家', '川呢');
    expect(next.answer).toContain('44');
  });

  it('still names the row when the row is a title and the subject a place (the policy a city issued)', async () => {
    // 表1-2 lists no policy of 深圳: no row is named for it.
    expect((await ask('深圳出过啥区块链专项政策没')).answer).toContain('没有');
    expect((await ask('长沙那个专项政策叫什么名字')).answer).toContain('长沙');
  });
});

describe('table questions: a place inside a tie, and standards grouped by the prefix of their number', () => {
  it('never answers a k-th place inside a tie with nothing', async () => {
    const answer = await ask('区块链企业数倒数第三的是哪个省');
    for (const region of ['江西', '山西']) expect(answer.answer).toContain(region);
  });

  it('groups standards by the prefix of their number (GM/T, GB/T …)', async () => {
    const answer = await ask('密码模块测评标准里哪一类编号的最多');
    expect(answer.answer).toContain('GM/T（7个）');
  });
});

describe('table questions: a count of new things of a period, from the prose and from the table that dates them', () => {
  it('gives the prose count and the table rows dated in the period when they differ', async () => {
    const answer = await ask('今年一共新建了多少个区块链园区？');
    expect(answer.answer).toContain('3 家');
    expect(answer.answer).toContain('石家庄数字经济产业园');
  });

  it('counts the dated rows where the prose states no count of that year', async () => {
    expect((await ask('2018年新建的产业园有几个')).answer).toContain('共17个');
  });
});

describe('table questions: 新研究机构 names the table of the new ones', () => {
  it('counts the new research institutes per city', async () => {
    const answer = await ask('各个城市分别有几个新研究机构');
    expect(answer.answer).toContain('济南（2个）');
  });
});

describe('table questions: places inside ties, partly printed dates, and counts of a table by its topic', () => {
  it('answers a k-th place from the bottom that falls inside a later tie with that tie and its span', async () => {
    // 表6-1 from the bottom: 宁夏、青海、西藏 (0) share places 1–3; five regions with 1 share places 4–8.
    const answer = await ask('企业数量倒数第六的是哪些地方');
    for (const region of ['江西', '甘肃', '黑龙江']) expect(answer.answer).toContain(region);
    expect(answer.answer).toContain('第四至第八');
    expect(answer.answer).not.toContain('新疆');
  });

  it('does not place a date printed only to its year among that year\'s dated rows', async () => {
    const answer = await ask('密码模块测评标准中发布最早的');
    expect(answer.answer).toContain('2019-07');
    expect(answer.answer).toContain('只印到年份');
  });

  it('reads 以后 of the report\'s own last year as from that year on', async () => {
    const answer = await ask('2020年以后建起来的区块链园区都有哪几个');
    expect(answer.answer).toContain('共4个');
    expect(answer.answer).toContain('石家庄数字经济产业园');
  });

  it('counts every row of a table whose topic is the field named', async () => {
    const answer = await ask('司法方面的案例一共几个');
    expect(answer.grounded).toBe(true);
    expect(answer.answer).toContain('共7个');
  });

  it('lists the rows a count just gave when asked which ones they all are', async () => {
    const answer = await ask('工业互联网项目里2019年发布的有几个', '都是哪些企业');
    for (const firm of ['电老虎工业互联网股份有限公司', '北京索为系统科技股份有限公司']) expect(answer.answer).toContain(firm);
  });

  it('ranks cities by the research institutes the new-institute table lists when no other table places them', async () => {
    const answer = await ask('研究院最多的是哪个城市');
    expect(answer.answer).toContain('济南');
  });
});

describe('table questions: choices between two values, rows sharing a value, new things of one year', () => {
  it('counts each of two values offered as a choice and names the rows that are neither', async () => {
    const answer = await ask('广州的几个园区是企业主导的多还是政府主导的多');
    expect(answer.answer).toContain('企业主导2个');
    expect(answer.answer).toContain('政府主导1个');
    expect(answer.answer).toContain('政府、企业');
  });

  it('counts the rows that are neither value across the whole table without naming all of them', async () => {
    const answer = await ask('全国的园区里，政府带头的多还是企业带头的多');
    // 带头 is an everyday form of 主导 (synonyms.tsv), so the table's values are read from it.
    expect(answer.answer).toContain('政府带头15个');
    expect(answer.answer).toContain('企业带头9个');
    expect(answer.answer).toContain('另有20个');
    expect(answer.answer).toContain('「政府、高校」');
    expect(answer.answer).not.toContain('链湾');
  });

  it('says a difference of two shares in percentage points', async () => {
    const answer = await ask('表6-1里北京的占比比上海高多少');
    expect(answer.answer).toContain('16.59个百分点');
    expect(answer.answer).not.toContain('16.59%');
  });

  it('says when none of the rows is either value alone', async () => {
    const answer = await ask('杭州的产业园是政府牵头的多，还是企业');
    expect(answer.answer).toContain('都是政府、企业');
  });

  it('finds rows that share one value of the column asked, or their names', async () => {
    const platform = await ask('工业互联网项目里有两家用的同一个平台吗');
    for (const firm of ['中电工业互联网有限公司', '贵州航天云网科技有限公司']) expect(platform.answer).toContain(firm);
    const twice = await ask('密码模块测评标准有没有列了两次的');
    expect(twice.answer).toContain('GB/T 38541-2020');
    const none = await ask('投融资top10里有重复的公司吗');
    expect(none.answer).toContain('没有重复');
  });

  it('counts what is new in one year from the rows the table dates in it, a span from the prose', async () => {
    expect((await ask('工业互联网项目2019年新增了多少个')).answer).toContain('共5个');
    expect((await ask('2017年以来新增了多少工业互联网项目')).answer).toContain('16');
  });
});

describe('table questions: names asked of rows, dates asked after a noun, periods a table dates', () => {
  it('gives only the names when the names of rows named before are asked', async () => {
    const answer = await ask('杭州有几个园区', '都叫啥');
    expect(answer.answer).toContain('杭州西溪谷区块链产业园');
    expect(answer.answer).not.toContain('成立时间为');
  });

  it('lists the rows of a table when only their names are asked', async () => {
    const answer = await ask('今年新增了多少家区块链研究机构', '名字都叫啥');
    expect(answer.answer).toContain('内蒙古区块链研究院');
  });

  it('keeps the noun counted when a which-word after it asks a month', async () => {
    const answer = await ask('部委的政策哪个月出得最多');
    expect(answer.answer).toContain('2020年4月（7个）');
  });

  it('answers a year its own rows date though its caption names a narrower period', async () => {
    const answer = await ask('区块链性能测试标准里哪些是2017年发布的');
    expect(answer.answer).toContain('共2个');
  });
});

describe('table questions: round counts, spans of places, top-k said with its ranking word, which bodies', () => {
  it('reads 过百/上百 as a condition on a count', async () => {
    const answer = await ask('区块链企业上百家的地区是哪些');
    expect(answer.answer).toContain('共4个');
    expect(answer.answer).toContain('江苏');
  });

  it('ranks a span of places', async () => {
    const answer = await ask('企业数量第四到第六名是谁');
    for (const region of ['江苏', '浙江', '山东']) expect(answer.answer).toContain(region);
    expect(answer.answer).not.toContain('上海');
  });

  it('takes the top-k said with its ranking word, top10 naming the list', async () => {
    const answer = await ask('top10里最早拿到融资的两家');
    expect(answer.answer).toContain('域乎');
    expect(answer.answer).toContain('玳鸽');
    expect(answer.answer).not.toContain('墨群');
  });

  it('names the bodies when which bodies published is asked', async () => {
    const answer = await ask('2020年1月出政策的是哪几个部门');
    for (const body of ['司法部', '农业农村部']) expect(answer.answer).toContain(body);
  });
});

describe('table questions: values listed that another table prints as one cell', () => {
  it('counts each of 政府、企业、高校 for the research institutes, whose table prints them apart', async () => {
    const answer = await ask('新增的研究机构，政府、企业、高校牵头的分别几家');
    expect(answer.answer).toContain('政府的研究机构有4个');
    expect(answer.answer).toContain('高校的研究机构有2个');
  });
});

describe('table questions: places counted of the rows a noun looked inside names', () => {
  it('counts the places of the rows (政策里…有几个地方), not the places the prose counts', async () => {
    // 表1-2: four policies dated 2020-5, from 贵州, 海南, 广州 and 宁波 — one each.
    const answer = await ask('各地的专项政策里，五月份发的来自几个地方');
    expect(answer.answer).toContain('表1-2');
    expect(answer.answer).toMatch(/4个地[方区]/);
    for (const place of ['海南', '广州', '宁波']) expect(answer.answer).toContain(place);
    expect(answer.answer).not.toContain('12 个省市');
  });

  it('counts a ministry\'s own and joint policies briefly, naming its own only while short, every row cited', async () => {
    const answer = await ask('工业和信息化部一共出了多少个文件');
    expect(answer.answer).toContain('共6个');
    expect(answer.answer.length).toBeLessThanOrEqual(220);
    expect(answer.citations).toHaveLength(6);
    // Asked for by name, every title is given.
    expect((await ask('工业和信息化部出了哪些文件')).answer).toContain('关于工业大数据发展的指导意见');
  });
});

describe('table questions: a region group against a table of provinces', () => {
  it('reads a group\'s one-character short form at the table\'s level, but keeps cities a group names as cities', async () => {
    // 表6-1 counts provinces: in 京沪穗 said as 北上广, 广 is 广东 (354), so the three add up to 342+125+354.
    const three = await ask('北上广三地的区块链企业合起来有多少家');
    expect(three.answer).toContain('821');
    expect(three.answer).toContain('广州计入广东');
    // 北上广深 names two cities of 广东: neither stands for the province, and the sum says what it leaves out.
    const four = await ask('北上广深的区块链企业一共多少家');
    expect(four.answer).not.toContain('821');
    expect(four.answer).toContain('不含广州、深圳');
    // Against a table of parks by city, 广 stays 广州.
    expect((await ask('北上广的产业园加一起几个')).answer).toContain('11个');
  });

  it('declines a total of all the things of a kind asked of a table that lists only a selection, and sums the selection named', async () => {
    const whole = await ask('今年上半年区块链企业拿到的融资总金额是多少');
    expect(whole.grounded).toBe(false);
    expect(whole.answer).toContain('表2-2');
    // The selection named (top10, 前10 right before a count word) is what is added.
    for (const question of ['top10一共融了多少钱', '前10一共融了多少']) {
      const answer = await ask(question);
      expect(answer.grounded, question).toBe(true);
      expect(answer.answer, question).toContain('5400');
    }
  });
});

describe('table questions: tables named side by side are each counted and added', () => {
  it('counts the rows of each table named by its words or its number and adds them with the formula', async () => {
    // 表5-8 lists 6 standards, 表5-9 lists 9.
    const both = await ask('性能测试那张和安全测试那张，标准加一块儿有几条');
    expect(both.answer).toContain('表5-8');
    expect(both.answer).toContain('表5-9');
    expect(both.answer).toContain('6+9=15');
    expect((await ask('表5-9跟表5-8一共多少项标准')).answer).toContain('9+6=15');
    // A period asked narrows each table: of 2020, 表5-7 has 7 rows and 表5-9 has 6.
    const recent = await ask('20年上半年密码模块测评的和安全测试的标准合起来几项');
    expect(recent.answer).toContain('7+6=13');
  });

  it('keeps a table looked inside as one table (安全 said of rows of 表5-8 is no second table)', async () => {
    const inside = await ask('性能测试标准里讲安全的有几条');
    expect(inside.answer).not.toContain('合计');
  });
});

describe('table questions: conditions said in words', () => {
  it('restates a bound said without digits as said, and names every short row a list asks for', async () => {
    const hundred = await ask('区块链公司过百的省份都有谁');
    expect(hundred.answer).toContain('数量过百的地区共4个');
    expect(hundred.answer).not.toContain('100');
    // 18 provinces under 10 firms: every one named (short names), not three of them and 「等」.
    const few = await ask('哪些省的区块链企业不到10家');
    for (const place of ['天津', '贵州', '黑龙江', '西藏']) expect(few.answer).toContain(place);
    expect(few.answer).not.toContain('等');
  });
});

describe('table questions: ranking the kinds of a category column', () => {
  it('ranks a cell that is a value of its own (政府、企业 = 政企合作) as one kind, but counts each value of a cell that lists several', async () => {
    const leader = await ask('产业园哪类主导模式最多');
    expect(leader.answer).toContain('政府、企业（17个）');
    const apptype = await ask('工业互联网那些项目里哪个应用类型出现得最多');
    expect(apptype.answer).toContain('设备管理（11个）');
  });
});

describe('table questions: a subject mentioned in a table\'s text cells', () => {
  it('finds the rows whose case or positioning text names a place or field, in the table the question points at', async () => {
    // 表4-2: three cases name 青岛 in their text (智能办, 青岛海关, 青岛片区); none has a cell that is 青岛.
    const qingdao = await ask('政务服务那些典型案例里面，哪些和青岛有关');
    expect(qingdao.answer).toContain('表4-2');
    expect(qingdao.answer).toMatch(/青岛(的案例共)?3个/);
    // 表3-3's 定位 column: four parks speak of 金融.
    const finance = await ask('哪些产业园的定位里提到了金融');
    expect(finance.answer).toContain('共4个');
    expect(finance.answer).toContain('杭州西溪谷区块链产业园');
  });
});

describe('table questions: several periods of one date', () => {
  it('reads periods joined by 和 before a date word as alternatives: each counted and added, or the rows of any listed', async () => {
    // 表3-3: 17 parks founded in 2018, 4 in 2019.
    const both = await ask('18年跟19年建的园区总共几个');
    expect(both.answer).toContain('17+4=21');
    const listed = await ask('2018年或2019年成立的产业园都有哪些');
    expect(listed.answer).toContain('共21个');
  });
});

describe('table questions: the beginning of a standard\'s number', () => {
  it('selects the rows whose number begins with the letters said before 开头/打头', async () => {
    // 表5-7: rows 10–14 are GB/T standards, rows 1–7 GM/T.
    const gb = await ask('表5-7中编号GB/T打头的一共几项');
    expect(gb.answer).toContain('编号以GB/T开头的标准共5个');
    const gm = await ask('表5-7里GM/T开头的有几个');
    expect(gm.answer).toContain('共7个');
  });
});

describe('table questions: a code\'s beginning across the tables that number their rows', () => {
  it('lists the rows of every table of standards whose number begins so, table by table', async () => {
    // T/SCCIA: five in 表5-5, two in 表5-7.
    const sccia = await ask('编号T/SCCIA打头的标准都有哪些');
    expect(sccia.answer).toContain('表5-5中编号以T/SCCIA开头的标准共5个');
    expect(sccia.answer).toContain('表5-7中编号以T/SCCIA开头的标准共2个');
  });
});

describe('table questions: groups, counts and sums kept short', () => {
  it('counts each city of a province named, and each round of the top10 list', async () => {
    // 表3-3: 湖南 has 娄底 (1) and 长沙 (2); 表2-2: 战略投资 3, Pre-A 2, A 2, 天使 2, B 1.
    const cities = await ask('湖南的园区按城市分别有几个');
    expect(cities.answer).toMatch(/长沙（2个/);
    expect(cities.answer).toMatch(/娄底（1个/);
    const rounds = await ask('前十名按融资轮次归个类，每类几家');
    expect(rounds.answer).toMatch(/战略投资（3个/);
  });

  it('groups the things a table of one scope lists by its column, the caption saying the scope', async () => {
    const answer = await ask('研究院按所在城市分各有几家');
    expect(answer.answer).toContain('表2-1');
    expect(answer.answer).toMatch(/济南（2个/);
  });

  it('quotes the prose stating the same count beside a total of one place\'s rows (一共, 总共)', async () => {
    const answer = await ask('上海总共多少个区块链园区');
    expect(answer.answer).toContain('共4个');
    expect(answer.answer).toContain('上海有 4 个区块链产业园');
  });

  it('names the values of one column listed after 按 each with its count', async () => {
    const answer = await ask('那9家新的研究机构，按高校、企业牵头分别几家');
    expect(answer.answer).toContain('2个');
    expect(answer.answer).toContain('3个');
  });

  it('keeps a count of rows with long cells short: the column selected by is not repeated per row', async () => {
    // 表8-1: 10 projects list 供应链管理 among their application types.
    const answer = await ask('工业互联网项目里应用类型带供应链管理的一共几个');
    expect(answer.answer).toContain('共10个');
    expect(answer.answer).not.toContain('（供应链管理');
    expect(answer.answer.length).toBeLessThanOrEqual(220);
  });

  it('restates a bound said in words as said, so no figure the report lacks is printed', async () => {
    const answer = await ask('企业数量超过一百家的是哪几个地方');
    expect(answer.answer).toContain('超过一百家');
    expect(answer.answer).not.toMatch(/(?<!\d)100(?!\d)/);
  });

  it('ranks the prose figures of a clause listing things the lexicon does not know beside those it does', async () => {
    // line 365: 金融应用 18%, 解决方案 10%, BaaS 平台 9%.
    const answer = await ask('区块链产业链哪两块占比最高');
    expect(answer.answer).toContain('金融应用');
    expect(answer.answer).toContain('解决方案');
  });

  it('adds the amounts of one currency when 那几笔 points at them', async () => {
    const answer = await ask('前十里用美元的那几笔一共多少');
    expect(answer.answer).toContain('1975');
    expect(answer.answer.length).toBeLessThanOrEqual(220);
  });
});

describe('table questions: an attribute asked after a count is asked of each thing counted', () => {
  it('gives the count once, each row with its place or leader beside its name (not two lists of the same rows)', async () => {
    // 表3-3: 江苏 has two parks, 链谷 (政府、高校) and 江北新区产业园 (政府); 浙江 has eight in 杭州, 宁波 and 嘉兴.
    const leaders = await ask('江苏那边产业园有几个？各自谁牵头');
    expect(leaders.answer).toContain('共2个');
    expect(leaders.answer).toMatch(/链谷（政府、高校）/);
    expect(leaders.answer.match(/链谷/g)).toHaveLength(1);
    const places = await ask('浙江的区块链园区有几家，都在哪');
    expect(places.answer).toContain('共8个');
    expect(places.answer).toContain('宁波（宁波保税区金融科技(区块链)产业园）');
    expect(places.answer).not.toMatch(/分布在3个/);
    // Asked alone, the places of the rows are still counted as places.
    expect((await ask('浙江的园区分布在几个城市')).answer).toMatch(/分布在3个城市/);
  });
});

describe('table questions: rows asked in other words', () => {
  it('counts the rows of a table named by its topic words, not the prose total of what is new', async () => {
    // 表5-7 lists 15 standards; the prose counts the 7 new in 2020 H1.
    const answer = await ask('密码模块测评那张表一共列了几项标准');
    expect(answer.answer).toContain('表5-7');
    expect(answer.answer).toContain('共15个');
  });

  it('keeps a count short when its rows show a column, and the top k shares asked together are added', async () => {
    const series = await ask('编号是GM/T的测评标准一共几项');
    expect(series.answer).toContain('共7个');
    expect(series.answer.length).toBeLessThanOrEqual(220);
    // 表6-1: 27.06 + 26.15 = 53.21.
    expect((await ask('企业数前两名的省占全国多少')).answer).toContain('53.21%');
  });

  it('names the places that issued local policies when who is asked of them', async () => {
    // 表1-2: the policies of 2020 年 6 月 are 北京, 上海, 南京, 长沙, 泉州's.
    const answer = await ask('表1-2里6月份发文的有谁');
    for (const place of ['北京', '南京', '泉州']) expect(answer.answer).toContain(place);
  });
});
