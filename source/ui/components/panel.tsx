import { Box } from 'ink';
import { memo } from 'react';
import { useTheme } from '../hooks/use-app-state.js';
import { seg, type Line } from '../view/line.js';
import { SegmentLine } from './segment-line.js';

export interface PanelProps {
  readonly title: string;
  readonly lines: readonly Line[];
  readonly width: number;
  readonly height: number;
  /** Which end to keep when the lines do not fit: the newest (`tail`) or the first (`head`). */
  readonly keep?: 'head' | 'tail';
}

/**
 * A titled area of exactly `height` rows: a rule with the title, then the lines, each cut to
 * the width. Fixed sizes keep every frame the same height, so Ink redraws only changed rows.
 */
export const Panel = memo(function Panel({ title, lines, width, height, keep = 'head' }: PanelProps) {
  const theme = useTheme();
  const room = Math.max(0, height - 1);
  const shown = keep === 'tail' ? lines.slice(Math.max(0, lines.length - room)) : lines.slice(0, room);
  const hidden = lines.length - shown.length;
  const dash = theme.ascii ? '-' : '─';
  const more = hidden > 0 ? ` (+${hidden} ${keep === 'tail' ? 'above' : 'below'})` : '';
  const rule = `${dash} ${title}${more} `.padEnd(width, dash);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <SegmentLine segments={[seg(rule, 'muted')]} width={width} />
      {shown.map((segments, i) => (
        <SegmentLine key={i} segments={segments} width={width} />
      ))}
    </Box>
  );
});
