/** A question on the lesson's screen, as the tally needs it: what tells it from the next one, its choices. */
interface OpenQuestion {
  readonly key: string;
  readonly choices: readonly string[];
}

/** The followers' answers to the question on screen: one per session, the last key counts. */
export interface AskTally {
  /** The question on screen now (or none); a different one drops the answers. Says whether it changed. */
  readonly ask: (question: OpenQuestion | undefined) => boolean;
  /** A follower's key: a choice's number (1-based) is its answer, returned 0-based; anything else is none. */
  readonly answer: (who: object, key: string) => number | undefined;
  readonly chosen: (who: object) => number | undefined;
  readonly forget: (who: object) => void;
  /** How many chose each choice, in order (empty with no question). */
  readonly counts: () => readonly number[];
}

/**
 * Counts the answers to an `ask:` step: each follower presses a choice's number, may change its
 * mind while the question is on screen, and counts once. Answers are kept by session, not by
 * name: a session that leaves takes its answer with it.
 */
export function createAskTally(): AskTally {
  let open: OpenQuestion | undefined;
  let answers = new Map<object, number>();
  return {
    ask: (question) => {
      if (question?.key === open?.key) return false;
      open = question;
      answers = new Map();
      return true;
    },
    answer: (who, key) => {
      if (!open || !/^[1-9]$/.test(key)) return undefined;
      const choice = Number(key) - 1;
      if (choice >= open.choices.length) return undefined;
      answers.set(who, choice);
      return choice;
    },
    chosen: (who) => answers.get(who),
    forget: (who) => {
      answers.delete(who);
    },
    counts: () => (open ? open.choices.map((_, i) => [...answers.values()].filter((c) => c === i).length) : []),
  };
}
