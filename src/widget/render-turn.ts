import type { Turn } from './conversation-store';
import type { UiText } from './ui-text';
import { createElement } from './create-element';
import { icon } from './icon';
import { renderAnswer } from './render-answer';
import { renderFacts } from './render-facts';

/** Renders one finished message: the question, or the answer with citations, facts and a copy button. */
export function renderTurn(turn: Turn, text: UiText, idPrefix: string, copy: (value: string) => Promise<boolean>): HTMLElement {
  if (turn.role === 'user') {
    return createElement('div', { className: 'msg msg-user' }, [createElement('div', { className: 'bubble', text: turn.content })]);
  }
  const copyButton = createElement('button', {
    className: 'text-button', attrs: { type: 'button' },
  }, [icon('copy'), createElement('span', { text: text.copy })]);
  copyButton.addEventListener('click', async () => {
    const label = copyButton.querySelector('span')!;
    if (await copy(copyText(turn, text))) {
      label.textContent = text.copied;
      setTimeout(() => { label.textContent = text.copy; }, 1500);
    }
  });
  return createElement('div', { className: 'msg msg-assistant' }, [
    turn.understood ? createElement('div', { className: 'note', text: text.understood(turn.understood) }) : null,
    createElement('div', { className: 'bubble' }, [
      renderAnswer(turn.content, turn.citations ?? [], text, idPrefix),
      turn.stopped ? createElement('div', { className: 'stopped', text: text.stopped }) : null,
      renderFacts(turn.facts ?? [], text),
    ]),
    turn.content ? createElement('div', { className: 'actions' }, [copyButton]) : null,
  ]);
}

/** The answer as plain text with its sources listed, for the clipboard. */
export function copyText(turn: Turn, text: UiText): string {
  const sources = (turn.citations ?? []).map((citation) =>
    `[${citation.id}] ${[citation.section, citation.source, text.line(citation.line)].filter(Boolean).join(' · ')}：${citation.quote}`);
  return sources.length > 0 ? `${turn.content}\n\n${text.sources}：\n${sources.join('\n')}` : turn.content;
}
