import { branchFacts } from '../state/branches.js';
import type { DesignState } from '../state/app-state.js';
import { line, prose, seg, type Line } from './line.js';
import { wrapText } from './wrap-text.js';

/** The branches side by side: the one on screen first, then the others as they were left, each in a few facts from the engine. */
export function branchLines(design: DesignState, width: number): Line[] {
  const all = [{ name: design.branch, design, here: true }, ...design.branches.map((b) => ({ ...b, here: false }))];
  const lines = all.flatMap((b) => [line(seg(b.here ? `${b.name} (on screen)` : b.name, 'title')), ...prose(wrapText(branchFacts(b.design), width - 2), '  ')]);
  const hint = design.branches.length === 0 ? ':branch starts a branch here: what if something failed now?' : ':switch <name> goes to a branch as it was left';
  return [...lines, line(), ...prose(wrapText(hint, width), '', 'muted')];
}
