/**
 * Questions on a terminal (IO), with node:readline. Questions go to stderr, so stdout stays for
 * the command's own output. Ctrl-D (end of input) answers null: the caller stops.
 */
import { createInterface, type Interface } from 'node:readline';

export interface Prompter {
  /** The answer as typed (without the newline), or null at end of input. */
  ask(question: string): Promise<string | null>;
  close(): void;
}

export function readlinePrompter(input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stderr): Prompter {
  let rl: Interface | undefined;
  let closed = false;
  // Lines typed (or pasted) before they are asked for wait here, so none is lost.
  const queue: string[] = [];
  let waiting: ((answer: string | null) => void) | undefined;
  const open = (): Interface => {
    if (!rl) {
      rl = createInterface({ input, output, terminal: Boolean((input as { isTTY?: boolean }).isTTY) });
      rl.on('line', (line) => {
        if (waiting) {
          const w = waiting;
          waiting = undefined;
          w(line);
        } else queue.push(line);
      });
      rl.on('close', () => {
        closed = true;
        const w = waiting;
        waiting = undefined;
        w?.(null);
      });
    }
    return rl;
  };
  return {
    ask(question) {
      const r = open();
      if (queue.length > 0) {
        output.write(`${question}${queue[0]}\n`);
        return Promise.resolve(queue.shift()!);
      }
      if (closed) return Promise.resolve(null);
      return new Promise((resolve) => {
        waiting = resolve;
        r.setPrompt(question);
        r.prompt();
      });
    },
    close() {
      rl?.close();
    },
  };
}

/** Answers from a list, for tests; null once they run out. */
export function scriptedPrompter(answers: readonly string[], transcript: string[] = []): Prompter {
  let i = 0;
  return {
    async ask(question) {
      transcript.push(question);
      return i < answers.length ? answers[i++]! : null;
    },
    close() {},
  };
}
