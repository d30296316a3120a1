import { IngestError } from './errors.ts';
import { splitSourceLines } from '../lib/source-text.ts';

/** The scraped text as lines, numbered as the source page numbers them (1-based). */
export interface SourceLines {
  /** Line texts, without line endings or the BOM. `lines[0]` is line 1. */
  lines: string[];
}

/**
 * Decodes the raw bytes of a scraped file, refusing what is not text: empty input, NUL or
 * other control bytes (binary), invalid UTF-8. `name` only serves the error messages.
 */
export function decodeScrapedText(bytes: Uint8Array, name: string): string {
  if (bytes.length === 0) throw new IngestError(`${name} is empty: expected a scraped text (UTF-8). Check the path, or scrape the page again.`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    // The decoder says only that the bytes are invalid; a scan finds where, for the message.
    throw new IngestError(`${name} is not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8(bytes)}): convert it, e.g. iconv -f latin1 -t utf-8 ${name} > fixed.txt`);
  }
  const control = /[\0-\x08\x0b\x0e-\x1f\x7f]/.exec(text);
  if (control) {
    const line = text.slice(0, control.index).split('\n').length;
    throw new IngestError(`${name} looks binary: control character U+${control[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()} on line ${line}. Expected plain text; pass the scraped text, not a PDF or an archive.`);
  }
  if (splitLines(text).lines.every((l) => l.trim() === '')) throw new IngestError(`${name} holds only whitespace: expected a scraped text.`);
  return text;
}

/**
 * Splits text into lines as the source page (src/lib/source-text.ts) does: a leading BOM is
 * dropped, CRLF, CR and LF all end a line, and a final line ending adds no empty line.
 */
export function splitLines(text: string): SourceLines {
  return { lines: splitSourceLines(text) };
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence (for the message only). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += length;
  }
  return i;
}
