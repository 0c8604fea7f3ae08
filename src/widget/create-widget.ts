import type { WidgetOptions } from './read-options';
import { adoptStyles } from './adopt-styles';
import { conversationStore } from './conversation-store';
import { createChat } from './create-chat';
import { createPanel } from './create-panel';
import { icon } from './icon';
import { uiText } from './ui-text';
import { widgetCss } from './widget-css';

/** What `window.ReportQAWidget` offers the host page. */
export interface WidgetApi {
  version: string;
  open(): void;
  close(): void;
  toggle(): void;
  /** Starts a new conversation. */
  reset(): void;
  /** Removes the widget from the page (the conversation stays in sessionStorage). */
  destroy(): void;
}

const FULL_SCREEN = '(max-width: 479.98px)';
/** How long 「撤销」 stays offered after 「新对话」. */
const UNDO_MS = 10_000;
const FOCUSABLE = 'button:not([disabled]), textarea, [href], [tabindex]:not([tabindex="-1"])';

/**
 * Builds the widget inside a shadow root on its own host element and appends it to the page once
 * <body> exists. Host CSS cannot reach inside; the widget adds no styles to the host page.
 */
export function createWidget(options: WidgetOptions): WidgetApi {
  const text = uiText(options.lang);
  const host = document.createElement('report-qa-widget');
  // Open so tests and assistive tooling can look inside; page CSS is still kept out.
  const shadow = host.attachShadow({ mode: 'open' });
  adoptStyles(shadow, widgetCss);
  const parts = createPanel(options, text);
  shadow.append(parts.root);
  const { launcher, panel, input, send } = parts;

  const store = conversationStore(options.endpoint);
  let isOpen = false;
  let composing = false;
  let unread = 0;
  const launcherLabel = () => (isOpen ? text.closeWidget(options.title)
    : unread > 0 ? `${text.open(options.title)}（${text.unread(unread)}）` : text.open(options.title));
  /** An answer that arrives while the panel is closed shows as a count on the launcher. */
  const setUnread = (count: number) => {
    unread = count;
    parts.badge.textContent = String(count);
    parts.badge.hidden = count === 0;
    launcher.setAttribute('aria-label', launcherLabel());
  };
  const chat = createChat(parts, options.endpoint, text, store, { onAnswer: () => { if (!isOpen) setUnread(unread + 1); } });
  const fullScreen = window.matchMedia(FULL_SCREEN);
  let undoTimer: ReturnType<typeof setTimeout> | undefined;
  const hideNotice = () => {
    clearTimeout(undoTimer);
    parts.notice.hidden = true;
  };

  /** On phones the panel follows the visual viewport so the on-screen keyboard never covers the input. */
  const fitViewport = () => {
    const viewport = window.visualViewport;
    panel.setAttribute('aria-modal', String(isOpen && fullScreen.matches));
    if (isOpen && fullScreen.matches && viewport) {
      panel.style.height = `${viewport.height}px`;
      panel.style.top = `${viewport.offsetTop}px`;
    } else {
      panel.style.removeProperty('height');
      panel.style.removeProperty('top');
    }
  };

  const setOpen = (next: boolean, moveFocus: boolean) => {
    if (next === isOpen) return;
    isOpen = next;
    panel.hidden = !next;
    parts.root.toggleAttribute('data-open', next);
    launcher.setAttribute('aria-expanded', String(next));
    if (next) setUnread(0);
    launcher.setAttribute('aria-label', launcherLabel());
    store.save({ open: next });
    fitViewport();
    if (next) {
      parts.body.scrollTop = parts.body.scrollHeight;
      if (moveFocus) input.focus();
    } else if (moveFocus || panel.contains(shadow.activeElement)) {
      launcher.focus();
    }
  };

  const submit = () => {
    if (chat.busy || !input.value.trim()) return;
    hideNotice();
    chat.ask(input.value);
    input.value = '';
    autosize();
  };

  const autosize = () => {
    input.style.height = 'auto';
    input.style.height = `${Math.min(input.scrollHeight + 2, 140)}px`;
    const length = [...input.value].length;
    parts.counter.textContent = text.counter(length, options.maxChars);
    parts.counter.toggleAttribute('data-full', length >= options.maxChars);
  };

  launcher.addEventListener('click', () => setOpen(!isOpen, true));
  parts.close.addEventListener('click', () => setOpen(false, true));
  // 「新对话」 clears at once and offers 「撤销」 for a while, instead of asking to confirm.
  parts.newConversation.addEventListener('click', () => {
    const cleared = chat.reset();
    hideNotice();
    if (cleared.length > 0) {
      parts.notice.hidden = false;
      parts.undo.onclick = () => {
        hideNotice();
        chat.restore(cleared);
        input.focus();
      };
      undoTimer = setTimeout(hideNotice, UNDO_MS);
    }
    input.focus();
  });
  parts.expand.addEventListener('click', () => {
    const expanded = !parts.root.hasAttribute('data-expanded');
    parts.root.toggleAttribute('data-expanded', expanded);
    parts.expand.setAttribute('aria-pressed', String(expanded));
    parts.expand.setAttribute('aria-label', expanded ? text.shrink : text.expand);
    parts.expand.title = expanded ? text.shrink : text.expand;
    parts.expand.replaceChildren(icon(expanded ? 'shrink' : 'expand'));
  });
  send.addEventListener('click', () => (chat.busy ? chat.stop() : submit()));
  parts.form.addEventListener('submit', (event) => event.preventDefault());
  input.addEventListener('input', autosize);
  input.addEventListener('compositionstart', () => { composing = true; });
  input.addEventListener('compositionend', () => { composing = false; });
  // Some IMEs never send compositionend when focus leaves mid-composition.
  input.addEventListener('blur', () => { composing = false; });
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || event.shiftKey) return;
    // An IME uses Enter to pick a candidate: never send then. Safari reports it as keyCode 229.
    if (event.isComposing || composing || event.keyCode === 229) return;
    event.preventDefault();
    submit();
  });
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !event.isComposing && !composing) {
      event.stopPropagation();
      // An open source closes first (focus back on its button); the next Escape closes the panel.
      const openSources = [...panel.querySelectorAll<HTMLButtonElement>('.cite-ref[aria-expanded="true"]')];
      const focused = openSources.find((button) => button === shadow.activeElement);
      const source = focused ?? openSources.at(-1);
      if (source) {
        source.click();
        source.focus();
        return;
      }
      setOpen(false, true);
    } else if (event.key === 'Tab' && fullScreen.matches) {
      trapFocus(event, panel, shadow);
    }
  });
  window.visualViewport?.addEventListener('resize', fitViewport);
  window.visualViewport?.addEventListener('scroll', fitViewport);
  fullScreen.addEventListener?.('change', fitViewport);

  const attach = () => {
    if (host.isConnected) return;
    (document.body ?? document.documentElement).append(host);
    // Restored or data-open panels open without taking focus away from the host page. A panel left
    // open is restored only where it does not cover the whole page (phones would lose every page).
    if (options.open || (store.load().open && !fullScreen.matches)) setOpen(true, false);
  };
  if (document.body) attach();
  else document.addEventListener('DOMContentLoaded', attach, { once: true });

  return {
    version: '1',
    open: () => setOpen(true, true),
    close: () => setOpen(false, true),
    toggle: () => setOpen(!isOpen, true),
    reset: () => { chat.reset(); },
    destroy: () => {
      chat.stop();
      window.visualViewport?.removeEventListener('resize', fitViewport);
      window.visualViewport?.removeEventListener('scroll', fitViewport);
      fullScreen.removeEventListener?.('change', fitViewport);
      host.remove();
    },
  };
}

/** Keeps Tab inside the full-screen panel, where the page behind it is covered and unusable. */
function trapFocus(event: KeyboardEvent, panel: HTMLElement, shadow: ShadowRoot): void {
  const items = [...panel.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((item) => item.getClientRects().length > 0);
  if (items.length === 0) return;
  const first = items[0];
  const last = items[items.length - 1];
  if (event.shiftKey && shadow.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && shadow.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}
