/**
 * Errors across a worker thread's message port, which carries data, not Error objects: the
 * worker sends {@link toPlainError}, the main thread throws {@link fromPlainError}. A VFile
 * message's place (`line`, `column`, `file`…) rides along, so a build error still names the
 * file, line and column.
 */

/** An error as plain data: name, message, stack and its other string, number and boolean fields. */
export type PlainError = Record<string, string | number | boolean | null | undefined> & { message: string };

export function toPlainError(error: unknown): PlainError {
  if (!(error instanceof Error)) return { message: String(error) };
  const plain: PlainError = { name: error.name, message: error.message, stack: error.stack };
  for (const [key, value] of Object.entries(error)) {
    if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') plain[key] = value;
  }
  return plain;
}

/** The Error to throw for a {@link PlainError} from a worker. */
export function fromPlainError(plain: PlainError): Error {
  return Object.assign(new Error(plain.message), plain);
}
