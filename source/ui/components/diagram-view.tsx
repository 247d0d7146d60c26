import { Box, Text } from 'ink';
import { memo } from 'react';
import type { StyledLine } from '../../layout/types.js';
import { useTheme } from '../hooks/use-app-state.js';

export interface DiagramViewProps {
  readonly lines: readonly StyledLine[];
  readonly width: number;
  readonly height: number;
}

/** The rendered diagram, each span in its theme look, clipped to its area. */
export const DiagramView = memo(function DiagramView({ lines, width, height }: DiagramViewProps) {
  const theme = useTheme();
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {lines.slice(0, height).map((spans, i) => (
        <Text key={i} wrap="truncate-end">
          {spans.length === 0
            ? ' '
            : spans.map((span, j) => (
                <Text key={j} {...theme.style(span.style)}>
                  {span.text}
                </Text>
              ))}
        </Text>
      ))}
    </Box>
  );
});
