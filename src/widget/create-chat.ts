import type { WireMessage } from '../server/wire-types';
import type { ConversationStore, Turn } from './conversation-store';
import type { PanelParts } from './create-panel';
import type { UiText } from './ui-text';
import { createElement } from './create-element';
import { errorMessage } from './error-message';
import { icon } from './icon';
import { renderTurn, type TurnActions } from './render-turn';
import { sendFeedback } from './send-feedback';
import { streamChat } from './stream-chat';

/** The server caps a conversation (QA_MAX_MESSAGES, default 20); the latest turns carry the context. */
const HISTORY_LIMIT = 12;
const STARTER_QUESTIONS = ['广东有多少家区块链企业？', '2020年上半年区块链专利公开了多少？', '哪些地方出台了区块链专项政策？',
  '全国有多少家区块链产业园？'];

export interface Chat {
  ask(question: string): void;
  stop(): void;
  /** Starts over; returns the turns it cleared, for restore(). */
  reset(): Turn[];
  /** Brings back a conversation reset() cleared (「撤销」). */
  restore(turns: Turn[]): void;
  readonly busy: boolean;
}

export interface ChatEvents {
  /** An answer finished arriving (the widget badges the launcher when the panel is closed). */
  onAnswer?(): void;
}

/**
 * The conversation: sends the history to `{endpoint}/api/chat`, streams the answer into the log,
 * keeps the turns in the store, and shows errors with a retry button.
 */
