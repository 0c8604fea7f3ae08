import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWidget } from './build-widget';

describe('buildWidget', () => {
  let bundle = '';
  beforeAll(async () => {
    bundle = await buildWidget();
  });

  it('stays under 50 KB gzipped', () => {
    expect(gzipSync(bundle).length).toBeLessThan(50 * 1024);
  });

  it('is one self-contained IIFE without imports, eval or string-built code', () => {
    expect(bundle.startsWith('"use strict";(()=>{') || bundle.startsWith('(()=>{')).toBe(true);
    expect(bundle).not.toMatch(/\bimport\s*\(|\brequire\(|\beval\(|new Function\b/);
  });

  it('never uses innerHTML or document.write, so server text cannot become markup', () => {
    expect(bundle).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });

  it('names no third-party host (requests go to data-endpoint only)', () => {
    const urls = bundle.match(/https?:\/\/[^"'`\s)]+/g) ?? [];
    expect(urls.filter((url) => !url.startsWith('http://www.w3.org/'))).toEqual([]);
  });

  it('is ES2019 (no optional chaining or nullish operators left for old browsers to choke on)', () => {
    expect(bundle).not.toMatch(/\?\.[a-zA-Z_$(]|\?\?/);
  });
});
