import { describe, expect, it } from 'vitest';
import { generatedTopology } from '../../bench/generate-topology.js';
import { layoutTopology } from '../../source/layout/index.js';
import { diagramTop } from '../../source/ui/view/diagram-top.js';

describe('the rows of a drawing taller than the screen', () => {
  const topology = generatedTopology('tiered', 300);
  const room = 30;

  it('follow the selection down a big design drawn box by box, showing its box whole', () => {
    const layout = layoutTopology(topology, { width: 120, height: 36, ascii: false, collapse: false, lines: false });
    expect(layout.height).toBeGreaterThan(room);
    expect(diagramTop(layout, 'browser', room)).toBe(0);
    for (const id of ['mysql-17', 'app-30', 'fw-web-40']) {
      const box = layout.boxes.find((b) => b.id === id);
      const top = diagramTop(layout, id, room);
      expect(box && box.y >= top && box.y + box.height <= top + room, id).toBe(true);
      expect(top).toBeLessThanOrEqual(layout.height - room);
    }
  });

  it('follow a member to the box of its group in the grouped drawing', () => {
    const layout = layoutTopology(topology, { width: 60, ascii: false });
    const group = layout.boxes.find((b) => b.id === layout.drawnAs?.get('mysql-17'));
    const top = diagramTop(layout, 'mysql-17', 10);
    expect(group && group.y >= top && group.y + group.height <= top + 10).toBe(true);
  });
});
