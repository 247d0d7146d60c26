import { useInput } from 'ink';
import type { LayoutBox } from '../../layout/types.js';
import { useAppContext } from '../app-context.js';
import { keyInvocation } from '../commands/key-invocation.js';
import { runInvocation } from '../commands/run-invocation.js';
import { keyName } from '../keys/key-name.js';
import { resolveKey, type KeyMap } from '../keys/key-map.js';

/**
 * Routes key presses through the screen's key maps (most specific first) to commands. Inactive
 * while a text field has the keyboard; `native` bindings are left to the focused widget.
 */
export function useKeyMap(maps: readonly KeyMap[], boxes: readonly LayoutBox[], isActive: boolean): void {
  const { store, env } = useAppContext();
  useInput(
    (input, key) => {
      const name = keyName(input, key);
      if (name === undefined) return;
      const binding = resolveKey(maps, name);
      if (!binding || binding.native) return;
      const invocation = keyInvocation(binding, name);
      if (invocation) runInvocation(invocation, { store, env, boxes });
    },
    { isActive },
  );
}
