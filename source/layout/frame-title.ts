/** A rectangle on the page. */
interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** A firewall: lines reach it only from its outer side, so nothing may stand just above it. */
  readonly gate?: boolean;
}

/**
 * Where a frame's title goes: on its top border from the second column, unless a box sits on
 * that border there, or (when the flow runs down) a firewall sits right under it (a firewall astride the top edge, when the flow runs top to bottom); then
 * on the bottom border. `length` covers the title with its padding (` title `, or `✗title ` when
 * the host is down), cut to the frame, so the router can keep lines off it.
 */
export function titleSpan(frame: Rect, label: string, boxes: readonly Rect[], flowDown: boolean): { x: number; y: number; length: number } {
  const length = Math.min(label.length + 2, Math.max(0, frame.width - 3));
  const x = frame.x + 1;
  // The space after the title may be the symbol cell of a box on the border (dense frames).
  const text = Math.min(length, label.length + 1);
  const blocked = boxes.some((b) => {
    const under = b.x < x + text && b.x + b.width > x;
    const astride = b.y <= frame.y && b.y + b.height > frame.y;
    // A firewall whose line comes from above must get it through this border.
    const fedFromAbove = flowDown && b.gate === true && b.y > frame.y && b.y <= frame.y + 2;
    return under && (astride || fedFromAbove);
  });
  return { x, y: blocked ? frame.y + frame.height - 1 : frame.y, length };
}
