import { Text } from 'ink';
import { memo } from 'react';
import { useTheme } from '../hooks/use-app-state.js';
import type { Tone } from '../theme.js';
import { fitSegments } from '../view/fit-text.js';
import type { Segment } from '../view/line.js';

export interface SegmentLineProps {
  readonly segments: readonly Segment[];
  readonly width: number;
  /** A tone for the whole line, under the segments' own. */
  readonly tone?: Tone;
}

const sameLine = (a: SegmentLineProps, b: SegmentLineProps) =>
  a.width === b.width &&
  a.tone === b.tone &&
  a.segments.length === b.segments.length &&
  a.segments.every((s, i) => s.text === b.segments[i]?.text && s.tone === b.segments[i]?.tone);

/**
 * One row of text in theme tones, cut to the width by the app (Ink's own cut would add a
 * non-ASCII ellipsis) and folded to ASCII under `--ascii`. Panels rebuild their lines on every
 * key; a row whose text and tones did not change is not rendered again.
 */
export const SegmentLine = memo(function SegmentLine({ segments, width, tone }: SegmentLineProps) {
  const theme = useTheme();
  const fitted = fitSegments(segments, width, theme.ascii);
  return (
    <Text wrap="truncate-end" {...(tone ? theme.tone(tone) : {})}>
      {fitted.length === 0 || fitted.every((s) => s.text === '')
        ? ' '
        : fitted.map((s, i) => (
            <Text key={i} {...(s.tone ? theme.tone(s.tone) : {})}>
              {s.text}
            </Text>
          ))}
    </Text>
  );
}, sameLine);
