/**
 * Lighthouse (mobile defaults: Moto G Power emulation, simulated slow 4G) against a served site, on
 * Debian's Chromium through chrome-launcher; nothing is downloaded.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];
export type Scores = Record<Category, number>;

export interface Audit {
  scores: Scores;
  /** Failed audits (score < 1, weighted), per category, for the log when a score is too low. */
  failures: string[];
}

export interface LighthouseBrowser {
  audit(url: string): Promise<Audit>;
  close(): Promise<void>;
}

export const launchLighthouse = async (): Promise<LighthouseBrowser> => {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    logLevel: 'silent',
  });
  return {
    audit: async (url) => {
      const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
      const { categories, audits } = result.lhr;
      const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((categories[c]?.score ?? 0) * 100)])) as Scores;
      const failures: string[] = [];
      for (const c of CATEGORIES) {
        for (const ref of categories[c]?.auditRefs ?? []) {
          const audit = audits[ref.id];
          if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 1) continue;
          failures.push(`${c}: ${ref.id} (${audit.score})${audit.displayValue ? ` ${audit.displayValue}` : ''}`);
        }
      }
      return { scores, failures };
    },
    close: async () => {
      chrome.kill();
    },
  };
};
