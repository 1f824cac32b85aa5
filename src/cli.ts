/**
 * Commander wiring only: the global options, the commands, and a lazy import of
 * each command so that none pays for another's modules.
 */
import { Argument, Command, CommanderError, Option, type OptionValues } from 'commander';
import { CHECK_FAIL_ON, CHECK_FORMATS, DIFF_FORMATS, DIFF_GATES, GROUPINGS, REPORT_FORMATS, SHELLS, STATUS_FORMATS, TIMELINE_GROUPINGS, VALIDATE_FORMATS } from './formats.js';
import { STATES } from './model.js';
import { inert } from './text/inert.js';
import { isUserError, processIo, UserError, type Io } from './shell/io.js';
import { VERSION } from './version.js';

/** bin/roadmap.js turns main()'s code into the exit code once stdout is written. */
export { settleOutput } from './shell/io.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

const GLOBAL_HELP = `
Roadmaps are read from --roadmap, else $ROADMAP_PATH, else the nearest roadmaps/
directory from here up to the top of the git work tree (outside one: ./roadmaps
only); with none found, the command exits 2. Today is --today, else
$ROADMAP_TODAY, else the date in the roadmap's timezone. Exit codes: 0 fine,
1 deadlines missed (check), 2 unusable input, 3 internal error,
4 output not written (e.g. disk full).`;

/**
 * What every command module exports: run(options, io, ...positional) → exit code. The
 * commands built on Run → plan → Output get it from shell/command.ts.
 */
interface CommandModule<A extends unknown[]> {
  readonly run: (options: OptionValues, io: Io, ...args: A) => Promise<number>;
}
type Action = <A extends unknown[]>(load: () => Promise<CommandModule<A>>) => (this: Command, ...args: unknown[]) => Promise<void>;

