import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { createPipeline } from '../pipeline';
import { compactForm } from '../text/compact-form';

const pipeline = createPipeline(loadConfig({}, { QA_LOG_LEVEL: 'silent' }));

describe('fact store', () => {
  // Every figure is scored against a part's words on every request: the store sums over the figures holding each term.
  it('gives each figure the weighted share of the words it holds, as a lookup of every word in every figure would', async () => {
    const { facts } = (await pipeline).parts.knowledge;
    for (const words of ['广东 区块链 企业 数量', '专利 申请 全球 占比', '产业园 牵头 政府', '融资 金额 亿元 轮次', '没有的词 区块链']) {
      const terms = [...new Set(facts.termsOf(words))];
      const weights = terms.map((term) => [term, facts.idf(term)] as const);
      const total = weights.reduce((sum, [, w]) => sum + w, 0);
      const coverages = facts.coverages(weights);
      expect(total).toBeGreaterThan(0);
      facts.facts.forEach((fact, i) => {
        const map = facts.termMap(fact);
        const naive = weights.reduce((sum, [term, w]) => sum + w * (map.get(term) ?? 0), 0) / total;
        expect(coverages[i]).toBeCloseTo(naive, 12);
      });
      expect(Math.max(...coverages)).toBeGreaterThan(0);
    }
  });

  it('prepares compact forms of each figure, its clause and the sentence before the clause', async () => {
    const { facts } = (await pipeline).parts.knowledge;
    for (const fact of facts.facts.slice(0, 200)) {
      const forms = facts.forms(fact);
      expect(forms.quote.startsWith(forms.before)).toBe(true);
      expect(forms.quote.includes(forms.window) || forms.before === forms.quote).toBe(true);
      expect([forms.text, forms.window, forms.quote]).toEqual([fact.text, fact.window, fact.quote].map(compactForm));
    }
  });
});
