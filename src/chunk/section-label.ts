import type { Section } from '../types';

const FRONT_LABELS: Record<string, string> = { front: '封面', preface: '前言', committee: '编写委员会', toc: '目录' };

/**
 * Display label of a section for citations: the chapter's number followed by the deeper
 * headings ('六、（二）企业分布阶梯化明显'), or the whole chapter heading at level 1.
 */
export function sectionLabel(section: Section | undefined): string {
  if (!section) return '';
  if (section.level === 0) return FRONT_LABELS[section.kind] ?? section.title;
  const [chapter, ...rest] = section.path;
  if (rest.length === 0) return chapter;
  const chapterNumber = chapter.match(/^[一二三四五六七八九十]+、/)?.[0] ?? '';
  return chapterNumber + rest.join('');
}
