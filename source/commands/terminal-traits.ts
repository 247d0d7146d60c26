/** Terminals that draw only 7-bit ASCII whatever the locale (no line drawing, no arrows). */
const asciiTerminals = /^(dumb|vt5\d|vt1\d\d|vt2\d\d)(-|$)/;

/**
 * Whether output must stay 7-bit ASCII: the terminal is `dumb` or a VT100-class one, or the
 * locale's character set is not UTF-8. The locale is the first of LC_ALL, LC_CTYPE and LANG that
 * is set and not empty (POSIX precedence; tmux decides the same way whether a client speaks
 * UTF-8). With none set there is no locale to go by and output stays Unicode: that is a bare
 * container or CI job, whose terminal is the host's. Windows consoles have no such variables.
 */
export function asciiOnly(env: Readonly<Record<string, string | undefined>>): boolean {
  if (asciiTerminals.test(env['TERM'] ?? '')) return true;
  const locale = [env['LC_ALL'], env['LC_CTYPE'], env['LANG']].find((value) => value !== undefined && value !== '');
  return locale !== undefined && !/utf-?8/i.test(locale);
}
