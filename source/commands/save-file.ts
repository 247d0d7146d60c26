/**
 * Writing a file the app was asked for (an export of what is on screen), relative to the folder
 * the app was started in. Only regular files are written: a FIFO, a device or a folder of that
 * name is refused with one line, so a write never blocks or lands somewhere unexpected.
 */
import { lstat, writeFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';

/** How many numbered names a default name tries before giving up (`name-2.md` ... `name-99.md`). */
const MAX_NUMBERED = 99;

async function kindOf(path: string): Promise<'none' | 'file' | 'other'> {
  try {
    return (await lstat(path)).isFile() ? 'file' : 'other';
  } catch {
    return 'none';
  }
}

/**
 * A saver for `cwd`: `save(name, text, { replace })` writes `text` and resolves to the absolute
 * path written. With `replace` a regular file of that name is overwritten (the user named it);
 * without, the first free name of `name`, `name-2`, `name-3`... is used, so nothing is lost.
 * Rejects with an Error whose message is one line.
 */
export function fileSaver(cwd: string) {
  return async (name: string, text: string, options: { readonly replace: boolean }): Promise<string> => {
    const first = resolve(cwd, name);
    const ext = extname(first);
    const base = first.slice(0, first.length - ext.length);
    const candidates = options.replace ? [first] : [first, ...Array.from({ length: MAX_NUMBERED - 1 }, (_, i) => `${base}-${i + 2}${ext}`)];
    for (const path of candidates) {
      const kind = await kindOf(path);
      if (kind === 'other') throw new Error(`${path} is not a regular file: not written`);
      if (kind === 'file' && !options.replace) continue;
      await writeFile(path, text, 'utf8');
      return path;
    }
    throw new Error(`${first} and ${MAX_NUMBERED - 1} numbered names after it exist already: give a file name`);
  };
}
