// The admin's Vietnamese stays complete: after a Strapi upgrade adds interface strings, this fails
// and names them (the browser test then shows where they appear).
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ES module shared with the command-line report
import { PACKAGES, coverage, loadPackage } from '../scripts/admin-translations.mjs';

type Package = { id: string; required: boolean; prefix: string };
type Loaded = Package & { en: Record<string, string>; strapiVi: Record<string, string>; ours: Record<string, string> };

// The admin formats every message with intl-messageformat (through react-intl); use the same parser.
const requireFromReactIntl = createRequire(createRequire(path.resolve(__dirname, '..', 'package.json')).resolve('react-intl'));
const { IntlMessageFormat } = requireFromReactIntl('intl-messageformat') as typeof import('intl-messageformat');

/** The arguments a message uses, e.g. `{number}` or `{count, plural, …}` → number, count. */
const argumentsOf = (message: string): Set<string> => {
  const names = new Set<string>();
  const walk = (elements: Array<{ type: number; value?: unknown; options?: Record<string, { value: unknown[] }>; children?: unknown[] }>) => {
    for (const element of elements) {
      if (element.type >= 1 && element.type <= 6 && typeof element.value === 'string') names.add(element.value);
      for (const option of Object.values(element.options ?? {})) walk(option.value as never);
      if (element.children) walk(element.children as never);
    }
  };
  walk(new IntlMessageFormat(message, 'vi', undefined, { ignoreTag: false }).getAst() as never);
  return names;
};

describe('Vietnamese admin translation', async () => {
  const report: Array<Package & { missing: string[]; stale: string[] }> = await coverage();
  const loaded: Loaded[] = await Promise.all(PACKAGES.map((pkg: Package) => loadPackage(pkg)));

  it.each(report.filter((pkg) => pkg.required).map((pkg) => [pkg.id, pkg] as const))(
    'translates every key of %s',
    (_id, pkg) => {
      expect(pkg.missing, `add these keys to cms/src/admin/translations/${pkg.id}.json`).toEqual([]);
    }
  );

  it('keeps no keys Strapi no longer uses', () => {
    expect(report.flatMap((pkg) => pkg.stale.map((key) => `${pkg.id}: ${key}`))).toEqual([]);
  });

  it.each(loaded.map((pkg) => [pkg.id, pkg] as const))(
    'writes %s messages that format with the same arguments as the English ones',
    (_id, pkg) => {
      const problems: string[] = [];
      for (const [key, message] of Object.entries(pkg.ours)) {
        if (typeof message !== 'string' || message.length === 0) {
          problems.push(`${key}: empty`);
          continue;
        }
        let ours: Set<string>;
        try {
          ours = argumentsOf(message);
        } catch (error) {
          problems.push(`${key}: ${(error as Error).message}`);
          continue;
        }
        const english = key in pkg.en ? argumentsOf(pkg.en[key]) : ours;
        const unknown = [...ours].filter((name) => !english.has(name));
        if (unknown.length > 0) problems.push(`${key}: uses {${unknown.join('}, {')}} which Strapi never passes`);
      }
      expect(problems).toEqual([]);
    }
  );

  it('detects a missing key (the check can fail)', () => {
    const admin = loaded.find((pkg) => pkg.id === 'admin')!;
    const untranslated = Object.keys(admin.en).filter(
      (key) => !(key in admin.ours) && !(key in admin.strapiVi && admin.strapiVi[key] !== admin.en[key])
    );
    expect(untranslated).toEqual([]);
    // Without our file, Strapi's own Vietnamese leaves keys in English: the check sees them.
    const withoutOurs = Object.keys(admin.en).filter((key) => !(key in admin.strapiVi && admin.strapiVi[key] !== admin.en[key]));
    expect(withoutOurs).toContain('tours.overview.title');
  });
});
