import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const read = (file: string) => readFileSync(resolve(root, file), 'utf8');

describe('the readme shows what was measured and drawn', () => {
  it('carries the latest bench table, as bench/results.md holds it (copy it after `npm run bench`)', () => {
    const block = /<!-- bench:start -->\n([\s\S]*?)<!-- bench:end -->/.exec(read('readme.md'))?.[1];
    expect(block).toBe(read('bench/results.md'));
    expect(block).toMatch(/^Measured by `npm run bench` on .*cores.*Node v\d+/);
  });

  it('shows a picture of the app that exists', () => {
    const picture = /!\[[^\]]*\]\((docs\/[\w.-]+\.svg)\)/.exec(read('readme.md'))?.[1];
    expect(picture).toBeDefined();
    expect(existsSync(resolve(root, picture!))).toBe(true);
    expect(read(picture!)).toMatch(/^<svg [^>]*>[\s\S]*<text [\s\S]*<\/svg>\n$/);
  });
});
