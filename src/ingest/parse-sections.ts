import type { Section } from '../types';
import type { ClassifiedLine } from './classify-lines';
import { matchFrontMatter, matchHeading, type HeadingMatch, type NumberStyle } from './match-heading';

/** The document tree plus a lookup from a line to its section. */
export interface SectionTree {
  sections: Section[];
  /** Lines that are headings, i.e. never content. */
  headingLines: Set<number>;
  /** Id of the section a 1-based line belongs to ('front' before any heading). */
  sectionIdAt(line: number): string;
  /** Sections by id. */
  byId: Map<string, Section>;
}

// A numbered heading is accepted when its number follows the previous one of the same
// style; one skipped number is tolerated so a heading lost in export does not hide the rest.
const MAX_NUMBER_STEP = 2;

interface ItemFrame {
  style: NumberStyle;
  value: number;
  section: Section;
}

/**
 * Builds the tree from numbering: 一、 chapters (level 1), （一） sections (level 2),
 * 1. / (1) items (level 3, or 4 when nested in an item of the other style), plus the
 * front matter (front, preface, committee, toc) recognised before the first chapter.
 */
export function parseSections(lines: readonly ClassifiedLine[]): SectionTree {
  const sections: Section[] = [];
  const headingLines = new Set<number>();
  let chapter: Section | null = null;
  let section: Section | null = null;
  let items: ItemFrame[] = [];

  const add = (entry: Section): Section => {
    sections.push(entry);
    headingLines.add(entry.line);
    return entry;
  };

  for (const current of lines) {
    if (current.kind !== 'text') continue;
    if (!chapter) {
      const front = matchFrontMatter(current.text);
      if (front) {
        add(frontSection(front, current));
        continue;
      }
      if (sections.length === 0 && !matchHeading(current.text)) {
        // The first text line of the file is the report title, opening the front block.
        add(frontSection('front', current));
        continue;
      }
    }
    const heading = matchHeading(current.text);
    if (!heading) continue;

    if (heading.style === 'chapter') {
      if (!follows(heading.value, chapter ? Number(chapter.id) : 0)) continue;
      chapter = add(numbered(heading, 'chapter', current.line, null, String(heading.value)));
      section = null;
      items = [];
    } else if (heading.style === 'section') {
      if (!chapter || !follows(heading.value, section ? lastNumber(section) : 0)) continue;
      section = add(numbered(heading, 'section', current.line, chapter, `${chapter.id}.${heading.value}`));
      items = [];
    } else if (chapter) {
      const item = placeItem(heading, items, section ?? chapter);
      if (!item) continue;
      const entry = add(numbered(heading, 'item', current.line, item.parent, `${item.parent.id}.${heading.value}`));
      items = [...item.stack, { style: heading.style, value: heading.value, section: entry }];
    }
  }

  const byId = new Map(sections.map((entry) => [entry.id, entry]));
  const starts = sections.map((entry) => entry.line);
  return {
    sections,
    headingLines,
    byId,
    sectionIdAt(line) {
      const index = lastIndexAtOrBefore(starts, line);
      return sections[Math.max(index, 0)]?.id ?? 'front';
    },
  };
}

/**
 * Items nest by style like an outline: a style already open closes everything below it
 * (a sibling); a new style opens one level deeper.
 */
function placeItem(
  heading: HeadingMatch,
  stack: readonly ItemFrame[],
  base: Section,
): { parent: Section; stack: ItemFrame[] } | null {
  const depth = stack.findIndex((frame) => frame.style === heading.style);
  if (depth >= 0) {
    if (!follows(heading.value, stack[depth]!.value)) return null;
    return { parent: depth === 0 ? base : stack[depth - 1]!.section, stack: stack.slice(0, depth) };
  }
  if (!follows(heading.value, 0)) return null;
  return { parent: stack.at(-1)?.section ?? base, stack: [...stack] };
}

function follows(value: number, previous: number): boolean {
  return value > previous && value - previous <= MAX_NUMBER_STEP;
}

function lastNumber(entry: Section): number {
  return Number(entry.id.split('.').at(-1));
}

function numbered(
  heading: HeadingMatch,
  kind: 'chapter' | 'section' | 'item',
  line: number,
  parent: Section | null,
  id: string,
): Section {
  const text = heading.style === 'dot' ? `${heading.number} ${heading.title}` : `${heading.number}${heading.title}`;
  return {
    id,
    kind,
    level: parent ? parent.level + 1 : 1,
    number: heading.number,
    title: heading.title,
    heading: text,
    path: [...(parent?.path ?? []), text],
    line,
    parentId: parent?.id ?? null,
  };
}

function frontSection(kind: 'front' | 'preface' | 'committee' | 'toc', current: ClassifiedLine): Section {
  // Spaced-out words ('前 言', '目 录') are printed that way for layout only.
  const title = /^\p{Script=Han}(\s+\p{Script=Han})+$/u.test(current.text)
    ? current.text.replace(/\s+/g, '')
    : current.text;
  return { id: kind, kind, level: 0, number: '', title, heading: title, path: [title], line: current.line, parentId: null };
}

function lastIndexAtOrBefore(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]! <= value) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}
