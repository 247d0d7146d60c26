import { composerItems } from '../commands/composer-items.js';
import { useAppState, useTheme } from '../hooks/use-app-state.js';
import { keyLabel } from '../keys/key-name.js';
import { seg } from '../view/line.js';
import { Panel } from './panel.js';

/**
 * The request composer, drawn from the store: the presets and "type your own", the highlighted
 * one marked with the pointer (and bold, for NO_COLOR), always in view when the list is longer
 * than the panel. `routeKey` moves and picks.
 */
export function Composer({ width, height }: { readonly width: number; readonly height: number }) {
  const theme = useTheme();
  const topology = useAppState((s) => s.design?.topology);
  const highlighted = useAppState((s) => s.composer);
  if (!topology) return null;
  const arrows = `${keyLabel('up', theme.ascii)}${keyLabel('down', theme.ascii)}`;
  const lines = composerItems(topology).map((item, i) => {
    const tone = i === highlighted ? 'title' : undefined;
    // The request and what it exercises, apart, so a description that wraps stays in its column.
    const [, request = item.label, what = ''] = /^(.*?\s{2,})(.*)$/.exec(item.label) ?? [];
    const head = `${i === highlighted ? theme.symbols.pointer : ' '} ${i + 1} ${request}`;
    return what ? [seg(head, tone), seg(what, tone)] : [seg(head, tone)];
  });
  return <Panel title={`Send a request (${arrows} then Enter, or its number; Esc cancels)`} lines={lines} width={width} height={height} anchor={highlighted} />;
}
