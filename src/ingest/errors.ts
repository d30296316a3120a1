/**
 * An input problem the user can fix: the CLI prints the message and exits with code 2, having
 * written nothing. Anything else thrown is a bug and keeps its stack.
 */
export class IngestError extends Error {
  override readonly name = 'IngestError';
}
