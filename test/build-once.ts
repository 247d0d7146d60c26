import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What the bundle is built from: when any of it is newer than dist/cli.js, the bundle is stale. */
const INPUTS = ['source', 'scripts', 'topologies', 'package.json', 'package-lock.json'];
const BUNDLE = 'dist/cli.js';

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stat.mtimeMs);
}

function builtAt(): number {
  try {
    return statSync(BUNDLE).mtimeMs;
  } catch {
    return -Infinity;
  }
}

/**
 * Vitest global set-up: the pseudo-terminal and bundle tests run the built CLI, patches
 * included, so it is rebuilt first when missing or older than its sources (`npm test` has
 * just built it, so this costs nothing there).
 */
export default function buildOnce(): void {
  if (builtAt() >= Math.max(...INPUTS.map(newest))) return;
  execFileSync(process.execPath, ['scripts/build.js'], { stdio: 'inherit' });
}
