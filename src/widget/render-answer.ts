import type { Citation } from '../types';
import type { UiText } from './ui-text';
import { createElement } from './create-element';

const MARKER = /\[(\d{1,3})\]/g;

/**
 * Renders answer text with each `[n]` marker that has a citation turned into a 「来源 n」 button
 * toggling a panel with the quote, section, source caption and line. Text is only ever textContent.
 * Citations no marker mentions get a button in a trailing 「来源」 row so none is lost.
 */
export function renderAnswer(answer: string, citations: Citation[], text: UiText, idPrefix: string): HTMLElement {
  const byId = new Map(citations.map((citation) => [citation.id, citation]));
  const panels = new Map<number, HTMLElement>();
  const buttons = new Map<number, HTMLButtonElement[]>();

  const panelFor = (citation: Citation) => {
    let panel = panels.get(citation.id);
    if (!panel) {
      panel = renderCitation(citation, text, `${idPrefix}-cite-${citation.id}`);
      panels.set(citation.id, panel);
    }
    return panel;
  };

  const buttonFor = (citation: Citation) => {
    const panel = panelFor(citation);
    const button = createElement('button', {
      className: 'cite-ref',
      text: text.citation(citation.id),
      attrs: { type: 'button', 'aria-expanded': 'false', 'aria-controls': panel.id },
      on: {
        click: () => {
          const show = panel.hidden;
          panel.hidden = !show;
          for (const each of buttons.get(citation.id) ?? []) each.setAttribute('aria-expanded', String(show));
        },
      },
    });
    buttons.set(citation.id, [...(buttons.get(citation.id) ?? []), button]);
    return button;
  };

  const body = createElement('div', { className: 'answer-text' });
  let last = 0;
  for (const match of answer.matchAll(MARKER)) {
    const citation = byId.get(Number(match[1]));
    if (!citation) continue;
    body.append(answer.slice(last, match.index), buttonFor(citation));
    last = match.index! + match[0].length;
  }
  body.append(answer.slice(last));

  const unmentioned = citations.filter((citation) => !buttons.has(citation.id));
  const extra = unmentioned.length > 0
    ? createElement('div', { className: 'cite-row' }, [`${text.sources}：`, ...unmentioned.map(buttonFor)])
    : null;
  return createElement('div', { className: 'answer' }, [body, extra, ...panels.values()]);
}

function renderCitation(citation: Citation, text: UiText, id: string): HTMLElement {
  const meta = [citation.section, citation.source, text.line(citation.line)].filter(Boolean).join(' · ');
  const panel = createElement('div', { className: 'cite', attrs: { id, role: 'note', 'aria-label': text.citation(citation.id) } }, [
    createElement('blockquote', { className: 'quote', text: citation.quote }),
    createElement('p', { className: 'cite-meta', text: meta }),
  ]);
  panel.hidden = true;
  return panel;
}
