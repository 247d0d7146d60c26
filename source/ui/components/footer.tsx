import { Box, Text } from 'ink';
import { useAppState, useTheme } from '../hooks/use-app-state.js';
import { activeKeyMaps } from '../keys/active-maps.js';
import { footerHints } from '../keys/footer-hints.js';
import { CommandLine } from './command-line.js';

/**
 * The two bottom rows: the message (or the command line while it is open), then the key hints
 * of the current screen, generated from its key maps and cut to the width.
 */
export function Footer({ width }: { readonly width: number }) {
  const theme = useTheme();
  const overlay = useAppState((s) => s.overlay);
  const message = useAppState((s) => s.message);
  const screen = useAppState((s) => s.screen);
  const design = useAppState((s) => s.design);
  const hints = overlay === 'help' ? [{ key: 'Esc', hint: 'close help' }] : footerHints(activeKeyMaps({ screen, design }), theme.ascii);
  return (
    <Box flexDirection="column" width={width} height={2}>
      {overlay === 'command' ? (
        <CommandLine width={width} />
      ) : (
        <Text wrap="truncate-end" {...(message ? theme.tone(message.level) : {})}>
          {message?.text ?? ' '}
        </Text>
      )}
      <Text wrap="truncate-end">
        {hints.map((h, i) => (
          <Text key={h.key}>
            {i > 0 ? '  ' : ''}
            <Text {...theme.tone('key')}>{h.key}</Text>
            <Text {...theme.tone('muted')}>{` ${h.hint}`}</Text>
          </Text>
        ))}
      </Text>
    </Box>
  );
}
