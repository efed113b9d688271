/**
 * `interview-desk <command> …` (bin/interview-desk.js runs the bundle of this, dist/cli/index.mjs,
 * or this file through tsx when that bundle is missing or a source changed since it was built): convert, check,
 * import, export, list, search, history, attach, recordings, backup, verify, unlock. Output goes to stdout; a failure is one line on stderr
 * (`interview-desk: <reason>`) and a non-zero exit: 1 when the work failed, 2 for a usage mistake.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { AppError } from '../backend/errors';
import { FORMAT_NAMES, parseFormat } from './formats';
import { DEFAULT_HOUSE_STYLE, HOUSE_STYLES, type HouseStyle } from '../../shared/vietnamese/tone-placement';
import { CliError } from './cli-error';

// Each command's module is imported when that command runs, not before: `--help` and a usage
// mistake then answer without loading the database, the schemas or the dictionaries (the CLI
// should start at once). Only what the usage text and argument checks need is imported above.
const convertCommands = () => import('./convert');
const libraryCommands = () => import('./library');
const libraryTools = () => import('./library-tools');
const recordingCommands = () => import('./recordings');

export const USAGE = `Usage: interview-desk <command> [options]

  convert <input.txt|-> --to <format> [-o <file>] [--force] [--id <id>] [--time <iso>]
      Agency plain text to a format, on stdout unless -o names a file. Wire formats are not
      written while preflight finds problems; --force writes them anyway (a text has no images:
      its photos go out without picture files). --time stamps the story (default: now).
  check <input.txt|-> [--format <format>] [--style traditional|modern]
      Preflight of a text: one finding a line (severity, code, message), then its tone marks and
      spelling in the house style (traditional hòa, khỏe, thủy by default); exit 1 on errors.
  import <file.txt|.vtt|.srt|.json|.otr|-> [--data-dir <dir>]
      Add agency plain text, a machine transcript (WebVTT, SRT, whisper JSON, oTranscribe, text
      with timestamps: turns with their times) or an interview's JSON to the library; prints the new id.
  export <id> --format <format> -o <folder|-> [--accept-warnings] [--data-dir <dir>]
         [--receiver superdesk|generic] [--pictures subfolder|same-folder]
         [--picture-base-url <url>] [--sapo-in-body yes|no] [--subjects <table.json>]
  export <id> --destination <name> [-o <folder|->] [--accept-warnings] [--data-dir <dir>]
      Write a stored interview and its pictures into a folder (or the story alone to stdout).
      With profile flags, shaped for that receiving system (pictures in pictures/ unless
      --pictures same-folder); with --destination, as that saved destination's profile says,
      and without -o sent there as the app's Send does.
  list [--json] [--data-dir <dir>]
      The interviews in the library: id, status, last saved, headline.
  search <query> [--json] [--data-dir <dir>]
      Interviews matching the words (diacritics optional): id, status, headline, snippet.
  history <id> [--json] [--data-dir <dir>]
      The kept versions of an interview, newest first: revision (* current), saved, kind, name, note, author.
  attach <id> <file> [--data-dir <dir>]
      Add a recording (MP3, M4A/AAC, WAV, Ogg/Opus, FLAC, or MP4, MOV, WebM for their sound)
      to an interview: stored once in the library's media folder, saved as a new version.
  recordings <id> [--json] [--data-dir <dir>]
      An interview's recordings: id (sha-256), type, size, length, file name.
  backup -o <file> [--data-dir <dir>]
      A consistent copy of the library into a new file (SQLite's online backup).
  verify <file>
      What a library or review file (.interview) is, and its integrity, schema and content;
      prints ok or one problem a line, and exits 1 on problems.
  unlock [--data-dir <dir>]
      Remove the lock a crashed Interview Desk left on a library. A lock whose process is still
      running is never removed: close that process instead.

Formats: ${FORMAT_NAMES}
Library commands use the app's own library unless --data-dir names another folder, and refuse to
run while the app has it open.
`;

type Options = NonNullable<ParseArgsConfig['options']>;

function parseStyle(value: string | undefined): HouseStyle {
  if (value === undefined) return DEFAULT_HOUSE_STYLE;
  if ((HOUSE_STYLES as readonly string[]).includes(value)) return value as HouseStyle;
  throw new CliError(`--style must be ${HOUSE_STYLES.join(' or ')}, not "${value}"`, 2);
}

interface Command {
  options: Options;
  /** The names of the positional arguments, all required. */
  positionals: string[];
  run(values: Record<string, string | boolean | undefined>, positionals: string[]): Promise<void>;
}

const dataDir = { 'data-dir': { type: 'string' } } as const;
const str = (v: string | boolean | undefined) => (typeof v === 'string' ? v : undefined);

