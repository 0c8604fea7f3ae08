import type { EntityLexicon, EntityMention } from '../facts/entity-lexicon';
import type { ChatMessage } from '../types';

/** A question made standalone from the conversation. */
export interface ResolvedQuestion {
  /** The standalone question to answer. */
  question: string;
  /** Terms of earlier turns that still frame this one (used by retrieval, weighted lower). */
  context: string;
  /** Set when the question was rewritten: how it was understood. */
  understood?: string;
  /** 「再详细一点」: answer the previous question at more length. */
  elaborate: boolean;
  /** Entities of the previous question this one replaced (「那江苏呢？」 after 广东 → ['广东']). */
  replaced?: { text: string; type: string }[];
}

const FOLLOW_UP_CUE = /^(那|那么|那个|那在|那对于|而|还有|另外|其中|其|它|他们|她|这|该|此|上述|前者|后者|同样|再|继续|对比)|呢[？?]?$|它|其中|这个|这些|那个|该(省|市|企业|项目|机构|平台|领域)/;
const ELABORATE = /^(再|请)?(详细|具体|展开|多)(一点|一些|说说|讲讲|介绍|点)?|^(能|可以)?(再)?(详细|具体)(说|讲|介绍)|^展开(说|讲)|^还有呢/;
const ORDINAL = /第\s*([一二三四五六七八九十\d]+)\s*(个|名|项|位|条|种|家|点|方面)?/;
const PRONOUN = /它们|它|其|这个|该|这|那个|他们/;
const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

function ordinalValue(text: string): number {
  return /^\d+$/.test(text) ? Number(text) : text.length === 1 ? CN_DIGITS[text] ?? 0 : text === '十' ? 10 : 10 + (CN_DIGITS[text[1]] ?? 0);
}

/** Items of a previous answer: numbered lines, 一是/二是 clauses, or an enumeration with 、. */
function listItems(answer: string): string[] {
  const clean = answer.replace(/\[\d+\]/g, '');
  const numbered = [...clean.matchAll(/^\s*\d+[.、)）]\s*([^\n]+)/gm)].map((m) => m[1]);
  if (numbered.length >= 2) return numbered;
  const ordinals = [...clean.matchAll(/[一二三四五六七八九十]是([^；;。，,]+)/g)].map((m) => m[1]);
  if (ordinals.length >= 2) return ordinals;
  const enumeration = clean.match(/([^，。：:；]+、[^，。：:；]+)/)?.[1];
  return enumeration ? enumeration.split('、') : [];
}

/** The part of an item that names it: up to the first separator. */
function itemName(item: string): string {
  return item.replace(/^[:：\s]+/, '').split(/[：:（(，,。；;\s]/)[0].replace(/[“”"《》]/g, '').trim();
}

/**
 * Resolves follow-ups from the conversation (the server keeps no state): entity and year
 * substitution (「那江苏呢？」, 「那2020年的呢？」), ordinal references to the previous answer's list
 * (「第二个具体指的是什么？」), pronouns (「它是谁牵头的？」), 「再详细一点」. A question that names its
 * own entity and is not phrased as a follow-up starts a new topic.
 */
export function resolveFollowUp(messages: readonly ChatMessage[], lexicon: EntityLexicon): ResolvedQuestion {
  const turns: { question: string; answer?: string }[] = [];
  for (const message of messages) {
    if (message.role === 'user') turns.push({ question: message.content.trim() });
    else if (message.role === 'assistant' && turns.length) turns[turns.length - 1].answer = message.content;
  }
  let resolved: ResolvedQuestion = { question: turns[0]?.question ?? '', context: '', elaborate: false };
  for (let i = 1; i < turns.length; i++) resolved = resolveTurn(turns[i].question, resolved, turns[i - 1].answer ?? '', lexicon);
  return resolved;
}

function resolveTurn(current: string, previous: ResolvedQuestion, previousAnswer: string, lexicon: EntityLexicon): ResolvedQuestion {
  const base = previous.question;
  if (ELABORATE.test(current) && current.length <= 12) {
    return { question: base, context: previous.context, understood: base, elaborate: true };
  }
  const mentions = lexicon.find(current);
  // A question with nothing of its own to be about (「什么时候成立的？」, 「谁主导的？」) continues the topic.
  const isCue = FOLLOW_UP_CUE.test(current) || current.replace(/[？?。！!\s]/g, '').length <= 6
    || (!mentions.length && topicOf(current).replace(/\s/g, '').length <= 6)
    // Only a year of its own (「2020年的是哪家企业的？」): the rest of the question is the previous topic.
    || (mentions.length > 0 && mentions.every((m) => m.type === 'year')
      && topicOf(current.replace(/(19|20)\d{2}\s*年?/g, '')).replace(/\s/g, '').length <= 6);
  if (!isCue) return { question: current, context: '', elaborate: false };

  const ordinal = current.match(ORDINAL);
  if (ordinal) {
    const items = listItems(previousAnswer);
    const item = items[ordinalValue(ordinal[1]) - 1];
    if (item) {
      const name = itemName(item);
      const question = current.replace(ORDINAL, name).replace(/^(那|那么)/, '');
      return { question, context: base, understood: question, elaborate: false };
    }
  }
  const previousMentions = lexicon.find(base);
  if (mentions.length) {
    let question = base;
    let replaced = false;
    const old: { text: string; type: string }[] = [];
    for (const mention of mentions) {
      const sameType = previousMentions.filter((m) => m.type === mention.type && m.name !== mention.name);
      if (!sameType.length) continue;
      // Replace the first mention of that type; drop further ones (「金融和政务」 → 「司法」).
      question = replaceMention(question, sameType[0], mention.text);
      old.push(...sameType.map((m) => ({ text: m.text, type: m.type })));
      for (const extra of sameType.slice(1)) question = question.replace(new RegExp(`[和与及、]?${escape(extra.text)}`), '');
      replaced = true;
    }
    if (replaced) return { question, context: '', understood: question, elaborate: false, replaced: old };
    // A new entity of a kind the previous question did not have: add it to the previous question's frame,
    // keeping the table the conversation is about (「表8-1…最早的是哪一年？」→「2020年的是哪家企业的？」).
    const table = previousMentions.find((m) => m.type === 'table');
    const stripped = current.replace(/^(那|那么|其中)/, '');
    const frame = table && !mentions.some((m) => m.type === 'table') ? `${table.name}里` : '';
    const question2 = `${frame}${stripped}`;
    return { question: question2, context: base, understood: `${base} → ${question2}`, elaborate: false };
  }
  // No entity of its own: the follow-up asks something else about the previous question's topic
  // (「什么时候成立的？」, 「它的占比是多少？」), so the topic is carried into the question itself.
  const topic = topicOf(base);
  const rest = current.replace(PRONOUN, '').replace(/^(那|那么|而|其中)/, '').trim();
  const question = `${topic} ${rest}`.trim();
  return { question, context: '', understood: question, elaborate: false };
}

const QUESTION_WORDS = /(请问|一共|总共|大概|大约|分别|具体)|(是|有|为)?(多少|几|哪些|哪个|哪家|哪里|哪一年|哪年|什么时候|什么|怎么样|怎样|如何|谁)(家|个|项|所|条|笔|件|位|种|年)?|吗|呢|[？?。！!，,]/g;

/** The previous question without its question words: what the conversation is about. */
export function topicOf(question: string): string {
  return question.replace(QUESTION_WORDS, ' ').replace(/\s+/g, ' ').trim();
}

function replaceMention(text: string, mention: EntityMention, replacement: string): string {
  return text.slice(0, mention.index) + replacement + text.slice(mention.index + mention.text.length);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
