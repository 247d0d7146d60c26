/**
 * Word-wraps plain text to lines of at most `width` characters (words longer than a line are
 * cut), keeping the text's own line breaks. Panels wrap their prose here rather than leaving
 * it to Ink so they know exactly how many rows it takes.
 */
export function wrapText(text: string, width: number): string[] {
  const max = Math.max(1, width);
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      for (const piece of chunks(word, max)) {
        if (line === '') line = piece;
        else if (line.length + 1 + piece.length <= max) line += ` ${piece}`;
        else {
          lines.push(line);
          line = piece;
        }
      }
    }
    lines.push(line);
  }
  return lines;
}

function chunks(word: string, max: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i += max) out.push(word.slice(i, i + max));
  return out;
}
