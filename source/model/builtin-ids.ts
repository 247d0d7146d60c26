import { quote } from './plain-text.js';

/**
 * The built-in designs, by number and id (DESIGN §5: a public contract, users type both).
 * Their files are `topologies/<number>-<id>.yaml`.
 */
export const builtinIds = ['simple', 'distributed', 'secured', 'scaled', 'high-availability'] as const;
export type BuiltinId = (typeof builtinIds)[number];

/** The built-in id that `arg` names, by number (`"2"`) or id (`"secured"`), or undefined. */
export function builtinIdOf(arg: string): BuiltinId | undefined {
  if (/^\d$/.test(arg)) return builtinIds[Number(arg)];
  return builtinIds.find((id) => id === arg);
}

/** The one-line answer to an argument that names no topology. */
export function unknownTopologyMessage(arg: string): string {
  return `no topology ${quote(arg, 60)}: use a number 0-${builtinIds.length - 1}, one of ${builtinIds.join(', ')}, or a path to a .yaml file`;
}
