import { describe, expect, it } from 'vitest';
import { continuation, endsSentence, findRepeat, joinFragments } from './join-fragments';

// Fragments copied from the report around its page breaks.
describe('joinFragments', () => {
  it('drops a character the export repeated after the break', () => {
    const joined = joinFragments('促进实体经济与数字经济融合发展', '展，提高产业发展质量');
    expect(joined).toEqual({ text: '促进实体经济与数字经济融合发展，提高产业发展质量', offset: 15, repeated: '展', dropped: '' });
  });

  it('joins a break without repetition as it is', () => {
    expect(joinFragments('人工智能、区块链和物联网与制造', '业供应链的深度融合').text).toBe('人工智能、区块链和物联网与制造业供应链的深度融合');
    expect(findRepeat('区块链技术不断发', '展，数字经济')).toBe('');
  });

  it('drops a sentence end printed before a repeated tail of several characters', () => {
    const previous = '联合印发《2020年打击整治传销联合行动方案》。';
    const next = '案》，以高压态势打击整治传销。';
    expect(continuation(previous, next)).toBe('after-terminator');
    const joined = joinFragments(previous, next, 'after-terminator');
    expect(joined.text).toBe('联合印发《2020年打击整治传销联合行动方案》，以高压态势打击整治传销。');
    expect(joined).toMatchObject({ repeated: '案》', dropped: '。' });
  });

  it('starts a new paragraph after a finished sentence', () => {
    expect(continuation('区块链本身不是单一的技术，而是有着特定结构的技术体系。', '因此，在与诸多业务场景匹配的过程中')).toBeNull();
    expect(continuation('推进产业转型升级。作', '作为一种去中心化')).toBe('plain');
    expect(endsSentence('“可信、可靠、可控制”三大问题。')).toBe(true);
    expect(endsSentence('为保护“1024”讲话精神”')).toBe(false);
  });

  it('keeps a space between Latin words or numbers and ignores Latin overlaps', () => {
    expect(joinFragments('XENIRO Edge', 'Fusion 平台').text).toBe('XENIRO Edge Fusion 平台');
    expect(joinFragments('新增 16', '个基于区块链').text).toBe('新增 16个基于区块链');
    expect(findRepeat('版本 2020', '2020 年')).toBe('');
  });
});
