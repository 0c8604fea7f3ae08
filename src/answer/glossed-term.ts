/**
 * Whether the report says what a term is anywhere, or only uses it (define). A report that writes 「监管沙盒持续扩容」 or
 * lists 「同态加密、零知识证明等」 uses the term without saying what it is; one that writes 「基础链是…」, 「TC 307（区块链与
 * 分布式记账技术委员会）」, 「通用跨链框架 T-Bridge」 or 「“一码游贵州”全域智慧旅游平台」 glosses it. All texts are in compact form.
 */

/** The kind nouns an appositive names a thing by (「跨链框架 T-Bridge」, 「…智慧旅游平台」): what the thing is. */
const KIND_NOUN = '(?:平台|框架|系统|货币|委员会|联盟|组织|机构|协议|算法|模型|方案|工程|项目|品牌|讲话|会议|工具|体系|模式|机制|团队|基金)';

const QUOTE_OPEN = '[“"「《]?';
const QUOTE_CLOSE = '[”"」》]?';

/** What a term's occurrence is followed by when the sentence says what it is (是, 指, 即, 包括, a bracketed gloss, or the next sentence's 主要是指). */
const GLOSS_AFTER = new RegExp(`^${QUOTE_CLOSE}(?:是|指|即|就是|作为|包括|[（(]|[。：:]主要是指)`);
/**
 * An appositive after the quoted term (「“一码游贵州”全域智慧旅游平台」): a short noun run ending in a kind noun, then punctuation
 * or 的 (no 等/、/和: an enumeration's class is no gloss). Unquoted, the term and the noun are one compound (云计算平台).
 */
const KIND_AFTER = new RegExp(`^[”"」》][^，。；：、等和与及,;:]{0,10}?${KIND_NOUN}(?:[，。；：,;:）)]|的|$)`);
/** An appositive before the term (「通用跨链框架」 + term), or the term bracketed after what it glosses (「…委员会（TC 307）」). */
const KIND_BEFORE = new RegExp(`(?:${KIND_NOUN}${QUOTE_OPEN}|所谓${QUOTE_OPEN}|[（(])$`);

/** The report (compact) writes `term`. */
export function usesTerm(report: string, term: string): boolean {
  return term.length > 0 && report.includes(term);
}

/** The report (compact) glosses `term` at one of its occurrences. */
export function glossedTerm(report: string, term: string): boolean {
  if (!term) return true;
  let found = false;
  for (let at = report.indexOf(term); at >= 0; at = report.indexOf(term, at + 1)) {
    found = true;
    const before = report.slice(Math.max(0, at - 12), at);
    const after = report.slice(at + term.length, at + term.length + 16);
    if (GLOSS_AFTER.test(after) || KIND_AFTER.test(after) || KIND_BEFORE.test(before)) return true;
  }
  // A term the report never writes is not this check's to decline (it is found by its other forms, or not at all).
  return !found;
}