export function buildProgram(io: Io, done: (code: number) => void): Command {
  const program = new Command('roadmap');
  const action: Action = <A extends unknown[]>(load: () => Promise<CommandModule<A>>) =>
    async function (this: Command, ...args: unknown[]) {
      const { run } = await load();
      // commander hands the positional arguments first, as declared with .argument(). The one cast:
      // commander's own types give an action `any[]` (only @commander-js/extra-typings infers them).
      done(await run(this.optsWithGlobals(), io, ...(args.slice(0, this.registeredArguments.length) as A)));
    };

  program
    .description('Track roadmaps kept as YAML: what is overdue, due soon, active, upcoming and done.')
    .version(VERSION, '-V, --version')
    .option('-r, --roadmap <path>', 'a roadmap file or directory (repeatable)', collect)
    .option('--today <date>', 'take this date (YYYY-MM-DD) as today')
    .option('--horizon <days>', 'days ahead that count as "due soon" and "upcoming" (default: 14)')
    .option('--revision <n>', 'use this revision of each roadmap instead of the highest')
    .option('--no-color', 'no colour (also NO_COLOR=1, or output that is not a terminal)')
    .option('-q, --quiet', 'say less on stderr')
    .addHelpText('after', GLOBAL_HELP)
    .configureHelp({ showGlobalOptions: true, sortSubcommands: false })
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride()
    .showSuggestionAfterError()
    .helpCommand(false);

  // status is the default command, so commander hands it any word that is no command:
  // name the word as an unknown command rather than "too many arguments for 'status'".
  program.hook('preSubcommand', async (parent, sub) => {
    const [word] = parent.args;
    if (sub.name() === 'status' && word !== undefined && word !== 'status' && !word.startsWith('-')) throw await unknownCommand(program, word);
  });

  const filters = (c: Command) =>
    c
      .option('--stage <id>', 'only this stage (repeatable, or comma-separated)', collect)
      .option('--entity <id>', 'only activities this entity is responsible for (repeatable)', collect)
      .option('--state <states>', `only these states, comma-separated: ${STATES.join(',')}`);

  filters(
    program
      .command('status', { isDefault: true })
      .description('tables of every activity and its state, per stage or per entity (the default command)')
      .addOption(new Option('--format <format>', 'output format').choices(STATUS_FORMATS).default('table'))
      .addOption(new Option('--by <grouping>', 'group by').choices(GROUPINGS).default('stage'))
      .option('--limit <n>', 'table: at most n activities per group, then a "more" line (default 25, and 1000 in all; 0: no limit)'),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ roadmap                                   status of the nearest roadmaps/ today
  $ roadmap status --today 2019-07-15 --by entity
  $ roadmap status --state overdue,due-soon --format markdown
  $ roadmap status --format json | jq '.summary'`,
    )
    .action(action(() => import('./commands/status.js')));

  filters(
    program
      .command('check')
      .description('the CI gate: list every window in a failing state; exit 1 if there is one')
      .option('--fail-on <states>', `what fails, comma-separated: ${CHECK_FAIL_ON.join(',')}`, 'overdue')
      .addOption(new Option('--format <format>', 'output format (default: from the --output extension, else text)').choices(CHECK_FORMATS))
      .option('-o, --output <file>', 'write the report to this file: .xml junit, .json json, .md markdown, .txt text (the log then gets the text list, or annotations in GitHub Actions)'),
  )
    .addHelpText(
      'after',
      `
Exit codes: 0 nothing failing, 1 some window failing, 2 unusable input.
When $GITHUB_STEP_SUMMARY is set, a markdown summary is appended to it.

Examples:
  $ roadmap check --today 2019-07-15
  $ roadmap check --fail-on overdue,due-soon --format github
  $ roadmap check --format junit --output roadmap-check.xml
  $ roadmap check --stage II --format json | jq '.activities[].id'`,
    )
    .action(action(() => import('./commands/check.js')));

  program
    .command('validate')
    .description('check roadmap files: every error and warning, with file:line:col; exit 2 on errors')
    .argument('[paths...]', 'files or directories (default: the roadmaps the other commands read)')
    .addOption(new Option('--format <format>', 'output format').choices(VALIDATE_FORMATS).default('text'))
    .option('--strict', 'warnings fail too (exit 2)')
    .option('--only-roadmaps', 'skip the files named that have no top-level schema: key (not roadmaps), as a pre-commit hook needs')
    .addHelpText(
      'after',
      `
Exit codes: 0 valid (warnings allowed unless --strict), 2 errors.

Examples:
  $ roadmap validate
  $ roadmap validate roadmaps/az-ogp-2019-21.yaml --strict
  $ roadmap validate --format github        # annotations on the pull request`,
    )
    .action(action(() => import('./commands/validate.js')));

  program
    .command('diff')
    .description('what changed between two versions of the roadmaps: files, editions (ID@N) or git revisions')
    .argument('<old>', 'a file or directory, an edition ID@N, a git revision (main, HEAD~1) or REV:path')
    .argument('[new]', 'the same kinds (default: the working tree)')
    .addOption(new Option('--format <format>', 'output format').choices(DIFF_FORMATS).default('text'))
    .option('--fail-on <changes>', `exit 1 when any of these is present, comma-separated: ${DIFF_GATES.join(',')}`)
    .addHelpText(
      'after',
      `
An argument is read as an existing path first, then ID@N, then REV:path (path
relative to the current directory), then a git revision, read at the paths the
working tree uses (-r, $ROADMAP_PATH, else the nearest roadmaps/ upwards).

Examples:
  $ roadmap diff HEAD                          what the uncommitted edits change
  $ roadmap diff origin/main --format markdown >> "$GITHUB_STEP_SUMMARY"
  $ roadmap diff main --fail-on extended,removed
  $ roadmap diff az-ogp-2019-21@1 az-ogp-2019-21@2
  $ roadmap diff HEAD~3:roadmaps/plan.yaml roadmaps/plan.yaml --format json`,
    )
    .action(action(() => import('./commands/diff.js')));

  filters(
    program
      .command('timeline')
      .description('a Gantt chart of the activity windows, with a marker at today')
      .addOption(new Option('--by <grouping>', 'group rows by').choices(TIMELINE_GROUPINGS).default('stage'))
      .option('--width <columns>', 'chart width (default: the terminal width, else 100)')
      .option('--from <date>', 'first day shown: a day, a month or a year (default: the first window)')
      .option('--to <date>', 'last day shown: a day, a month or a year (default: the last window)'),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ roadmap timeline --today 2019-10-01
  $ roadmap timeline --by entity --entity CCC
  $ roadmap timeline --from 2019-06 --to 2019 --width 120`,
    )
    .action(action(() => import('./commands/timeline.js')));

  filters(
    program
      .command('report')
      .description('publish the status: a self-contained HTML page, an iCalendar file, a Mermaid gantt chart or Markdown')
      .addOption(new Option('--format <format>', 'output format (default: from the --output extension, else markdown)').choices(REPORT_FORMATS))
      .option('--output <file>', 'write to this file (atomically) instead of stdout'),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ roadmap report --format html --output status.html
  $ roadmap report --format ics --entity CCC --output ccc.ics
  $ roadmap report --format mermaid
  $ roadmap report --format markdown --state overdue,due-soon`,
    )
    .action(action(() => import('./commands/report.js')));

  addEditCommands(program, action);

  // roadmap import (SPEC §3, rev. 2): one self-contained block.
  program
    .command('import <file>')
    .description('turn a roadmap document (.txt .tsv .md .html .docx) into a roadmap file, with a review report')
    .option('--id <id>', 'roadmap id (default: from the document title): lower-case letters, digits and -')
    .option('--output [file]', 'write the roadmap to this file (alone: roadmaps/<id>.yaml); default: stdout')
    .addOption(new Option('--format <format>', 'what is printed or written').choices(['yaml', 'json'] as const).default('yaml'))
    .option('--year <yyyy>', 'the year of periods that name none, where no stage heading gives one')
    .option('--report <file>', 'write the review report there as Markdown instead of to stderr')
    .option('--force', 'replace an existing --output file')
    .addHelpText(
      'after',
      `
Tables are found by their header row (activity, period, responsible, in any
order); stages from the headings above them. Every interpretation is reported
with its place in the document; a period it cannot read is written with a
window that fails validate ("period not understood: review").
Exit codes: 0 everything understood, 1 something to review, 2 not readable.

Examples:
  $ roadmap import roadmap.docx --output             writes roadmaps/<id>.yaml
  $ roadmap import plan.html --id city-plan-2025 --output roadmaps/city.yaml
  $ roadmap import plan.txt --year 2020 --report review.md > roadmaps/plan.yaml
  $ roadmap validate roadmaps/plan.yaml              after fixing the flagged lines`,
    )
    .action(action(() => import('./commands/import.js')));

  program
    .command('schema')
    .description('print the JSON Schema of the roadmap file format (for editors)')
    .addHelpText(
      'after',
      `
Example:
  $ mkdir -p schema && roadmap schema > schema/roadmap.schema.json`,
    )
    .action(action(() => import('./commands/schema.js')));

  program
    .command('completion')
    .description('print a shell completion script: commands, options, their values and the ids in your roadmaps')
    .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(SHELLS))
    .addHelpText(
      'after',
      `
Examples:
  $ source <(roadmap completion bash)          in ~/.bashrc
  $ source <(roadmap completion zsh)           in ~/.zshrc, after compinit
  $ roadmap completion fish > ~/.config/fish/completions/roadmap.fish`,
    )
    .action(action(() => import('./commands/completion.js')));

  program
    .command('help')
    .argument('[command]')
    .description('display help for command')
    .action(async (name?: string) => {
      if (name === undefined) return program.help();
      const command = program.commands.find((c) => c.name() === name);
      if (!command) throw await unknownCommand(program, name);
      command.help();
    });

  return program;
}

