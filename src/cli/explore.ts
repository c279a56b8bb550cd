/*
 * `loss-demo explore`: copies the prebuilt page (dist/explore.html, made by `npm run build`) to
 * --out and opens it. Loaded by main.ts only when the command runs, so the other commands'
 * start-up does not carry it, nor the `open` package (kept outside the bundle: it runs its
 * bundled xdg-open from its own folder).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const DEFAULT_OUT = 'loss-demo.html';

export interface ExploreOptions {
  readonly out: string;
  readonly open: boolean;
}

export interface ExploreResult {
  /** The absolute path written. */
  readonly path: string;
  /** Why the page was not opened, if it was asked for and not done. */
  readonly notOpened?: string;
}

/** What was wrong with --out: the reason for the CLI's one line. */
export class OutError extends Error {}

/** The built page: beside the bundle (dist/), or in dist/ when this module runs from src (tests). */
export function builtPage(): string | undefined {
  for (const relative of ['./explore.html', '../../dist/explore.html']) {
    const path = fileURLToPath(new URL(relative, import.meta.url));
    if (existsSync(path)) return path;
  }
  return undefined;
}

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOENT: 'no such directory',
  ENOTDIR: 'a parent is not a directory',
  EISDIR: 'it is a directory',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
};

/**
 * Why a browser cannot be opened here, or undefined if one may: Linux without DISPLAY or
 * WAYLAND_DISPLAY, CI, or stdout not a terminal (a script, not a person, ran the command).
 */
export function noDisplayReason(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, stdoutIsTty: boolean): string | undefined {
  if (env['CI']) return 'running under CI';
  if (!stdoutIsTty) return 'output is not a terminal';
  if (platform === 'linux' && !env['DISPLAY'] && !env['WAYLAND_DISPLAY']) return 'no display (DISPLAY and WAYLAND_DISPLAY are unset)';
  return undefined;
}

/** Opens `path` in the default browser; never throws, never waits for the browser. */
function openInBrowser(path: string): string | undefined {
  try {
    const open = (createRequire(import.meta.url)('open') as { default: (target: string) => Promise<{ on(e: string, f: () => void): void; unref(): void }> }).default;
    void open(pathToFileURL(path).href).then((child) => {
      child.on('error', () => undefined);
      child.unref();
    }, () => undefined);
    return undefined;
  } catch (err) {
    // (Node before 20.19 cannot require the ES module `open`: the path is printed instead)
    return `could not start a browser (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`;
  }
}

export function explore(options: ExploreOptions, env: NodeJS.ProcessEnv = process.env): ExploreResult {
  const page = builtPage();
  if (page === undefined) throw new Error('the page is not built (dist/explore.html is missing): run npm run build');
  const path = resolve(options.out);
  try {
    writeFileSync(path, readFileSync(page));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    throw new OutError(`expected a file path that can be written (${REASONS[code] ?? code}${code && REASONS[code] ? `, ${code}` : ''})`);
  }
  if (!options.open) return { path };
  const reason = noDisplayReason(env, process.platform, process.stdout.isTTY === true) ?? openInBrowser(path);
  return reason === undefined ? { path } : { path, notOpened: reason };
}
