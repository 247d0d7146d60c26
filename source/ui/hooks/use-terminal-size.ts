import { useStdout } from 'ink';
import { useEffect, useState } from 'react';

export interface Size {
  readonly columns: number;
  readonly rows: number;
}

/**
 * The terminal's size, updated on resize. Streams that are not terminals (the test renderer)
 * report no rows; they get 100×30 so that screens lay out as on a mid-sized terminal.
 */
export function useTerminalSize(): Size {
  const { stdout } = useStdout();
  const [size, setSize] = useState(() => sizeOf(stdout));
  useEffect(() => {
    const onResize = () => setSize(sizeOf(stdout));
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return size;
}

function sizeOf(stdout: NodeJS.WriteStream): Size {
  return { columns: stdout.columns || 100, rows: stdout.rows || 30 };
}
