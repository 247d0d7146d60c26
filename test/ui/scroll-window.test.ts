import { describe, expect, it } from 'vitest';
import { line, seg } from '../../source/ui/view/line.js';
import { positionLabel, scrolledSpot, windowStart, type ScrollMetrics } from '../../source/ui/view/scroll-window.js';
import { wrapLine } from '../../source/ui/view/wrap-text.js';

const text = (l: readonly { text: string }[]) => l.map((s) => s.text).join('');

describe('the scroll window', () => {
  const head: ScrollMetrics = { key: 'a', total: 30, room: 8, keep: 'head' };
  const tail: ScrollMetrics = { ...head, keep: 'tail' };

  it('starts at the default end, and at it again for another content', () => {
    expect(windowStart(head, undefined)).toBe(0);
    expect(windowStart(tail, undefined)).toBe(22);
    expect(windowStart(head, { key: 'b', offset: 5 })).toBe(0);
  });

  it('moves by rows and stops at both ends', () => {
    let spot = scrolledSpot(head, undefined, 4);
    expect(windowStart(head, spot)).toBe(4);
    spot = scrolledSpot(head, spot, 100);
    expect(windowStart(head, spot)).toBe(22);
    expect(windowStart(head, scrolledSpot(head, spot, -100))).toBe(0);
  });

  it('keeps a tail panel pinned to its end as it grows, and in place once scrolled up', () => {
    const pinned = scrolledSpot(tail, undefined, 0);
    expect(windowStart({ ...tail, total: 40 }, pinned)).toBe(32);
    const up = scrolledSpot(tail, undefined, -5);
    expect(windowStart(tail, up)).toBe(17);
    expect(windowStart({ ...tail, total: 40 }, up)).toBe(27);
  });

  it('shows the anchor row by default', () => {
    expect(windowStart({ ...tail, anchor: 3 }, undefined)).toBe(3);
    expect(windowStart({ ...tail, anchor: 25 }, undefined)).toBe(22);
    expect(windowStart({ ...head, anchor: 20 }, undefined)).toBe(13);
  });

  it('says where it is only when something is hidden', () => {
    expect(positionLabel(4, 8, 30)).toBe('lines 5–12 of 30');
    expect(positionLabel(0, 8, 8)).toBe('');
  });
});

describe('wrapping a line of segments', () => {
  it('breaks at spaces, never mid-word, and keeps tones', () => {
    const rows = wrapLine(line(seg(' Enter f', 'key'), ' Take the selection down or bring it back up'), 24);
    expect(rows.map(text)).toEqual([' Enter f Take the', '         selection down', '         or bring it', '         back up']);
    expect(rows[0]?.[0]).toEqual({ text: ' Enter f', tone: 'key' });
    for (const row of rows) expect(text(row).length).toBeLessThanOrEqual(24);
  });

  it('keeps prose under its indentation and cuts only a word longer than a row', () => {
    expect(wrapLine(line('    the quick brown fox'), 14).map(text)).toEqual(['    the quick', '    brown fox']);
    expect(wrapLine(line('abcdefghijkl'), 5).map(text)).toEqual(['abcde', 'fghij', 'kl']);
  });

  it('leaves a line that fits alone', () => {
    const l = line('short');
    expect(wrapLine(l, 10)).toEqual([l]);
  });
});
