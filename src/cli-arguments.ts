/**
 * The one-shot command line (`npm run lexicon -- compare "confidence building" trust --json`):
 * its own flags are taken out, and the rest is joined back into one command line, quoting
 * arguments that the shell had kept together, for the same parser every text surface uses.
 */

/** The commands answered from the team's store (`cli-storage.ts`, loaded only for them). */
export const STORAGE_COMMANDS: ReadonlySet<string> = new Set(['stats', 'settings']);

export interface CliArguments {
  json: boolean;
  help: boolean;
  /** The command line to parse, e.g. `compare "confidence building" trust`; '' when none. */
  line: string;
  /** `--page N`: which page of a long answer (1-based). */
  page?: number;
  /** `--lang LOCALE`: the language of the bot's own words, as given (ja, ja_JP.UTF-8, zh-Hant…). */
  lang?: string;
  /** A flag we do not know, e.g. "--jsn", or a flag with a bad value: a usage error. */
  unknownFlag?: string;
}

/** Quote pairs the command-line parser understands, tried in order. */
const QUOTE_PAIRS: [open: string, close: string][] = [
  ['"', '"'],
  ['“', '”'],
  ['「', '」'],
  ['『', '』'],
  ['«', '»'],
];
const OPENING_QUOTES = new Set(['"', '“', '„', '‘', "'", '«', '「', '『']);

/** Read argv (without node and the script). `--` ends the flags: what follows is all arguments. */
export function parseCliArguments(argv: readonly string[]): CliArguments {
  const result: CliArguments = { json: false, help: false, line: '' };
  const words: string[] = [];
  let flagsEnded = false;
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]!;
    if (!flagsEnded && (arg === '--page' || arg.startsWith('--page='))) {
      const value = arg === '--page' ? argv[++index] : arg.slice('--page='.length);
      if (value !== undefined && /^[1-9]\d{0,3}$/.test(value)) result.page = Number(value);
      else result.unknownFlag ??= `${arg === '--page' ? '--page ' : ''}${value ?? ''}`.trim();
    } else if (!flagsEnded && (arg === '--lang' || arg.startsWith('--lang='))) {
      const value = arg === '--lang' ? argv[++index] : arg.slice('--lang='.length);
      if (value !== undefined && value !== '' && !value.startsWith('--')) result.lang = value;
      else result.unknownFlag ??= arg;
    } else if (!flagsEnded && arg === '--') {
      flagsEnded = true;
    } else if (!flagsEnded && arg === '--json') {
      result.json = true;
    } else if (!flagsEnded && (arg === '--help' || arg === '-h')) {
      result.help = true;
    } else if (!flagsEnded && /^--(public|private)$/i.test(arg)) {
      // Visibility flags mean nothing in a terminal, but the parser accepts them.
      words.push(arg);
    } else if (!flagsEnded && arg.startsWith('--')) {
      result.unknownFlag ??= arg;
    } else {
      words.push(arg);
    }
  }
  result.line = words.map(quoteArgument).join(' ');
  return result;
}

/** One argument as the parser will read it back: quoted when it holds spaces or starts with a quote. */
export function quoteArgument(arg: string): string {
  const needsQuotes = arg === '' || /\s/.test(arg) || OPENING_QUOTES.has(arg[0] ?? '');
  if (!needsQuotes) return arg;
  const pair = QUOTE_PAIRS.find(([, close]) => !arg.includes(close));
  // An argument containing every closing quote cannot be quoted; its words then stay apart.
  return pair ? pair[0] + arg + pair[1] : arg;
}
