import { wrap } from '../../sim/index.js';

/**
 * Word-wraps plain text to lines of at most `width` characters (words longer than a line are
 * cut, a number stays with its unit), keeping the text's own line breaks. Panels wrap their
 * prose here rather than leaving it to Ink so they know exactly how many rows it takes.
 */
export function wrapText(text: string, width: number): string[] {
  const max = Math.max(1, width);
  return text.split('\n').flatMap((paragraph) => wrap(paragraph, max));
}
