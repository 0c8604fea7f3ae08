import type { Turn } from './conversation-store';
import type { UiText } from './ui-text';
import { createElement } from './create-element';
import { icon } from './icon';
import { renderAnswer } from './render-answer';
import { renderFacts } from './render-facts';

/** Longest feedback reason (the service's limit). */
const MAX_REASON = 500;

/** What a rendered answer can do: copy, ask a question, send feedback, and save the turn after a change. */
export interface TurnActions {
  copy(value: string): Promise<boolean>;
  ask(question: string): void;
  /** POSTs /api/feedback; resolves false when it could not be sent. */
  feedback(id: string, rating: 'up' | 'down', reason?: string): Promise<boolean>;
  save(): void;
}

/**
 * Renders one finished message: the question, or the answer with citations, facts, suggested next
 * questions, copy and 👍/👎 (with an optional reason after 👎).
 */
export function renderTurn(turn: Turn, text: UiText, idPrefix: string, actions: TurnActions): HTMLElement {
  if (turn.role === 'user') {
    return createElement('div', { className: 'msg msg-user' }, [createElement('div', { className: 'bubble', text: turn.content })]);
  }
  const copyButton = createElement('button', {
    className: 'text-button', attrs: { type: 'button' },
  }, [icon('copy'), createElement('span', { text: text.copy })]);
  copyButton.addEventListener('click', async () => {
    const label = copyButton.querySelector('span')!;
    if (await actions.copy(copyText(turn, text))) {
      label.textContent = text.copied;
      setTimeout(() => { label.textContent = text.copy; }, 1500);
    }
  });
  const suggestions = turn.suggestions?.length
    ? createElement('div', { className: 'suggestions', attrs: { role: 'group', 'aria-label': text.suggestionsHeading } }, [
      createElement('p', { className: 'suggestions-heading', text: text.suggestionsHeading, attrs: { 'aria-hidden': 'true' } }),
      ...turn.suggestions.map((question) => createElement('button', {
        className: 'starter', text: question, attrs: { type: 'button' }, on: { click: () => actions.ask(question) },
      })),
    ])
    : null;
  const feedback = turn.id && turn.content && !turn.stopped ? renderFeedback(turn, turn.id, text, idPrefix, actions) : null;
  return createElement('div', { className: 'msg msg-assistant' }, [
    turn.understood ? createElement('div', { className: 'note', text: text.understood(turn.understood) }) : null,
    createElement('div', { className: 'bubble' }, [
      renderAnswer(turn.content, turn.citations ?? [], text, idPrefix, turn.grounded === false ? { ask: actions.ask } : {}),
      turn.stopped ? createElement('div', { className: 'stopped', text: text.stopped }) : null,
      renderFacts(turn.facts ?? [], turn.citations ?? [], text, idPrefix),
    ]),
    turn.content ? createElement('div', { className: 'actions' }, [copyButton, ...(feedback ? feedback.buttons : [])]) : null,
    feedback?.form ?? null,
    feedback?.status ?? null,
    suggestions,
  ]);
}

/** 👍/👎 toggle buttons (aria-pressed), a reason box after 👎, and a status line. */
function renderFeedback(turn: Turn, id: string, text: UiText, idPrefix: string, actions: TurnActions) {
  const status = createElement('p', { className: 'feedback-status', attrs: { role: 'status' } });
  const make = (rating: 'up' | 'down') => createElement('button', {
    className: 'text-button vote', attrs: { type: 'button', 'aria-pressed': String(turn.rating === rating),
      'aria-label': rating === 'up' ? text.helpful : text.notHelpful, title: rating === 'up' ? text.helpful : text.notHelpful },
  }, [icon(rating)]);
  const up = make('up');
  const down = make('down');
  const reasonId = `${idPrefix}-reason`;
  const reason = createElement('textarea', { className: 'reason', attrs: { id: reasonId, rows: 2, maxlength: MAX_REASON,
    placeholder: text.reasonPlaceholder } });
  const submit = createElement('button', { className: 'text-button submit', text: text.sendFeedback, attrs: { type: 'submit' } });
  const form = createElement('form', { className: 'feedback-form' }, [
    createElement('label', { text: text.reasonLabel, attrs: { for: reasonId } }), reason, submit,
  ]);
  form.hidden = true;

  const send = async (rating: 'up' | 'down', why?: string) => {
    turn.rating = rating;
    up.setAttribute('aria-pressed', String(rating === 'up'));
    down.setAttribute('aria-pressed', String(rating === 'down'));
    actions.save();
    const sent = await actions.feedback(id, rating, why);
    status.textContent = sent ? text.thanks : text.feedbackFailed;
    return sent;
  };
  up.addEventListener('click', () => {
    form.hidden = true;
    void send('up');
  });
  down.addEventListener('click', () => {
    void send('down');
    form.hidden = false;
    reason.focus();
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (await send('down', reason.value.trim() || undefined)) form.hidden = true;
  });
  return { buttons: [up, down], form, status };
}

/** The answer as plain text with its sources listed, for the clipboard. */
export function copyText(turn: Turn, text: UiText): string {
  const sources = (turn.citations ?? []).map((citation) =>
    `[${citation.id}] ${[citation.section, citation.source, text.line(citation.line)].filter(Boolean).join(' · ')}：${citation.quote}`);
  return sources.length > 0 ? `${turn.content}\n\n${text.sources}：\n${sources.join('\n')}` : turn.content;
}
