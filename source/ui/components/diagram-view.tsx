import { Box, Text } from 'ink';
import { memo } from 'react';
import type { StyledLine } from '../../layout/index.js';
import { useTheme } from '../hooks/use-app-state.js';

export interface DiagramViewProps {
  readonly lines: readonly StyledLine[];
  readonly width: number;
  readonly height: number;
}

const sameSpans = (a: { spans: StyledLine }, b: { spans: StyledLine }) =>
  a.spans.length === b.spans.length && a.spans.every((s, i) => s.text === b.spans[i]?.text && s.style === b.spans[i]?.style);

/** One row of the drawing. A key restyles a few rows; the others keep their elements. */
const DiagramRow = memo(function DiagramRow({ spans }: { readonly spans: StyledLine }) {
  const theme = useTheme();
  return (
    <Text wrap="truncate-end">
      {spans.length === 0
        ? ' '
        : spans.map((span, j) => (
            <Text key={j} {...theme.style(span.style)}>
              {span.text}
            </Text>
          ))}
    </Text>
  );
}, sameSpans);

/**
 * The rendered diagram, each span in its theme look, cut to `height` rows. Not clipped by Ink
 * (clipping measures every row again each frame): the layout is never wider than the area
 * planned for it, and a row that somehow were would be truncated by its own Text.
 */
export const DiagramView = memo(function DiagramView({ lines, width, height }: DiagramViewProps) {
  return (
    <Box flexDirection="column" width={width} height={height}>
      {lines.slice(0, height).map((spans, i) => (
        <DiagramRow key={i} spans={spans} />
      ))}
    </Box>
  );
});
