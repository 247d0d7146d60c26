import type { Terminal } from '@xterm/headless';

/** What a screen is waited for: text it contains, a pattern, or any test of the whole screen. */
export type ScreenTest = string | RegExp | ((screen: string) => boolean);

/**
 * Resolves with the screen once it passes `test`, reading it after the terminal has parsed all
 * it was given and never in the middle of a frame; rejects after `timeout` ms with the last screen in the message.
 */
export async function waitForScreen(terminal: Terminal, screen: () => string, test: ScreenTest, timeout: number): Promise<string> {
  const matches = typeof test === 'function' ? test : (s: string) => (typeof test === 'string' ? s.includes(test) : test.test(s));
  const deadline = Date.now() + timeout;
  for (;;) {
    await new Promise((resolve) => terminal.write('', () => resolve(undefined)));
    // Mid-frame (inside a synchronized update a frame arrives in pieces) the screen is half old,
    // half new: a real terminal would not show it, so neither is it tested.
    const shown = terminal.modes.synchronizedOutputMode ? undefined : screen();
    if (shown !== undefined && matches(shown)) return shown;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(test)}; the screen was:\n${screen()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
