/**
 * The one failure the CLI reports as it is: run.ts prints its message as one line on stderr and
 * exits with its code. In a module of its own so that run.ts can check arguments without loading
 * the importers io.ts needs.
 */

/** A failure to report as one line; exit code 1 for a failure, 2 for a usage mistake. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
