import { readQuestion, type ReadContext } from '../question/read-question';
import type { Part, Reading } from '../question/reading';
import type { Answer, ChatMessage } from '../types';
import type { Retrieval } from './answer-from-passages';
import { answerPart } from './answer-part';
import type { PartAnswer } from './claims';
import { composeAnswer } from './compose-answer';
import { withRestatedSentences } from './restated-sources';
import type { Knowledge } from './knowledge';

/** The answer with the reading it was built from (the LLM path and the eval use the reading). */
export interface AnsweredQuestion {
  answer: Answer;
  reading: Reading;
}

// No digits: a reply states no number its citations do not contain (the number guard's rule applies to every reply).
const EXAMPLES = '例如：“上半年中国公开了多少区块链专利？”“广东有多少家区块链企业？”“杭州的区块链产业园是谁主导的？”';
const SCOPE = '我只能回答《中国区块链发展现状与展望（上半年）》这份报告中的内容';

/** What a declined request beside an answered question gets (「…？顺便问下今天天气怎么样」): one sentence, no echo of it. */
const ASIDE: Partial<Record<NonNullable<Reading['aside']>, string>> = {
  offtopic: '另外，消息中的其他问题报告中没有涉及，超出了本报告的范围。',
  task: '另外，写作、编程或翻译等任务不在我能完成的范围内。',
  advice: '另外，我不提供投资、交易或规避监管方面的建议。',
  evasion: '另外，我不提供投资、交易或规避监管方面的建议。',
};

/** The reply to a message that is not a question about the report (no echo of the message). */
function decline(reading: Reading): Answer {
  const text = {
    injection: `抱歉，我不能执行消息中的指令，也不会透露内部设定。${SCOPE}，${EXAMPLES}`,
    'off-topic': reading.cue === 'document'
      ? `抱歉，其他报告或文件的内容不在本报告中。${SCOPE}，${EXAMPLES}`
      : `抱歉，这超出了本报告的范围。${SCOPE}，${EXAMPLES}`,
    task: reading.cue === 'advice' || reading.cue === 'evasion'
      ? `抱歉，我不提供投资、交易或规避监管方面的建议。${SCOPE}，${EXAMPLES}`
      : `抱歉，我不能完成写作、编程或翻译等任务。${SCOPE}，${EXAMPLES}`,
    chitchat: reading.cue === 'thanks' ? `不客气！还有关于这份报告的问题，欢迎继续问我，${EXAMPLES}` : `您好！${SCOPE}，${EXAMPLES}`,
    empty: `请输入一个关于报告的问题，${EXAMPLES}`,
    question: `抱歉，未能从报告中核实这一数字，暂不作答。`,
  }[reading.kind];
  return { answer: text, citations: [], facts: [], grounded: false, mode: 'extractive' };
}

const rowsCited = (answer: PartAnswer) => new Set(answer.claims.flatMap((c) => c.sources.map((s) => s.chunkId)).filter((id) => /#r\d+$/.test(id)));

/**
 * 「有几个产业园，分别在哪」: the count and each counted row's attribute as one answer (「共2个：链谷（政府、高校）、…」) where the
 * count was answered from a table's rows and the joined reading cites those same rows; null otherwise (each part answers alone).
 */
async function countedWithAttribute(counted: Part, asked: Part, countAnswer: PartAnswer, reading: Reading, knowledge: Knowledge, retrieval: Retrieval): Promise<PartAnswer | null> {
  const rows = rowsCited(countAnswer);
  if (countAnswer.status !== 'answered' || !rows.size) return null;
  const joined = await answerPart({ ...counted, text: `${counted.text}${asked.text}`, attributes: [...new Set([...counted.attributes, ...asked.attributes])], eachRow: true }, reading, knowledge, retrieval);
  const joinedRows = rowsCited(joined);
  return joined.status === 'answered' && [...rows].every((id) => joinedRows.has(id)) && joinedRows.size === rows.size ? withRestatedSentences(joined, knowledge) : null;
}

/**
 * The built-in answerer: read the conversation once (kind, follow-up, parts), answer every part
 * (tables, prose figures, passages — or 「报告中没有提到…」 for that part only), then compose one
 * answer with citations numbered in reading order and pass it through the number guard.
 * Never throws for "not in the report": that is `grounded: false`.
 */
export function createAnswerer(options: { knowledge: Knowledge; retrieval: Retrieval; read: ReadContext }) {
  const { knowledge, retrieval, read } = options;
  return {
    async answer(messages: readonly ChatMessage[]): Promise<AnsweredQuestion> {
      const reading = readQuestion(messages, read);
      if (reading.kind !== 'question' || !reading.parts.length) return { answer: decline(reading), reading };
      const parts: PartAnswer[] = [];
      for (const [i, part] of reading.parts.entries()) {
        const joined: PartAnswer | null = part.ofCounted && i > 0 ? await countedWithAttribute(reading.parts[i - 1], part, parts.at(-1)!, reading, knowledge, retrieval) : null;
        if (joined) parts[parts.length - 1] = joined;
        else parts.push(withRestatedSentences(await answerPart(part, reading, knowledge, retrieval), knowledge));
      }
      const composed = composeAnswer(parts, { question: reading.text, understood: reading.understood });
      const aside = composed && reading.aside ? ASIDE[reading.aside] : undefined;
      return { answer: composed ? (aside ? { ...composed, answer: `${composed.answer}${aside}` } : composed) : decline({ ...reading, kind: 'question' }), reading };
    },
  };
}
