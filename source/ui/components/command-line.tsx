import { Box, Text, useInput } from 'ink';
import TextInput from 'ink-text-input';
import { useState } from 'react';
import { useAppContext } from '../app-context.js';
import { completeCommandLine } from '../commands/complete-command-line.js';
import { lineContext } from '../commands/line-context.js';
import { parseCommandLine } from '../commands/parse-command-line.js';
import { runInvocation } from '../commands/run-invocation.js';
import { useAppState, useTheme } from '../hooks/use-app-state.js';

/**
 * The `:` line: typed text (ephemeral, so kept here), Tab completion of commands and ids with
 * the candidates listed after the text, Enter to run, Esc to cancel. Mistakes become a footer
 * message; nothing typed here can crash the app.
 */
export function CommandLine({ width }: { readonly width: number }) {
  const { store, env } = useAppContext();
  const theme = useTheme();
  const draft = useAppState((s) => s.draft);
  const [text, setText] = useState(draft);
  const [candidates, setCandidates] = useState<readonly string[]>([]);
  // Remounting the input after a completion puts its cursor at the end of the new text.
  const [generation, setGeneration] = useState(0);

  useInput((_input, key) => {
    if (key.escape) store.dispatch({ type: 'overlay', overlay: 'none' });
    if (!key.tab) return;
    const completion = completeCommandLine(text, lineContext(store.getState()));
    setCandidates(completion.candidates.length > 1 ? completion.candidates : []);
    if (completion.text !== text) {
      setText(completion.text);
      setGeneration((g) => g + 1);
    }
  });

  const submit = (value: string) => {
    store.dispatch({ type: 'overlay', overlay: 'none' });
    if (value.trim() === '') return;
    const parsed = parseCommandLine(value, lineContext(store.getState()));
    if (parsed.ok) runInvocation(parsed.invocation, { store, env, boxes: [] });
    else store.dispatch({ type: 'message', message: { text: parsed.message, level: 'error' } });
  };

  return (
    <Box width={width} height={1}>
      <Text {...theme.tone('key')}>:</Text>
      <TextInput
        key={generation}
        value={text}
        onChange={(value) => {
          setText(value);
          setCandidates([]);
        }}
        onSubmit={submit}
      />
      <Text wrap="truncate-end" {...theme.tone('muted')}>
        {candidates.length > 0 ? `   ${candidates.join('  ')}` : ''}
      </Text>
    </Box>
  );
}
