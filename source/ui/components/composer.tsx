import { Box, Text, useInput } from 'ink';
import SelectInput from 'ink-select-input';
import { lookup } from '../../model/lookup.js';
import type { Topology } from '../../model/types.js';
import { parseRequest } from '../../sim/request.js';
import { useAppContext } from '../app-context.js';
import { requestPresets } from '../commands/line-context.js';
import { runInvocation } from '../commands/run-invocation.js';
import { useAppState, useTheme } from '../hooks/use-app-state.js';
import { keyLabel } from '../keys/key-name.js';
import { ListIndicator, ListItem } from './list-item.js';

const TYPE_YOUR_OWN = '';

/** What a preset request exercises, in a few words. */
export function describeRequest(topology: Topology, text: string): string {
  const [method = '', path = ''] = text.split(' ');
  if (method === 'TCP') return 'a probe from the internet: is this port reachable?';
  if (['POST', 'PUT', 'PATCH', 'DELETE'].includes(method)) return 'a write: only the primary database takes it';
  const statics = lookup(topology).ofKind('web-server').flatMap((w) => w.static);
  if (statics.some((prefix) => path.startsWith(prefix))) return 'a static file: Nginx serves it from disk';
  return 'a page the app builds with a database read';
}

/** The request composer: a preset (Enter or its number), or "type your own" on the command line. */
export function Composer({ width, height }: { readonly width: number; readonly height: number }) {
  const { store, env } = useAppContext();
  const theme = useTheme();
  const topology = useAppState((s) => s.design?.topology);
  useInput((_input, key) => {
    if (key.escape) store.dispatch({ type: 'overlay', overlay: 'none' });
  });
  if (!topology) return null;
  const presets = requestPresets(topology);
  const items = [
    ...presets.map((p) => ({ label: `${p.padEnd(22)} ${describeRequest(topology, p)}`, value: p })),
    { label: 'type your own: METHOD PATH or TCP ip:port', value: TYPE_YOUR_OWN },
  ];
  const onSelect = ({ value }: { value: string }) => {
    if (value === TYPE_YOUR_OWN) {
      store.dispatch({ type: 'overlay', overlay: 'command', draft: 'send ' });
      return;
    }
    store.dispatch({ type: 'overlay', overlay: 'none' });
    runInvocation({ command: 'send', request: parseRequest(value), text: value }, { store, env, boxes: [] });
  };
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Text {...theme.tone('title')} wrap="truncate-end">
        Send a request{' '}
        <Text {...theme.tone('muted')}>{`(${keyLabel('up', theme.ascii)}${keyLabel('down', theme.ascii)} then Enter, or its number; Esc cancels)`}</Text>
      </Text>
      <SelectInput items={items} onSelect={onSelect} limit={Math.max(1, height - 1)} indicatorComponent={ListIndicator} itemComponent={ListItem} />
    </Box>
  );
}
