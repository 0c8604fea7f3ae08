import type { Answer, ChatMessage, Pipeline } from './types';

/**
 * Plays user turns against the pipeline the way a client does: each answer joins the history
 * before the next turn. Returns every turn's answer (the last one answers the conversation).
 */
export async function playConversation(pipeline: Pick<Pipeline, 'ask'>, turns: readonly string[]): Promise<Answer[]> {
  const messages: ChatMessage[] = [];
  const answers: Answer[] = [];
  for (const turn of turns) {
    messages.push({ role: 'user', content: turn });
    const answer = await pipeline.ask(messages);
    messages.push({ role: 'assistant', content: answer.answer });
    answers.push(answer);
  }
  return answers;
}