export function createChat(parts: PanelParts, endpoint: string, text: UiText, store: ConversationStore,
  events: ChatEvents = {}): Chat {
  let turns: Turn[] = store.load().turns;
  let controller: AbortController | null = null;
  let error: HTMLElement | null = null;
  let sequence = 0;
  // Bumped by reset() so an answer still streaming for the old conversation is dropped.
  let generation = 0;

  const copy = async (value: string) => {
    try {
      await navigator.clipboard.writeText(value);
      return true;
    } catch {
      // No async clipboard (plain-http host pages, old browsers): copy through a selection.
      return copyBySelection(parts.root, value);
    }
  };
  const save = () => store.save({ turns });
  const actions: TurnActions = {
    copy,
    ask: (question) => {
      chat.ask(question);
      parts.input.focus();
    },
    feedback: (id, rating, reason) => sendFeedback(endpoint, { id, rating, ...(reason ? { reason } : {}) }),
    save,
  };
  const view = (turn: Turn) => renderTurn(turn, text, `rqw-${sequence++}`, actions);
  const nearBottom = () => parts.body.scrollHeight - parts.body.scrollTop - parts.body.clientHeight < 48;
  const scrollDown = () => { parts.body.scrollTop = parts.body.scrollHeight; };

  const setBusy = (busy: boolean) => {
    parts.log.setAttribute('aria-busy', String(busy));
    parts.send.setAttribute('aria-label', busy ? text.stop : text.send);
    parts.send.title = busy ? text.stop : text.send;
    parts.send.replaceChildren(icon(busy ? 'stop' : 'send'));
  };

  const showEmpty = () => { parts.empty.hidden = turns.length > 0; };

  const clearError = () => {
    error?.remove();
    error = null;
  };

  /**
   * The retry button waits out a 429's Retry-After, so it cannot fail the same way at once; a
   * request the service refused for its content (400, 413) gets no retry, since it would fail again.
   */
  const showError = (message: string, waitSeconds = 0, retryable = true) => {
    const retry = createElement('button', { className: 'text-button', attrs: { type: 'button' } },
      [icon('retry'), createElement('span', { text: text.retry })]);
    retry.hidden = !retryable;
    retry.addEventListener('click', () => {
      clearError();
      parts.input.focus();
      void answer();
    });
    if (waitSeconds > 0) {
      retry.disabled = true;
      setTimeout(() => { retry.disabled = false; }, waitSeconds * 1000);
    }
    error = createElement('div', { className: 'error', attrs: { role: 'alert' } }, [createElement('p', { text: message }), retry]);
    parts.log.append(error);
    scrollDown();
  };

  const answer = async () => {
    const started = generation;
    controller = new AbortController();
    setBusy(true);
    const draft: Turn = { role: 'assistant', content: '' };
    const note = createElement('div', { className: 'note' });
    note.hidden = true;
    const answerText = createElement('div', { className: 'answer-text' });
    const typing = createElement('div', { className: 'typing', attrs: { role: 'status', 'aria-label': text.typing } },
      [createElement('span'), createElement('span'), createElement('span')]);
    const pending = createElement('div', { className: 'msg msg-assistant' }, [
      note, createElement('div', { className: 'bubble' }, [answerText, typing]),
    ]);
    parts.log.append(pending);
    scrollDown();

    const outcome = await streamChat(endpoint, requestMessages(turns), {
      onMeta(data) {
        if (typeof data.id === 'string') draft.id = data.id;
        if (!data.understood) return;
        draft.understood = data.understood;
        note.textContent = text.understood(data.understood);
        note.hidden = false;
      },
      onDelta(delta) {
        const follow = nearBottom();
        draft.content += delta;
        // textContent only: the server's text is never parsed as HTML.
        answerText.textContent = draft.content;
        if (follow) scrollDown();
      },
      onCitations(data) {
        draft.citations = data.citations ?? [];
        draft.facts = data.facts ?? [];
        draft.grounded = data.grounded;
        if (Array.isArray(data.suggestions)) draft.suggestions = data.suggestions.filter((each) => typeof each === 'string').slice(0, 3);
      },
    }, controller.signal);

    if (started !== generation) return;
    controller = null;
    setBusy(false);
    if (outcome.ok || outcome.aborted) {
      if (!outcome.ok) draft.stopped = true;
      turns.push(draft);
      const follow = nearBottom();
      pending.replaceWith(view(draft));
      if (follow) scrollDown();
      save();
      events.onAnswer?.();
    } else {
      pending.remove();
      const { failure } = outcome;
      const refused = failure.kind === 'http' && (failure.status === 400 || failure.status === 413);
      showError(errorMessage(failure, text), failure.kind === 'http' && failure.status === 429 ? failure.retryAfterSeconds : 0, !refused);
    }
  };

  const chat: Chat = {
    get busy() {
      return controller !== null;
    },
    ask(question) {
      const content = question.trim();
      if (!content || controller) return;
      clearError();
      const turn: Turn = { role: 'user', content };
      turns.push(turn);
      showEmpty();
      parts.log.append(view(turn));
      save();
      void answer();
    },
    stop() {
      controller?.abort();
    },
    reset() {
      generation += 1;
      controller?.abort();
      controller = null;
      setBusy(false);
      clearError();
      const cleared = turns;
      turns = [];
      store.clear();
      save();
      parts.log.replaceChildren();
      showEmpty();
      return cleared;
    },
    restore(previous) {
      if (controller || turns.length > 0) return;
      turns = previous;
      save();
      parts.log.replaceChildren(...turns.map(view));
      showEmpty();
      scrollDown();
    },
  };

  for (const question of STARTER_QUESTIONS) {
    const button = createElement('button', { className: 'starter', text: question, attrs: { type: 'button' } });
    button.addEventListener('click', () => {
      chat.ask(question);
      parts.input.focus();
    });
    parts.starters.append(button);
  }
  parts.log.append(...turns.map(view));
  showEmpty();
  return chat;
}

function copyBySelection(root: HTMLElement, value: string): boolean {
  const shadow = root.getRootNode() as ShadowRoot;
  const previous = shadow.activeElement as HTMLElement | null;
  const area = createElement('textarea', { className: 'visually-hidden', attrs: { readonly: true, 'aria-hidden': 'true', tabindex: -1 } });
  area.value = value;
  root.append(area);
  area.select();
  let copied = false;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  area.remove();
  previous?.focus();
  return copied;
}

/** The latest turns with text, starting with a question, as the wire expects. */
export function requestMessages(turns: Turn[]): WireMessage[] {
  const messages = turns.filter((turn) => turn.content.trim() !== '').map(({ role, content }) => ({ role, content }));
  const recent = messages.slice(-HISTORY_LIMIT);
  while (recent.length > 1 && recent[0].role !== 'user') recent.shift();
  return recent;
}