async function unknownCommand(program: Command, word: string): Promise<UserError> {
  const { closest } = await import('./suggest.js');
  const letters = (w: string) => [...w.toLowerCase()].sort().join('');
  const candidates = closest(
    word,
    program.commands.map((c) => c.name()),
    3,
  );
  // Two letters swapped is the likeliest typo ('stauts'), though as far as 'start' by edit count.
  const near = candidates.find((c) => letters(c) === letters(word)) ?? candidates[0];
  return new UserError(`unknown command '${inert(word)}'${near ? ` (did you mean '${near}'?)` : ''}`);
}

/** Runs the command line; resolves to the exit code. */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  let code = 0;
  const program = buildProgram(io, (c) => (code = c));
  // The completion scripts' hidden call, on every TAB: before commander, which would read its words as options.
  if (argv[2] === '__complete') return (await import('./commands/complete.js')).run(program, argv.slice(argv[3] === '--' ? 4 : 3), io);
  try {
    await program.parseAsync([...argv]);
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (isUserError(error)) {
      io.err(`roadmap: ${error.message}\n`);
      return error.exitCode;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    // dist/ is bundled; source maps cost start-up time, so they are on only when asked for.
    const maps = process.sourceMapsEnabled ? '' : '(run it again with NODE_OPTIONS=--enable-source-maps for positions in src/)\n';
    io.err(`roadmap: internal error. This is a bug in roadmap; please report it with the command you ran.\n${maps}${detail}\n`);
    return 3;
  }
}

