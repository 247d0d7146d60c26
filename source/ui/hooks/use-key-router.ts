import { useInput } from 'ink';
import { useAppContext } from '../app-context.js';
import { keyName, splitChunk } from '../keys/key-name.js';
import { routeKey, type Press } from '../keys/route-key.js';

/**
 * The app's one keyboard handler, always listening: every press goes through `routeKey`,
 * which decides from the store's current state where it belongs. It reads nothing from a
 * render, so a handler left over from an earlier render still routes correctly; several
 * keys that arrive in one chunk are routed one at a time.
 */
export function useKeyRouter(): void {
  const { store, env, view } = useAppContext();
  useInput((input, key) => {
    const name = keyName(input, key);
    const presses: readonly Press[] = (name === undefined && input.length > 1 ? splitChunk(input) : undefined) ?? [{ name, input }];
    for (const press of presses) routeKey(press, { store, env, boxes: view.boxes, scroll: view.scroll, usable: view.usable });
  });
}
