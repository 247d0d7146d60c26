import type { Topology } from '../model/types.js';

/** The normalized topology (defaults filled in, durations in ms) as indented JSON. */
export function toJson(topology: Topology): string {
  return `${JSON.stringify(topology, null, 2)}\n`;
}
