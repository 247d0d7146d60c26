import { useStdout } from 'ink';
import { createContext, useContext, useEffect, useState } from 'react';

export interface Size {
  readonly columns: number;
  readonly rows: number;
}

/**
 * The size the app is drawn at, when the terminal screen decides it (the app in a terminal:
 * see `createTerminalScreen`, which renders the app anew, synchronously, for each size).
 */
export const TerminalSizeContext = createContext<Size | undefined>(undefined);

/**
 * The terminal's size: the one given by `TerminalSizeContext`, else the stream's, updated on
 * resize. Streams that are not terminals (the test renderer) report no rows; they get 100×30
 * so that screens lay out as on a mid-sized terminal.
 */
export function useTerminalSize(): Size {
  const given = useContext(TerminalSizeContext);
  const { stdout } = useStdout();
  const [size, setSize] = useState(() => sizeOf(stdout));
  useEffect(() => {
    if (given) return;
    const onResize = () => setSize(sizeOf(stdout));
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout, given]);
  return given ?? size;
}

function sizeOf(stdout: NodeJS.WriteStream): Size {
  return { columns: stdout.columns || 100, rows: stdout.rows || 30 };
}
