import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { plainWidth } from '../../source/ui/plain-width.js';

const allUnits = Array.from({ length: 0x10000 }, (_, code) => String.fromCharCode(code));

describe('plainWidth: widths without the grapheme segmenter', () => {
  it('gives string-width’s width for every character it measures, and measures the app’s own', () => {
    const measured = allUnits.filter((ch) => plainWidth(ch) !== undefined);
    for (const ch of measured) expect([ch, plainWidth(ch)]).toEqual([ch, stringWidth(ch)]);
    expect(measured.length).toBeGreaterThan(30_000);
    expect(plainWidth('╭─ web-1 ─╮ ▶ ✓ ✗ ┄ ═ █ ⚡ 界 é')).toBe(stringWidth('╭─ web-1 ─╮ ▶ ✓ ✗ ┄ ═ █ ⚡ 界 é'));
  });

  it('leaves to string-width what may join or hide: marks, joiners, selectors, emoji, controls, escapes other than colour', () => {
    for (const text of ['e\u0301', '✔\ufe0f', '👩\u200d💻', '😀', '\x1b]8;;x\x07y', 'a\x1b[2Jb', 'a\tb', '\u00ad', '\u200b', '\u2066x\u2069']) expect(plainWidth(text)).toBeUndefined();
  });

  it('agrees with string-width on any text of those characters', () => {
    const unit = fc.constantFrom('a', ' ', '\x1b[1m', '\x1b[22m', '\x1b[38;5;208m', '\x1b[39m', '\x1b[', '\x1b', '─', '│', '▶', '✓', '⚡', '✅', '界', '한', 'Ａ', 'é', 'ß', '←', '∑', '⌚', 'e\u0301', '\ufe0f', '\u200d', '😀');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 20 }), (text) => {
        const width = plainWidth(text);
        if (width !== undefined) expect(width).toBe(stringWidth(text));
      }),
    );
  });
});
