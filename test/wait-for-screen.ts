import type { Terminal } from '@xterm/headless';

/** What a screen is waited for: text it contains, a pattern, or any test of the whole screen. */
export type ScreenTest = string | RegExp | ((screen: string) => boolean);

/**
 * Resolves with the screen once it passes `test`, reading it after the terminal has parsed all
 * it was given; rejects after `timeout` ms with the last screen in the message.
 */
export async function waitForScreen(terminal: Terminal, screen: () => string, test: ScreenTest, timeout: number): Promise<string> {
  const matches = typeof test === 'function' ? test : (s: string) => (typeof test === 'string' ? s.includes(test) : test.test(s));
  const deadline = Date.now() + timeout;
  for (;;) {
    await new Promise((resolve) => terminal.write('', () => resolve(undefined)));
    const shown = screen();
    if (matches(shown)) return shown;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(test)}; the screen was:\n${shown}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
