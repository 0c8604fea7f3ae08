import { compactForm } from '../text/compact-form';

/** 「12个」「8家」 as the question states a figure: its number as the report prints it (12, 8), the counter left off. */
export function figureNumber(figure: string): string {
  return compactForm(figure).replace(/[家个项件笔所条]$/, '');
}

/**
 * A word of the question as a heading of the report would hold it: 区块链 is the report's topic throughout, so
 * 区块链企业 names the 企业 a heading speaks of (区块链 alone stays as it is).
 */
export function withoutReportTopic(word: string): string {
  return compactForm(word).replace(/^区块链(?=..)/, '');
}
