import { setFlagsFromString } from 'node:v8';

/**
 * Sets V8's heap up for the app (`infra-tui [design]`, `play`), a process that redraws many
 * times a second for as long as it runs; called before the app starts. Guaranteed: nothing but
 * V8's heap sizing changes, so the app draws and behaves the same.
 * - Its memory-saving mode keeps the heap (and RSS) from growing to what the allocation rate
 *   alone would ask for (memory bench: RSS after 5 min of traffic, ~150 MB without it).
 * - Its young generation stays at its first size: left to grow, it doubles up to 32 MB under
 *   traffic's garbage and shrinks back when the collector sees a quiet moment, so RSS swung by
 *   25 MB from one sample to the next. A frame's garbage is short-lived, so the smaller young
 *   generation costs no more CPU (memory bench: RSS flat within a few MB over 5 minutes).
 */
export function appHeap(): void {
  setFlagsFromString('--optimize-for-size');
  setFlagsFromString('--semi-space-growth-factor=1');
}
