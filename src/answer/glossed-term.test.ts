import { describe, expect, it } from 'vitest';
import { glossedTerm } from './glossed-term';

describe('glossedTerm', () => {
  it('counts a sentence saying what a term is (X是…, a bracketed gloss, an appositive kind noun) as glossing it', () => {
    expect(glossedTerm('在底层方面，基础链是提供底层技术架构的基础设施。', '基础链')).toBe(true);
    expect(glossedTerm('成立了技术委员会tc 307（区块链与分布式记账技术委员会），', 'tc 307')).toBe(true);
    expect(glossedTerm('提出通用跨链框架t-bridge，该框架', 't-bridge')).toBe(true);
    expect(glossedTerm('推出“一码游贵州”全域智慧旅游平台，通过', '一码游贵州')).toBe(true);
  });

  it('counts the parts a term is made of (X包括…) or a next sentence saying what it mainly is (。主要是指) as glossing it', () => {
    expect(glossedTerm('核心要素为三层，其中底座层包括存储节点和计算节点。', '底座层')).toBe(true);
    expect(glossedTerm('二是算力设施。主要是指数据中心、智能计算中心等。', '算力设施')).toBe(true);
  });

  it('counts a term only used (持续扩容) or listed among others (X、Y等算法) as not glossed', () => {
    expect(glossedTerm('二是监管体系更加健全，监管沙盒持续扩容。', '监管沙盒')).toBe(false);
    expect(glossedTerm('安全多方计算、同态加密、零知识证明等密码学算法不断融合应用', '同态加密')).toBe(false);
    expect(glossedTerm('安全多方计算、同态加密、零知识证明等密码学算法不断融合应用', '零知识证明')).toBe(false);
  });

  it('reads an unquoted term before a kind noun, or a product name before it, as a compound, not a gloss', () => {
    expect(glossedTerm('将区块链术架构嵌入云计算平台，利用云服务', '云计算')).toBe(false);
    expect(glossedTerm('百度智能云baas平台、京东智臻链baas平台等。', 'baas')).toBe(false);
  });

  it('leaves a term the report never writes to other checks', () => {
    expect(glossedTerm('监管沙盒持续扩容。', '元宇宙')).toBe(true);
  });
});
