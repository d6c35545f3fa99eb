/**
 * npm run review — serves a built copy (default dist-stages/vetting/) to signed-in reviewers and
 * authors, with sign-offs and queries kept in a SQLite file; `user …`, `export` and `import`
 * manage that file from the command line (scripts/review/cli/cli.ts).
 */
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CLI_HELP, runCli } from './review/cli/cli.ts';
import { loadClientAssets } from './review/client-assets.ts';
import { CopyError, watchCopy } from './review/copy.ts';
import { exposureWarning, ListenError, startReviewServer } from './review/server.ts';
import { DEFAULT_DB_FILE, openStore, StoreError } from './review/store/store.ts';

const HELP = `Usage: npm run review [-- --stage vetting] [--port 4400] [--host 127.0.0.1] [--db FILE] [--dir DIR]
       npm run review -- SUBCOMMAND …   (user add|passwd|remove|list, export, import, backup: below)

Serves a built copy behind a sign-in: every page, PDF, CSV, search file and evidence file
answers only to a signed-in user. Build the copy first: npm run build -- --stage vetting

Options:
  --stage STAGE        serve dist-stages/STAGE/ (default: vetting)
  --dir DIR            serve DIR instead (any folder a build wrote with its PDFs)
  --port N             port to listen on (default: 4400; 0 picks a free one)
  --host ADDR          address to listen on (default: 127.0.0.1, this machine only)
  --db FILE            the review database (default: .review/review.db)
  --evidence DIR       files sign-offs may cite (default: content/evidence)
  --secure-cookies     mark the session cookie Secure: use behind an HTTPS proxy
  -h, --help           this text

${CLI_HELP}
`;

const SUBCOMMANDS = new Set(['user', 'export', 'import', 'backup']);

/** A path as the user would type it: relative when under the current folder, else absolute. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' ? '.' : rel.startsWith('..') ? path : rel;
}

async function serve(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      stage: { type: 'string', default: 'vetting' },
      dir: { type: 'string' },
      port: { type: 'string', default: '4400' },
      host: { type: 'string', default: '127.0.0.1' },
      db: { type: 'string', default: DEFAULT_DB_FILE },
      evidence: { type: 'string', default: join('content', 'evidence') },
      'secure-cookies': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`review: --port ${values.port} is not a port number (0–65535)\n`);
    return 2;
  }
  if (!/^[a-z0-9-]+$/.test(values.stage)) {
    process.stderr.write(`review: --stage ${values.stage} is not a stage name (e.g. vetting)\n`);
    return 2;
  }
  const dir = resolve(values.dir ?? join('dist-stages', values.stage));
  const currentCopy = watchCopy(dir, values.dir === undefined ? values.stage : undefined);
  const client = loadClientAssets();
  const db = resolve(values.db);
  const store = openStore(db);
  const warning = exposureWarning(values.host, values['secure-cookies']);
  if (warning) process.stderr.write(`review: warning: ${warning}\n`);
  let server: Awaited<ReturnType<typeof startReviewServer>>;
  try {
    server = await startReviewServer({
      copy: currentCopy,
      store,
      client,
      evidenceDir: resolve(values.evidence),
      host: values.host,
      port,
      secureCookies: values['secure-cookies'],
    });
  } catch (error) {
    store.close();
    throw error;
  }
  const { stage, commit, builtAt, items } = currentCopy().file;
  const users = store.listUsers().length;
  process.stdout.write(
    `review: serving ${server.url}/ (sign in at ${server.url}/_review/login)\n` +
      `review: copy ${shown(dir)}/ — stage ${stage}, commit ${commit}, built ${builtAt}, ${items.length} item${items.length === 1 ? '' : 's'} to sign off\n` +
      `review: database ${shown(db)} (${users} user${users === 1 ? '' : 's'})\n` +
      (users === 0 ? 'review: no users yet: add one with npm run review -- user add NAME --role admin\n' : '') +
      'review: Ctrl-C stops\n',
  );
  await new Promise<void>((done) => {
    const stop = () => done();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  store.close();
  process.stdout.write('review: stopped\n');
  return 0;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args[0] !== undefined && SUBCOMMANDS.has(args[0]))
    return runCli(args, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
  try {
    return await serve(args);
  } catch (error) {
    if (error instanceof CopyError || error instanceof StoreError || error instanceof ListenError) {
      process.stderr.write(`review: ${error.message}\n`);
      return 1;
    }
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`review: ${error.message}\n\n${HELP}`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = await main();
