import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { passwordProblem } from '../store/passwords.ts';
import { DEFAULT_DB_FILE, openStore, ROLES, type Role, type Store, StoreError } from '../store/store.ts';
import { backupStore, CommandError, exportSignoffs, importSignoffs } from './cli-signoffs.ts';
import { type PasswordInput, PasswordInputError, readNewPassword } from './read-password.ts';

/**
 * The command-line side of the reviewers' workspace: users, and moving sign-offs between the
 * database and content/signoffs.yaml. `scripts/review.ts` hands its subcommands here.
 */

export interface CliIo {
  stdin: PasswordInput;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

export const CLI_HELP = `Subcommands of npm run review (each takes --db FILE, default ${DEFAULT_DB_FILE}):
  user add NAME --role reviewer|author|admin
                        add a user; the password is read from standard input
                        (typed twice without echo at a terminal, the first line from a pipe)
  user passwd NAME      set a new password (read the same way); ends the user's sessions
  user remove NAME      remove a user and end their sessions; their sign-offs stay
  user list             list users with their roles
  export [--out FILE]   write every sign-off to FILE (default content/signoffs.yaml)
  import [FILE]         add the sign-offs of FILE (default content/signoffs.yaml) that the
                        database does not have yet; running it twice adds nothing the second time
  backup FILE           copy the database into a new FILE, consistent even while the server runs
Passwords are never taken from arguments: they would stay in shell history and show in the
process list. At least 12 characters.`;

const NAME = /^[\p{L}\p{N}._@-]{1,64}$/u;

class UsageError extends Error {}

/** Runs one subcommand; resolves to the process exit code (0 done, 1 refused, 2 usage). */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  try {
    await run(args, io);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`review: ${error.message}\nRun npm run review -- --help for the subcommands.\n`);
      return 2;
    }
    if (error instanceof StoreError || error instanceof PasswordInputError || error instanceof CommandError) {
      io.stderr.write(`review: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

async function run(args: readonly string[], io: CliIo): Promise<void> {
  // Refused before parsing, with the reason, rather than as an unknown option.
  const secret = args.find((a) => /^(--?pass(word)?|-p)(=|$)/i.test(a));
  if (secret !== undefined) {
    throw new UsageError(
      `${secret.split('=')[0]} is refused: a password in an argument stays in shell history and shows in the process list; ` +
        'type it at the prompt or pipe it on standard input',
    );
  }
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const db = values.db ?? DEFAULT_DB_FILE;
  const [command, sub, name, ...extra] = positionals;
  if (values.help || command === undefined || command === 'help') {
    io.stdout.write(`${CLI_HELP}\n`);
    return;
  }
  const expect = (count: number, usage: string) => {
    if (positionals.length !== count) throw new UsageError(`expected: ${usage}`);
  };
  if (command === 'user') {
    if (sub === 'list') {
      expect(2, 'user list');
      return withStore(db, false, (store) => listUsers(store, io));
    }
    if (sub !== 'add' && sub !== 'passwd' && sub !== 'remove') {
      throw new UsageError(`unknown "user ${sub ?? ''}": expected user add, user passwd, user remove or user list`);
    }
    expect(3, `user ${sub} NAME${sub === 'add' ? ' --role reviewer|author|admin' : ''}`);
    if (extra.length > 0 || name === undefined) throw new UsageError(`expected one NAME after user ${sub}`);
    if (!NAME.test(name)) {
      throw new UsageError(`"${name}" is not a user name: letters, digits, . _ @ - only, at most 64 characters`);
    }
    if (sub === 'add') return addUser(db, name, values.role, io);
    if (values.role !== undefined) throw new UsageError(`--role belongs to user add, not user ${sub}`);
    if (sub === 'passwd') {
      return withStore(db, false, async (store) => {
        const password = await newPassword(io, name);
        store.setPassword(name, password);
        io.stdout.write(`Changed the password of ${name} in ${db}; their sessions are ended.\n`);
      });
    }
    return withStore(db, false, (store) => {
      store.removeUser(name);
      io.stdout.write(`Removed ${name} from ${db} and ended their sessions; their sign-offs stay.\n`);
    });
  }
  if (command === 'export') {
    expect(1, 'export [--out FILE]');
    return withStore(db, false, (store) => exportSignoffs(store, values.out, io));
  }
  if (command === 'import') {
    if (positionals.length > 2) throw new UsageError('expected: import [FILE]');
    return withStore(db, true, (store) => importSignoffs(store, sub, io));
  }
  if (command === 'backup') {
    expect(2, 'backup FILE');
    return withStore(db, false, (store) => backupStore(store, sub as string, io));
  }
  throw new UsageError(`unknown subcommand "${command}"`);
}

function parse(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      db: { type: 'string' },
      role: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

/** Opens the store for one command; only commands that add (user add, import) create a new file. */
async function withStore(db: string, create: boolean, work: (store: Store) => void | Promise<void>): Promise<void> {
  if (!create && !existsSync(db)) {
    throw new StoreError(
      `${db}: no database there yet; add the first user with npm run review -- user add NAME --role admin (or pass --db FILE)`,
    );
  }
  const store = openStore(db);
  try {
    await work(store);
  } finally {
    store.close();
  }
}

async function addUser(db: string, name: string, role: string | undefined, io: CliIo): Promise<void> {
  if (role === undefined || !ROLES.includes(role as Role)) {
    throw new UsageError(`user add needs --role ${ROLES.join('|')}${role === undefined ? '' : `, not "${role}"`}`);
  }
  await withStore(db, true, async (store) => {
    // Checked before the password is asked for, so nobody types one for nothing.
    if (store.listUsers().some((u) => u.name === name)) {
      throw new StoreError(
        `${db}: a user named ${name} exists already; use user passwd ${name} to change the password`,
      );
    }
    const password = await newPassword(io, name);
    store.addUser(name, role as Role, password);
    io.stdout.write(`Added ${name} (${role}) to ${db}.\n`);
  });
}

async function newPassword(io: CliIo, name: string): Promise<string> {
  const password = await readNewPassword(io.stdin, io.stderr, name);
  const problem = passwordProblem(password);
  if (problem) throw new PasswordInputError(`${problem}; nothing was changed`);
  return password;
}

function listUsers(store: Store, io: CliIo): void {
  const users = store.listUsers();
  if (users.length === 0) {
    io.stdout.write(`No users in ${store.file}; add one with npm run review -- user add NAME --role admin\n`);
    return;
  }
  const width = Math.max(4, ...users.map((u) => [...u.name].length));
  io.stdout.write(`${'name'.padEnd(width)}  role      added\n`);
  for (const u of users) io.stdout.write(`${u.name.padEnd(width)}  ${u.role.padEnd(8)}  ${u.created}\n`);
  io.stdout.write(`${users.length} user${users.length === 1 ? '' : 's'} in ${store.file}\n`);
}