const EDIT_HELP = `
An edit changes only the lines of that activity (comments, quoting and layout
elsewhere stay as they are), checks the result, and writes it atomically.
ID may be qualified as ROADMAP-ID:ACTIVITY-ID.`;

/** done, start, cancel, reopen, move (SPEC §3), update and init. */
function addEditCommands(program: Command, action: Action): void {
  const edit = (name: string, description: string) =>
    program
      .command(`${name} <id>`)
      .description(description)
      .option('--window <label|n>', 'for an activity with windows: the window, by label or number (1 = first)')
      .option('--dry-run', 'print the diff of the change and write nothing');

  edit('done', 'mark an activity (or one of its windows) done')
    .option('--on <date>', 'completion date (default: today)')
    .option('--evidence <url>', 'a link showing completion (repeatable)', collect)
    .addHelpText(
      'after',
      `${EDIT_HELP}

Examples:
  $ roadmap done 1.1 --on 2019-04-20 --evidence https://example.org/minutes
  $ roadmap done 3.4 --window "mid-term monitoring" --on 2021-02-26
  $ roadmap done az-ogp-2019-21:2.1 --dry-run`,
    )
    .action(action(() => import('./commands/done.js')));

  edit('start', 'record the date work on an activity started')
    .option('--on <date>', 'start date (default: today)')
    .addHelpText(
      'after',
      `${EDIT_HELP}

Example:
  $ roadmap start 2.3 --on 2019-07-01`,
    )
    .action(action(() => import('./commands/start.js')));

  edit('cancel', 'withdraw an activity, with the reason (it is never overdue after)')
    .option('--reason <text>', 'why it was withdrawn (required)')
    .addHelpText(
      'after',
      `${EDIT_HELP}

Example:
  $ roadmap cancel 2.5 --reason "merged into 2.6"`,
    )
    .action(action(() => import('./commands/cancel.js')));

  edit('reopen', 'remove done and cancelled from an activity')
    .addHelpText(
      'after',
      `${EDIT_HELP}

Example:
  $ roadmap reopen 1.1`,
    )
    .action(action(() => import('./commands/reopen.js')));

  edit('move', 'reschedule an activity to another window')
    .option('--to <window>', 'the new window: 2019-05..2019-06, 2019-06, 2019-12-31, "3.1.end + 1 month", "{start: A, end: B}"')
    .addHelpText(
      'after',
      `${EDIT_HELP}

Examples:
  $ roadmap move 2.1 --to 2019-07
  $ roadmap move 3.3 --window 2 --to "3.1.start + 11 months..3.1.start + 13 months"`,
    )
    .action(action(() => import('./commands/move.js')));

  addStructureEdits(program, action);

  program
    .command('assess [id]')
    .description('record a rating of an activity by an assessor, or a filled-in rating sheet (--from)')
    .option('--by <assessor>', 'who rates: an id under assessors: (required)')
    .option('--as-of <date>', 'the date the rating describes (required; not after today)')
    .option('--level <level>', 'completion: not-started, limited, substantial, complete; or no-evidence (or a level of --scale)')
    .option('--scale <name>', 'the scale of --level (default: completion)')
    .option('--window <label|n>', 'rate one labelled window instead of the whole activity')
    .option('--source <url>', 'where the rating is published')
    .option('--evidence <url>', 'a link the rating rests on (repeatable)', collect)
    .option('--note <text>', 'a note with the rating')
    .option('--published <date>', 'the date the rating was published (on or after --as-of)')
    .option('--from <sheet.csv>', 'record every row with a level of a rating sheet (see roadmap sheet)')
    .option('--dry-run', 'print the diff of the change and write nothing')
    .addHelpText(
      'after',
      `
Every rating is checked (assessor, level, window, one rating per assessor and
date) before anything is written; then each roadmap file is written atomically.
A sheet's problems are named SHEET.csv:ROW:COLUMN (header = row 1).

Examples:
  $ roadmap assess 1.1 --by NGOS --level limited --as-of 2020-06-30 --source https://example.org/report
  $ roadmap assess 3.4 --by IRM --window "mid-term monitoring" --level substantial --as-of 2021-02-28
  $ roadmap assess --from ngo-2021.csv --by NGOS --as-of 2021-01-31 --dry-run`,
    )
    .action(action(() => import('./commands/assess.js')));

  program
    .command('sheet')
    .description('write a CSV rating sheet for an assessor to fill in: one row per activity and labelled window')
    .option('--by <assessor>', 'who rates: an id under assessors: (required)')
    .option('--as-of <date>', 'the date the ratings describe; the "previous" column is the latest rating then (default: today)')
    .option('--output <file>', 'write to this file (atomically) instead of stdout')
    .addHelpText(
      'after',
      `
The sheet is UTF-8 with a byte-order mark and CRLF line ends, as spreadsheet
programs read and write it. Fill in level (and source, evidence, note), save as
CSV (UTF-8), and record it with roadmap assess --from. Rows left without a level
are skipped.

Examples:
  $ roadmap sheet --by NGOS --as-of 2021-01-31 --output ngo-2021.csv
  $ roadmap assess --from ngo-2021.csv --by NGOS --as-of 2021-01-31`,
    )
    .action(action(() => import('./commands/sheet.js')));

  program
    .command('update')
    .description('interactive: pick an activity (most urgent first), choose an edit, see the diff, confirm')
    .addHelpText(
      'after',
      `
Needs a terminal. Each edit it offers is also a command: done, start, cancel,
reopen, move, add, assign, set, remove. Ctrl+C ends it without writing (exit 130).

Example:
  $ roadmap update --today 2019-07-15`,
    )
    .action(action(() => import('./commands/update.js')));

  program
    .command('init')
    .description('create a new roadmap file (asks in a terminal for what the flags leave out)')
    .option('--id <id>', 'roadmap id: lower-case letters, digits and -')
    .option('--title <title>', 'roadmap title')
    .option('--timezone <zone>', 'IANA time zone in which "today" is taken, e.g. Europe/Paris')
    .option('--entity <ID=Name>', 'a responsible entity (repeatable)', collect)
    .option('--stage-id <id>', 'id of the first stage (default: I)')
    .option('--stage-title <title>', 'title of the first stage (default: "First stage")')
    .option('--stage-window <window>', 'window of the first stage, e.g. 2025-01..2025-06')
    .option('--output <file>', 'file to create (default: roadmaps/<id>.yaml)')
    .option('--dry-run', 'print the file instead of writing it')
    .addHelpText(
      'after',
      `
With --id and --title it asks nothing; otherwise it needs a terminal.
The file starts with a yaml-language-server modeline pointing at the JSON Schema.

Examples:
  $ roadmap init
  $ roadmap init --id city-plan-2025 --title "City open data plan" --timezone Europe/Paris \\
      --entity "CITY=City council" --stage-title Preparation --stage-window 2025-01..2025-03`,
    )
    .action(action(() => import('./commands/init.js')));
}

