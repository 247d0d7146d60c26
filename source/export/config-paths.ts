/**
 * Moving a host's configuration under another root, so the real programs can check or run it
 * without touching the machine: every absolute path the files name under the system's own
 * folders (/etc, /var, /run, /opt, /srv, /root) is prefixed with the root. Programs the files
 * run (/usr/bin/pidof) and devices (/dev/log) keep their place.
 */

const movable = /(^|[\s"'=])(\/(?:etc|var|run|opt|srv|root)\/[^\s;"',]*)/g;

/** `text` with every movable absolute path put under `root` (an absolute folder, no trailing slash). */
export function rebasePaths(text: string, root: string): string {
  return text.replace(movable, (_match, before: string, path: string) => `${before}${root}${path}`);
}

/** The movable absolute paths `text` names, as written (before rebasing). */
export function pathsIn(text: string): string[] {
  return [...text.matchAll(movable)].map((m) => m[2] as string);
}
