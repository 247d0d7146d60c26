import { Box } from 'ink';
import { useAppState, useTheme } from '../hooks/use-app-state.js';
import { activeScopes } from '../keys/resolve-key.js';
import { footerHints } from '../keys/footer-hints.js';
import { upDownLabel } from '../keys/key-name.js';
import { fitWords } from '../view/fit-text.js';
import { seg } from '../view/line.js';
import { CommandLine } from './command-line.js';
import { SegmentLine } from './segment-line.js';

/** What the confirm overlay takes. */
const answers = [
  { key: 'y', hint: 'yes' },
  { key: 'any other key', hint: 'no' },
];

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
  const scenario = useAppState((s) => s.scenario);
  const hints = overlay === 'help' ? [{ key: 'Esc', hint: 'close help' }, { key: upDownLabel(theme.ascii), hint: 'scroll' }] : overlay === 'confirm' ? answers : footerHints(activeScopes({ screen, design, overlay, scenario }), theme.ascii);
  // Whole hints only: the ones that do not fit are left out, never cut in half.
  let room = width;
  const hintSegments = hints.flatMap((h, i) => {
    const key = `${i > 0 ? '  ' : ''}${h.key}`;
    room -= key.length + h.hint.length + 1;
    return room < 0 ? [] : [seg(key, 'key'), seg(` ${h.hint}`, 'muted')];
  });
  return (
    <Box flexDirection="column" width={width} height={2}>
      {overlay === 'command' ? (
        <CommandLine width={width} />
      ) : (
        <SegmentLine segments={message ? [seg(fitWords(message.text, width), message.level)] : []} width={width} />
      )}
      <SegmentLine segments={hintSegments} width={width} />
    </Box>
  );
}