const COMMANDS: Record<string, Command> = {
  convert: {
    options: { to: { type: 'string' }, output: { type: 'string', short: 'o' }, force: { type: 'boolean' }, id: { type: 'string' }, time: { type: 'string' } },
    positionals: ['input'],
    run: async (v, [input]) => (await convertCommands()).convert({ input: input!, to: parseFormat(str(v.to), '--to'), output: str(v.output), force: v.force === true, id: str(v.id), time: str(v.time) }),
  },
  check: {
    options: { format: { type: 'string' }, style: { type: 'string' } },
    positionals: ['input'],
    run: async (v, [input]) => (await convertCommands()).check(input!, parseFormat(str(v.format) ?? 'nitf', '--format'), parseStyle(str(v.style))),
  },
  import: {
    options: { ...dataDir },
    positionals: ['file'],
    run: async (v, [file]) => (await libraryCommands()).importFile(file!, str(v['data-dir'])),
  },
  export: {
    options: {
      format: { type: 'string' },
      output: { type: 'string', short: 'o' },
      'accept-warnings': { type: 'boolean' },
      destination: { type: 'string' },
      receiver: { type: 'string' },
      pictures: { type: 'string' },
      'picture-base-url': { type: 'string' },
      'sapo-in-body': { type: 'string' },
      subjects: { type: 'string' },
      ...dataDir,
    },
    positionals: ['id'],
    run: async (v, [id]) =>
      (await import('./export-command')).exportDocument({
        id: id!,
        format: v.format === undefined ? undefined : parseFormat(str(v.format), '--format'),
        output: str(v.output),
        acceptWarnings: v['accept-warnings'] === true,
        dataDir: str(v['data-dir']),
        destination: str(v.destination),
        profile: { receiver: str(v.receiver), pictures: str(v.pictures), pictureBaseUrl: str(v['picture-base-url']), sapoInBody: str(v['sapo-in-body']), subjects: str(v.subjects) },
      }),
  },
  list: {
    options: { json: { type: 'boolean' }, ...dataDir },
    positionals: [],
    run: async (v) => (await libraryCommands()).list(str(v['data-dir']), v.json === true),
  },
  search: {
    options: { json: { type: 'boolean' }, ...dataDir },
    positionals: ['query'],
    run: async (v, [query]) => (await libraryTools()).search(query!, str(v['data-dir']), v.json === true),
  },
  history: {
    options: { json: { type: 'boolean' }, ...dataDir },
    positionals: ['id'],
    run: async (v, [id]) => (await libraryTools()).history(id!, str(v['data-dir']), v.json === true),
  },
  attach: {
    options: { ...dataDir },
    positionals: ['id', 'file'],
    run: async (v, [id, file]) => (await recordingCommands()).attach(id!, file!, str(v['data-dir'])),
  },
  recordings: {
    options: { json: { type: 'boolean' }, ...dataDir },
    positionals: ['id'],
    run: async (v, [id]) => (await recordingCommands()).recordings(id!, str(v['data-dir']), v.json === true),
  },
  backup: {
    options: { output: { type: 'string', short: 'o' }, ...dataDir },
    positionals: [],
    run: async (v) => {
      const output = str(v.output);
      if (output === undefined) throw new CliError('backup needs -o <file>', 2);
      return (await libraryTools()).backup(str(v['data-dir']), output);
    },
  },
  verify: {
    options: {},
    positionals: ['file'],
    run: async (_v, [file]) => (await libraryTools()).verify(file!),
  },
  unlock: {
    options: { ...dataDir },
    positionals: [],
    run: async (v) => (await libraryCommands()).unlock(str(v['data-dir'])),
  },
};

function parse(name: string, command: Command, args: string[]) {
  try {
    return parseArgs({ args, options: { ...command.options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (err) {
    const unknown = /^Unknown option '([^']+)'/.exec((err as Error).message);
    throw new CliError(unknown ? `${name}: unknown option ${unknown[1]} (see interview-desk --help)` : `${name}: ${(err as Error).message.split('\n')[0]}`, 2);
  }
}

/** Run the CLI; returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  // `… | head`: the reader has all it wants. Stop quietly, as Unix tools do; output is written
  // only after the library is closed, so nothing is left open.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  const [name, ...args] = argv;
  try {
    if (name === undefined) throw new CliError('no command given (see interview-desk --help)', 2);
    if (name === '--help' || name === '-h' || name === 'help') {
      process.stdout.write(USAGE);
      return 0;
    }
    const command = COMMANDS[name];
    if (!command) throw new CliError(`unknown command "${name}" (commands: ${Object.keys(COMMANDS).join(', ')})`, 2);
    const { values, positionals } = parse(name, command, args);
    if (values.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    if (positionals.length !== command.positionals.length) {
      const wanted = command.positionals.length === 0 ? 'no arguments' : command.positionals.map((p) => `<${p}>`).join(' ');
      throw new CliError(`${name} takes ${wanted}, got ${positionals.length === 0 ? 'none' : positionals.map((p) => `"${p}"`).join(' ')}`, 2);
    }
    await command.run(values, positionals);
    return 0;
  } catch (err) {
    let message = err instanceof CliError || err instanceof AppError ? err.message : `failed unexpectedly: ${(err as Error).message ?? String(err)}`;
    const problem = err instanceof AppError ? err.extra.problems?.[0] : undefined;
    if (problem) message += ` (${problem.path}: ${problem.message})`;
    process.stderr.write(`interview-desk: ${oneLine(message)}\n`);
    return err instanceof CliError ? err.exitCode : 1;
  }
}

/** The reason on one line, whatever the message held. */
function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
