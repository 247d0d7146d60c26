import type { Layout, Link, ViewState } from './types.js';

/**
 * The view as the drawing shows it. In a collapsed drawing (`layout.drawnAs`) every state of a
 * member lands on the box of its group: a group shows a member down (or believed down, in focus,
 * selected) whichever member it is, a mark of a member shows when the group's own has none, and a
 * request's hops between members are hops between their groups. Badges stay the first member's
 * own. A drawing of each component gets the view unchanged.
 */
export function drawnView(view: ViewState, layout: Layout): ViewState {
  const as = layout.drawnAs;
  if (!as) return view;
  const one = (id: string) => as.get(id) ?? id;
  const ids = (list: readonly string[]) => [...new Set(list.map(one))];
  const link = <T extends Link>(l: T): T => ({ ...l, from: one(l.from), to: one(l.to) });
  return {
    ...view,
    ...(view.failed ? { failed: ids(view.failed) } : {}),
    ...(view.believedDown ? { believedDown: ids(view.believedDown) } : {}),
    ...(view.focus ? { focus: ids(view.focus) } : {}),
    ...(view.selected === undefined ? {} : { selected: one(view.selected) }),
    ...(view.path ? { path: view.path.map(link) } : {}),
    ...(view.active ? { active: link(view.active) } : {}),
    ...(view.marks ? { marks: groupMarks(view.marks, one) } : {}),
  };
}

/** Each group's mark: its own first member's, else the first a member has. */
function groupMarks(marks: Readonly<Record<string, string>>, one: (id: string) => string): Record<string, string> {
  const out: Record<string, string> = {};
  const entries = Object.entries(marks);
  for (const [id, mark] of entries) if (one(id) === id) out[id] = mark;
  for (const [id, mark] of entries) out[one(id)] ??= mark;
  return out;
}
