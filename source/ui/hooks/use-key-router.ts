import { useInput } from 'ink';
import { useAppContext } from '../app-context.js';
import { keyName } from '../keys/key-name.js';
import { routeKey } from '../keys/route-key.js';

/**
 * The app's one keyboard handler, always listening: every press goes through `routeKey`,
 * which decides from the store's current state where it belongs. It reads nothing from a
 * render, so a handler left over from an earlier render still routes correctly. Ink hands it
 * one key at a time, even of keys read in one chunk (see `oneKeyPerRead` in `startApp`).
 */
export function useKeyRouter(): void {
  const { store, env, view } = useAppContext();
  useInput((input, key) => {
    routeKey({ name: keyName(input, key), input }, { store, env, boxes: view.boxes, scroll: view.scroll, usable: view.usable });
  });
}
