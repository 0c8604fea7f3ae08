import type { Segmenter } from '../text/segmenter';
import { compactText } from '../text/normalize-text';

/** Nouns people use in questions that are not topics (colloquial, temporal or generic). */
const NOT_TOPICS = new Set(['干嘛', '东西', '事情', '情况', '时候', '现在', '目前', '今年', '去年', '明年', '当前', '数据', '问题',
  '内容', '信息', '方面', '报告', '这份', '部分', '名字', '名称', '数字', '数量', '多少', '人家', '大家', '地方', '啥', '全文',
  '原文', '总数', '个数', '总共', '左右', '上下', '前后', '具体', '意思', '定义', '概念', '作用', '意义', '原因', '结果', '例子']);
// jieba tags colloquial verb phrases (搞了个) as nouns.
const COLLOQUIAL = /搞|弄|啥|咋|干嘛|怎|那个|这个/;
const NOUN_TAGS = /^(n|nr|nrt|nrfg|ns|nt|nz|eng|vn|an)$/;

/**
 * Nouns of a question that the report never mentions (e.g. 估值 in 「保全网现在估值多少？」): a
 * question about something the report does not contain cannot be answered from it, however
 * similar the retrieved passages look.
 */
export function createUnknownTermFinder(segmenter: Segmenter, corpus: string, known: (word: string) => boolean): (question: string) => string[] {
  const text = compactText(corpus).toLowerCase();
  return (question) => {
    const unknown: string[] = [];
    for (const { word, tag } of segmenter.tag(question)) {
      const w = compactText(word).toLowerCase();
      if (w.length < 2 || !NOUN_TAGS.test(tag) || NOT_TOPICS.has(w) || COLLOQUIAL.test(w) || /^\d/.test(w) || known(word)) continue;
      if (!text.includes(w)) unknown.push(word);
    }
    return [...new Set(unknown)];
  };
}
