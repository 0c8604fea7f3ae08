import type { WidgetOptions } from './read-options';
import type { UiText } from './ui-text';
import { createElement } from './create-element';
import { icon } from './icon';

/** The widget's static DOM: launcher, dialog, scrolling message log and composer. */
export interface PanelParts {
  root: HTMLElement;
  launcher: HTMLButtonElement;
  panel: HTMLElement;
  body: HTMLElement;
  log: HTMLElement;
  empty: HTMLElement;
  starters: HTMLElement;
  form: HTMLFormElement;
  input: HTMLTextAreaElement;
  send: HTMLButtonElement;
  newConversation: HTMLButtonElement;
  close: HTMLButtonElement;
  expand: HTMLButtonElement;
  /** Unread answers on the launcher (hidden at 0). */
  badge: HTMLElement;
  /** 「n/500 字」 under the input. */
  counter: HTMLElement;
  /** 「已开始新对话。撤销」 after 「新对话」. */
  notice: HTMLElement;
  undo: HTMLButtonElement;
}

/** Builds the skeleton; behaviour is wired by createWidget(). Ids are unique inside the shadow root only. */
export function createPanel(options: WidgetOptions, text: UiText): PanelParts {
  const launcher = createElement('button', {
    className: 'launcher',
    attrs: { type: 'button', 'aria-label': text.open(options.title), 'aria-expanded': 'false', 'aria-controls': 'rqw-panel',
      'aria-haspopup': 'dialog' },
  }, [icon('chat'), createElement('span', { text: options.title })]);
  const badge = createElement('span', { className: 'badge', attrs: { 'aria-hidden': 'true' } });
  badge.hidden = true;
  launcher.append(badge);

  const newConversation = createElement('button', {
    className: 'icon-button', attrs: { type: 'button', 'aria-label': text.newConversation, title: text.newConversation },
  }, [icon('plus')]);
  const expand = createElement('button', {
    className: 'icon-button expand', attrs: { type: 'button', 'aria-label': text.expand, title: text.expand, 'aria-pressed': 'false' },
  }, [icon('expand')]);
  const close = createElement('button', {
    className: 'icon-button', attrs: { type: 'button', 'aria-label': text.close, title: text.close },
  }, [icon('close')]);

  const starters = createElement('div', { className: 'starters' });
  const empty = createElement('div', { className: 'empty' }, [
    createElement('p', { text: text.hint }),
    createElement('p', { text: text.starterHeading }),
    starters,
  ]);
  const log = createElement('div', { className: 'log', attrs: { role: 'log', 'aria-live': 'polite', 'aria-busy': 'false', 'aria-label': options.title } });
  const body = createElement('div', { className: 'body' }, [empty, log]);
  const undo = createElement('button', { className: 'text-button', text: text.undo, attrs: { type: 'button' } });
  const notice = createElement('div', { className: 'notice', attrs: { role: 'status' } });
  const noticeText = createElement('span', { text: text.resetDone });
  notice.append(noticeText, undo);
  notice.hidden = true;

  const input = createElement('textarea', {
    className: 'input',
    attrs: { id: 'rqw-input', rows: 1, placeholder: text.placeholder, enterkeyhint: 'send', autocomplete: 'off',
      maxlength: options.maxChars, 'aria-describedby': 'rqw-counter' },
  });
  const counter = createElement('span', { className: 'counter', text: text.counter(0, options.maxChars), attrs: { id: 'rqw-counter' } });
  const send = createElement('button', {
    className: 'send', attrs: { type: 'button', 'aria-label': text.send, title: text.send },
  }, [icon('send')]);
  const form = createElement('form', { className: 'composer' }, [
    createElement('label', { className: 'visually-hidden', text: text.inputLabel, attrs: { for: 'rqw-input' } }),
    createElement('div', { className: 'field' }, [input, counter]),
    send,
  ]);

  const panel = createElement('div', {
    className: 'panel', attrs: { id: 'rqw-panel', role: 'dialog', 'aria-label': options.title },
  }, [
    createElement('div', { className: 'header' }, [
      createElement('h2', { className: 'title', text: options.title }),
      expand,
      newConversation,
      close,
    ]),
    body,
    notice,
    form,
  ]);
  panel.hidden = true;

  const root = createElement('div', {
    className: 'root', attrs: { 'data-theme': options.theme, 'data-position': options.position, lang: options.lang },
  }, [launcher, panel]);
  return { root, launcher, panel, body, log, empty, starters, form, input, send, newConversation, close, expand, badge, counter,
    notice, undo };
}