const STRUCTURE_HELP = `
Like the other edits it changes only the lines it must, checks the result and
writes it atomically; --dry-run prints the diff instead. When several roadmaps
are loaded, qualify the id as ROADMAP-ID:ID.`;

/** add, add-stage, add-entity, assign, set, remove (SPEC §3, revision 2). */
function addStructureEdits(program: Command, action: Action): void {
  const dryRun = (c: Command) => c.option('--dry-run', 'print the diff of the change and write nothing');

  dryRun(
    program
      .command('add <stage>')
      .description('add an activity to a stage, written in the style of its neighbours')
      .option('--id <id>', 'the new activity id (unique among stage and activity ids)')
      .option('--title <text>', 'what is to be done')
      .option('--window <window>', 'when: 2020-01..2020-03, 2020-06, 2020-12-31, "3.1.end + 1 month", "{start: A, end: B}"')
      .option('--responsible <ids>', 'responsible entity id(s), comma-separated')
      .option('--support <ids>', 'supporting entity id(s), comma-separated (repeatable)', collect)
      .option('--after <id>', 'place it after this activity (default: at the end of the stage)')
      .option('--period <text>', 'the period as the source document words it'),
  )
    .addHelpText(
      'after',
      `${STRUCTURE_HELP}

Examples:
  $ roadmap add II --id 2.10 --title "Publishing the adopted plan" --window 2020-01..2020-03 --responsible CCC
  $ roadmap add II --id 2.4a --title "Expert review" --window 2019-08 --responsible TA --support NGOS --after 2.4`,
    )
    .action(action(() => import('./commands/add.js')));

  dryRun(
    program
      .command('add-stage')
      .description('add a stage (then its activities with add)')
      .option('--id <id>', 'the new stage id (unique among stage and activity ids)')
      .option('--title <text>', 'stage title')
      .option('--window <window>', 'the stage window, e.g. 2022-01..2022-06')
      .option('--after <id>', 'place it after this stage (default: last)'),
  )
    .addHelpText(
      'after',
      `${STRUCTURE_HELP}

Example:
  $ roadmap add-stage --id IV --title "Evaluation" --window 2022-01..2022-06`,
    )
    .action(action(() => import('./commands/add-stage.js')));

  dryRun(
    program
      .command('add-entity <entity>')
      .description('add a responsible or supporting entity')
      .option('--name <text>', 'its full name')
      .option('--alias <text>', 'another name it goes by (repeatable)', collect),
  )
    .addHelpText(
      'after',
      `${STRUCTURE_HELP}

Examples:
  $ roadmap add-entity MOJ --name "Ministry of Justice"
  $ roadmap add-entity MOJ --name "Ministry of Justice" --alias "Justice Ministry"`,
    )
    .action(action(() => import('./commands/add-entity.js')));

  dryRun(
    program
      .command('assign <id>')
      .description('replace the responsible and/or supporting entities of an activity')
      .option('--responsible <ids>', 'responsible entity id(s), comma-separated')
      .option('--support <ids>', 'supporting entity id(s), comma-separated; "" removes support', collect),
  )
    .addHelpText(
      'after',
      `${STRUCTURE_HELP}

Examples:
  $ roadmap assign 2.5 --responsible CCC
  $ roadmap assign 1.3 --responsible OGP-AZ,NGOS --support ""`,
    )
    .action(action(() => import('./commands/assign.js')));

  dryRun(
    program
      .command('set <id>')
      .description('change the title, period, notes or tags of an activity')
      .option('--title <text>', 'the new title')
      .option('--period <text>', 'the period as the source words it ("" removes it)')
      .option('--notes <text>', 'notes ("" removes them)')
      .option('--tags <tags>', 'tags, comma-separated ("" removes them)'),
  )
    .addHelpText(
      'after',
      `${STRUCTURE_HELP}
Text is quoted as YAML needs, so it always reads back as written.

Examples:
  $ roadmap set 2.5 --title "Organizing online TV and radio broadcasts"
  $ roadmap set 1.1 --period "March-April, 2019" --tags launch,government`,
    )
    .action(action(() => import('./commands/set.js')));

  dryRun(program.command('remove <id>').description('remove an activity (and the comment lines right above it)'))
    .addHelpText(
      'after',
      `${STRUCTURE_HELP}
An activity another one's relative date refers to is not removed: the message
names those dates (file:line:col); move them first.

Example:
  $ roadmap remove 2.10`,
    )
    .action(action(() => import('./commands/remove.js')));
}
