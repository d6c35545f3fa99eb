import { MIN_PASSWORD_LENGTH } from '../store/passwords.ts';

/**
 * Reads a password from standard input, never from an argument (arguments stay in shell history
 * and show in every user's process list). At a terminal it is typed twice without echo; from a
 * pipe the first line is the password, so scripts can set one: `printf '%s\n' "$PW" | …`.
 */

export interface PasswordInput extends NodeJS.ReadableStream {
  isTTY?: boolean;
  setRawMode?: (raw: boolean) => unknown;
}

export class PasswordInputError extends Error {}

export async function readNewPassword(
  stdin: PasswordInput,
  prompt: { write(text: string): unknown },
  who: string,
): Promise<string> {
  if (!stdin.isTTY || !stdin.setRawMode) return firstLine(stdin);
  const first = await readHidden(
    stdin,
    prompt,
    `New password for ${who} (at least ${MIN_PASSWORD_LENGTH} characters): `,
  );
  const second = await readHidden(stdin, prompt, 'Same password again: ');
  if (first !== second) throw new PasswordInputError('the two passwords differ; nothing was changed');
  return first;
}

/** The first line of a piped input, without its line ending; the rest is left unread. */
function firstLine(stdin: PasswordInput): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const done = (error?: Error) => {
      stdin.removeListener('data', onData);
      stdin.removeListener('end', onEnd);
      stdin.removeListener('error', onError);
      stdin.pause();
      if (error) return reject(error);
      const line = text.split('\n')[0] ?? '';
      if (text === '') {
        return reject(
          new PasswordInputError(
            'no password on standard input; pipe it in (printf \'%s\\n\' "$PW" | …) or run at a terminal',
          ),
        );
      }
      resolve(line.endsWith('\r') ? line.slice(0, -1) : line);
    };
    const onData = (chunk: Buffer | string) => {
      text += chunk.toString();
      if (text.includes('\n')) done();
    };
    const onEnd = () => done();
    const onError = (error: Error) => done(error);
    stdin.on('data', onData);
    stdin.on('end', onEnd);
    stdin.on('error', onError);
    stdin.resume();
  });
}

/** One line typed at the terminal with echo off; Ctrl-C aborts, backspace erases. */
function readHidden(stdin: PasswordInput, prompt: { write(text: string): unknown }, question: string): Promise<string> {
  prompt.write(question);
  stdin.setRawMode?.(true);
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (error?: Error) => {
      stdin.removeListener('data', onData);
      stdin.setRawMode?.(false);
      stdin.pause();
      prompt.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: Buffer | string) => {
      const chars = [...chunk.toString()];
      for (const [i, ch] of chars.entries()) {
        if (ch === '\r' || ch === '\n') {
          // Typed ahead (the second entry already on its way) stays for the next prompt.
          const rest = chars.slice(ch === '\r' && chars[i + 1] === '\n' ? i + 2 : i + 1).join('');
          finish();
          if (rest) stdin.unshift(Buffer.from(rest));
          return;
        }
        if (ch === '\u0003') return finish(new PasswordInputError('cancelled; nothing was changed'));
        if (ch === '\u0004' && typed === '')
          return finish(new PasswordInputError('no password typed; nothing was changed'));
        if (ch === '\u007f' || ch === '\b') typed = [...typed].slice(0, -1).join('');
        else if (ch >= ' ') typed += ch;
      }
    };
    stdin.on('data', onData);
    stdin.resume();
  });
}
