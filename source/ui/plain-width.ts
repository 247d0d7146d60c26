import { eastAsianWidth } from 'get-east-asian-width';

/**
 * Whether a character (a UTF-16 unit) is drawn on its own, whatever comes next to it, and is not
 * an emoji sequence, a mark, a control or an invisible character: Latin, punctuation, arrows,
 * symbols, box drawing, dingbats, CJK ideographs, Hangul syllables and fullwidth forms. For such
 * a character alone string-width returns its East Asian Width (2 for the wide and for those
 * drawn as emoji, which Unicode makes wide), with the ambiguous ones narrow.
 */
function standsAlone(code: number): boolean {
  if (code < 0x2010) return (code >= 0x20 && code <= 0x7e) || (code >= 0xa1 && code <= 0x2ff && code !== 0xad);
  if (code <= 0x2bff) return !(code >= 0x2028 && code <= 0x202f) && !(code >= 0x205f && code <= 0x206f) && !(code >= 0x20d0 && code <= 0x20ff);
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xff01 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6);
}

/**
 * The width string-width gives `text`, computed without its grapheme segmenter and emoji
 * expressions (whose first use costs tens of milliseconds, before the app's first frame) when
 * every character of `text` stands alone (see `standsAlone`), colour and style sequences
 * (`ESC [ … m`, which take no room) aside; undefined otherwise (other escape sequences
 * included), for string-width to answer.
 */
export function plainWidth(text: string): number | undefined {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x20 && code <= 0x7e) width += 1;
    else if (code === 0x1b) {
      if (text[i + 1] !== '[') return undefined;
      let end = i + 2;
      while (end < text.length && /[0-9;:]/.test(text[end] as string)) end += 1;
      if (text[end] !== 'm') return undefined;
      i = end;
    } else if (standsAlone(code)) width += eastAsianWidth(code);
    else return undefined;
  }
  return width;
}
