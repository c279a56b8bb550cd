import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

/*
 * package.json lists exactly what src/ imports: every runtime dependency is imported by some
 * file under src/, every package src/ imports is a runtime dependency, and every @types/X
 * devDependency types a package X that is a dependency or imported (X = node: a node: builtin).
 *
 * A module specifier counts when it is imported (`import … from`, `export … from`, `import()`,
 * `require()`, `createRequire(…)('x')`), or when it is a string literal naming a file inside a package that resolves
 * (`'seedrandom/lib/alea.js'`, which rng/sources.ts hands to createRequire).
 */

interface Manifest {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

const root = new URL('../', import.meta.url);
const requireFromRoot = createRequire(new URL('package.json', root));
const builtins = new Set(builtinModules);

function sourceFiles(dir: URL): URL[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const url = new URL(e.name + (e.isDirectory() ? '/' : ''), dir);
    if (e.isDirectory()) return sourceFiles(url);
    return /\.(c|m)?(t|j)s$/.test(e.name) ? [url] : [];
  });
}

/** The package a bare specifier names ('node' for a builtin), or undefined for a relative path. */
function packageOf(spec: string): string | undefined {
  if (spec.startsWith('.') || spec.startsWith('/')) return undefined;
  if (spec.startsWith('node:') || builtins.has(spec)) return 'node';
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bcreateRequire\([^()]*\)\s*\(\s*|^\s*import\s+)(['"])([^'"\n]+)\1/gm;
const FILE_IN_PACKAGE = /(['"])((?:@[\w.-]+\/)?[\w.-]+\/[\w./-]+\.(?:c|m)?js)\1/g;

/** The packages a source text imports. */
function importedPackages(text: string, resolves: (spec: string) => boolean): Set<string> {
  const found = new Set<string>();
  for (const m of text.matchAll(IMPORT)) {
    const p = packageOf(m[2]!);
    if (p !== undefined) found.add(p);
  }
  for (const m of text.matchAll(FILE_IN_PACKAGE)) {
    const p = packageOf(m[2]!);
    if (p !== undefined && p !== 'node' && resolves(m[2]!)) found.add(p);
  }
  return found;
}

/** What is wrong with a manifest for these imports: one line per problem. */
function dependencyProblems(manifest: Manifest, imported: ReadonlySet<string>): string[] {
  const deps = Object.keys(manifest.dependencies ?? {});
  const dev = Object.keys(manifest.devDependencies ?? {});
  const problems: string[] = [];
  for (const d of deps) if (!imported.has(d)) problems.push(`dependency ${d} is not imported by src/`);
  for (const p of imported) {
    if (p !== 'node' && !deps.includes(p)) problems.push(`src/ imports ${p}, which is not a runtime dependency`);
  }
  for (const t of dev.filter((d) => d.startsWith('@types/'))) {
    const name = t.slice('@types/'.length);
    const pkg = name.includes('__') ? `@${name.replace('__', '/')}` : name;
    if (!deps.includes(pkg) && !imported.has(pkg)) problems.push(`${t} types ${pkg}, which is neither a dependency nor imported by src/`);
  }
  return problems;
}

const resolves = (spec: string): boolean => {
  try {
    requireFromRoot.resolve(spec);
    return true;
  } catch {
    return false;
  }
};

const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as Manifest;
const imported = new Set(sourceFiles(new URL('src/', root)).flatMap((f) => [...importedPackages(readFileSync(f, 'utf8'), resolves)]));

describe('package.json lists exactly what src/ imports', () => {
  it('no unused dependency, no undeclared import, no stray @types', () => {
    expect(dependencyProblems(manifest, imported)).toEqual([]);
  });

  it('the check finds each kind of problem', () => {
    const fake: Manifest = {
      dependencies: { chalk: '^5.6.2', 'left-pad': '^1.3.0' },
      devDependencies: { '@types/node': '^20', '@types/chalk': '^2', '@types/ndarray-ops': '^1.2.7', '@types/babel__core': '^7.0.0' },
    };
    expect(dependencyProblems(fake, new Set(['node', 'chalk', 'lodash']))).toEqual([
      'dependency left-pad is not imported by src/',
      'src/ imports lodash, which is not a runtime dependency',
      '@types/ndarray-ops types ndarray-ops, which is neither a dependency nor imported by src/',
      '@types/babel__core types @babel/core, which is neither a dependency nor imported by src/',
    ]);
  });

  it('reads imports, dynamic imports, requires and resolvable file specifiers', () => {
    const text = [
      "import ndarray from 'ndarray';",
      "import type { X } from '@scope/pkg/sub';",
      "export { y } from './local.js';",
      "const c = await import('chalk');",
      "const w = require('node:worker_threads');",
      "const open = createRequire(import.meta.url)('open');",
      "const table = { a: 'seedrandom/lib/alea.js', b: 'no-such-package/lib/x.js' };",
      "const words = 'commander is a word here';",
    ].join('\n');
    expect([...importedPackages(text, resolves)].sort()).toEqual(['@scope/pkg', 'chalk', 'ndarray', 'node', 'open', 'seedrandom']);
  });
});
