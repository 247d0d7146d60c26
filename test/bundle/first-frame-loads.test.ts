import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ptySessions } from '../e2e/pty-session.js';

/**
 * Preloaded into the built CLI: a module loader hook that writes down every module file the
 * process loads (the entry and each chunk of the split bundle).
 */
const hooks = [
  "import { appendFileSync } from 'node:fs';",
  'export async function load(url, context, next) {',
  "  if (url.startsWith('file:')) appendFileSync(process.env.LOADED_FILE, `${url}\\n`);",
  '  return next(url, context);',
  '}',
].join('\n');
const preload = `--import=data:text/javascript,${encodeURIComponent(`import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});`)}`;

/** Code that only the named part of the program contains (names its own code keeps when minified). */
const markers = {
  'the schemas (zod)': '"ZodError"',
  'the YAML parser': '"YAMLParseError"',
  'the argument parser (meow)': 'can only be set once',
} as const;

const dir = mkdtempSync(join(tmpdir(), 'infra-tui-first-frame-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the app's first frame", () => {
  const session = ptySessions({ columns: 120, rows: 40 });

  it('loads neither the schemas, nor the YAML parser, nor meow, for a built-in design without a flag', async () => {
    const file = join(dir, 'loaded.txt');
    const app = session({ args: ['4'], env: { NODE_OPTIONS: preload, LOADED_FILE: file } });
    await app.waitFor('q quit');
    await app.press('q');
    expect(await app.exit()).toBe(0);
    const loaded = readFileSync(file, 'utf8').trim().split('\n').map((url) => fileURLToPath(url));
    expect(loaded.some((path) => path.endsWith('cli.js'))).toBe(true);
    const code = loaded.map((path) => readFileSync(path, 'utf8')).join('\n');
    const found = Object.entries(markers).flatMap(([part, marker]) => (code.includes(marker) ? [part] : []));
    expect(found).toEqual([]);
  });

  it('would see each of them: every marker is in the bundle, once', () => {
    const chunks = fileURLToPath(new URL('../../dist/chunks/', import.meta.url));
    const files = readdirSync(chunks).map((name) => readFileSync(join(chunks, name), 'utf8'));
    for (const marker of Object.values(markers)) expect(files.filter((code) => code.includes(marker))).toHaveLength(1);
  });
});
