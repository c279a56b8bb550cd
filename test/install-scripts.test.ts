import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/*
 * npm 11 warns at the end of an install about every dependency install script that package.json's
 * allowScripts does not cover (npm 12 blocks them). Each one the lock file records must have a
 * decision there, so a fresh `npm install` stays quiet.
 */
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { allowScripts?: Record<string, boolean> };
const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8')) as {
  packages: Record<string, { hasInstallScript?: boolean }>;
};

describe('install scripts', () => {
  const withScripts = Object.entries(lock.packages)
    .filter(([path, p]) => path !== '' && p.hasInstallScript)
    .map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length));

  it('the lock file records the packages with install scripts', () => {
    expect(withScripts).toContain('esbuild');
  });

  it('every one has a decision in allowScripts', () => {
    expect(withScripts.filter((name) => typeof pkg.allowScripts?.[name] !== 'boolean')).toEqual([]);
  });

  it("esbuild's postinstall is denied: it only swaps its JS launcher for the native binary", () => {
    expect(pkg.allowScripts?.esbuild).toBe(false);
  });
});
