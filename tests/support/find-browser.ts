import { existsSync } from 'node:fs';

/** A Chromium to drive, and the flags it needs. */
export interface BrowserChoice {
  executablePath: string;
  args: string[];
  /** Where it came from, for failure messages. */
  origin: 'CHROMIUM_PATH' | 'system' | '@sparticuz/chromium';
}

// Without the background-networking flags Chromium keeps dialling Google's hosts, which this network refuses.
const QUIET_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];
const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/**
 * Picks the browser for the real-Chromium tests: `CHROMIUM_PATH` when set, Debian's Chromium when
 * installed, otherwise the Chromium that `@sparticuz/chromium` ships inside its npm package, so a
 * fresh machine passes `npm install && npm test` with no system browser and no download.
 * @throws Error when `CHROMIUM_PATH` names a file that does not exist.
 */
export async function findBrowser(env: NodeJS.ProcessEnv = process.env): Promise<BrowserChoice> {
  const configured = env.CHROMIUM_PATH?.trim();
  if (configured) {
    if (!existsSync(configured)) throw new Error(`CHROMIUM_PATH=${configured} does not exist`);
    return { executablePath: configured, args: QUIET_FLAGS, origin: 'CHROMIUM_PATH' };
  }
  const system = SYSTEM_PATHS.find((path) => existsSync(path));
  if (system) return { executablePath: system, args: QUIET_FLAGS, origin: 'system' };
  const { default: packaged } = await import('@sparticuz/chromium');
  // Unpacks once into the OS temp folder; later calls reuse it.
  const executablePath = await packaged.executablePath();
  // Its own flag list is tuned for AWS Lambda (--single-process, --disable-web-security): one crashed page would take
  // the browser down, and CORS would not be enforced. Only its software-GL flags are needed here.
  const gl = packaged.args.filter((flag) => /^--(use-gl|use-angle|enable-unsafe-swiftshader|in-process-gpu|ignore-gpu-blocklist)/.test(flag));
  return { executablePath, args: [...QUIET_FLAGS, ...gl], origin: '@sparticuz/chromium' };
}
