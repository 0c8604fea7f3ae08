import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findBrowser } from './find-browser';

describe('findBrowser', () => {
  it('refuses a CHROMIUM_PATH that does not exist instead of silently using another browser', async () => {
    await expect(findBrowser({ CHROMIUM_PATH: '/nowhere/chromium' })).rejects.toThrow(/CHROMIUM_PATH/);
  });

  it('finds an executable browser with no configuration (system Chromium or the npm-packaged one)', async () => {
    const choice = await findBrowser({});
    expect(existsSync(choice.executablePath)).toBe(true);
    expect(choice.args).toContain('--disable-background-networking');
    expect(choice.args).not.toContain('--single-process');
  });
});
