import type { Citation } from '../types';
import type { UiText } from './ui-text';
import { createElement } from './create-element';

const MARKER = /\[(\d{1,3})\]/g;
/** Punctuation that must stay on the line of the marker before it (never start a line). */
const CLOSING = /^[。，、；：！？）》」』”’…,.;:!?)]+/;
/** Example questions a refusal quotes: “广东有多少家区块链企业？”. */
const EXAMPLE = /“([^“”\n]{2,60}?[？?])”/g;

type Piece = { text: string } | { citation: Citation };

export interface RenderAnswerOptions {
  /** When set, quoted example questions in the text become buttons that ask them (refusals). */
  ask?: (question: string) => void;
}

/**
 * Renders answer text with each `[n]` marker that has a citation turned into a 「来源 n」 button
 * toggling a panel with the quote, section, source caption and line, in the order the markers
 * appear. A marker stays on one line with the character before it and the punctuation after it.
 * Text is only ever textContent. Citations no marker mentions get a button in a trailing
 * 「来源」 row so none is lost.
 */
export function renderAnswer(answer: string, citations: Citation[], text: UiText, idPrefix: string,
  options: RenderAnswerOptions = {}): HTMLElement {
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
      attrs: { type: 'button', 'aria-expanded': 'false', 'aria-controls': panel.id },
      on: {
        click: () => {
          const show = panel.hidden;
          panel.hidden = !show;
          for (const each of buttons.get(citation.id) ?? []) each.setAttribute('aria-expanded', String(show));
        },
      },
    }, [createElement('span', { className: 'cite-label', text: text.citation(citation.id) })]);
    buttons.set(citation.id, [...(buttons.get(citation.id) ?? []), button]);
    return button;
  };

  const pieces: Piece[] = [];
  let last = 0;
  for (const match of answer.matchAll(MARKER)) {
    const citation = byId.get(Number(match[1]));
    if (!citation) continue;
    pieces.push({ text: answer.slice(last, match.index) }, { citation });
    last = match.index! + match[0].length;
  }
  pieces.push({ text: answer.slice(last) });

  const body = createElement('div', { className: 'answer-text' });
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i];
    if ('text' in piece) {
      appendText(body, piece.text, options.ask);
      continue;
    }
    // The last character before the marker, the markers side by side, and the closing punctuation after.
    const group = createElement('span', { className: 'cite-group' });
    const before = body.lastChild;
    if (before instanceof Text && before.data.length > 0 && !/\s$/.test(before.data)) {
      group.append(before.data.slice(-1));
      before.data = before.data.slice(0, -1);
    }
    group.append(buttonFor(piece.citation));
    while (i + 2 < pieces.length && 'citation' in pieces[i + 2] && (pieces[i + 1] as { text: string }).text === '') {
      group.append(buttonFor((pieces[i + 2] as { citation: Citation }).citation));
      i += 2;
    }
    const next = pieces[i + 1] as { text: string } | undefined;
    const closing = next ? CLOSING.exec(next.text)?.[0] : undefined;
    if (next && closing) {
      group.append(closing);
      next.text = next.text.slice(closing.length);
    }
    body.append(group);
  }

  const unmentioned = citations.filter((citation) => !buttons.has(citation.id));
  const extra = unmentioned.length > 0
    ? createElement('div', { className: 'cite-row' }, [`${text.sources}：`, ...unmentioned.map(buttonFor)])
    : null;
  return createElement('div', { className: 'answer' }, [body, extra, ...panels.values()]);
}

/** Appends plain text; with `ask`, each quoted example question becomes a button that asks it. */
function appendText(body: HTMLElement, value: string, ask: RenderAnswerOptions['ask']): void {
  if (!value) return;
  if (!ask) {
    body.append(value);
    return;
  }
  let last = 0;
  for (const match of value.matchAll(EXAMPLE)) {
    const question = match[1];
    body.append(value.slice(last, match.index! + 1));
    body.append(createElement('button', { className: 'example', text: question, attrs: { type: 'button' }, on: { click: () => ask(question) } }));
    last = match.index! + match[0].length - 1;
  }
  body.append(value.slice(last));
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
