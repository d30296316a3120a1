/**
 * The scraper's damage as /work/shared/reference/provenance.md describes it, to make texts that
 * lost their numbers: the corroboration benchmark and tests align them with intact copies.
 */

/** One value the damage deleted: where in the damaged line it was, and the digits. */
export interface Loss {
  line: number;
  offset: number;
  value: string;
}

/**
 * The scraper's damage (provenance.md, "How the numbers were lost"): every run of three or more
 * digits is deleted, often with the comma or space beside it: "17 July 2014, calling" ->
 * "17 Julycalling", "in 1998. Until" -> "in Until", "3,500" -> "3,", "in 2014 of" -> "in of".
 */
export function damage(text: string): { text: string; losses: Loss[] } {
  const losses: Loss[] = [];
  const lines = text.split('\n').map((line, i) => {
    let out = '';
    let at = 0;
    for (const m of line.matchAll(/\d{3,}/g)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (start < at) continue;
      const pre = line[start - 1] ?? '';
      const post = line.slice(end, end + 2);
      let cutFrom = start;
      let cutTo = end;
      if (pre === ' ' && post === ', ') [cutFrom, cutTo] = [start - 1, end + 2];
      else if (post === '. ') cutTo = end + 2;
      else if (post === '.' || (post[0] === '.' && end + 1 === line.length)) cutTo = end + 1;
      else if (pre === ' ' && post[0] === ' ') cutTo = end + 1;
      out += line.slice(at, cutFrom);
      losses.push({ line: i + 1, offset: out.length, value: m[0] });
      at = cutTo;
    }
    return out + line.slice(at);
  });
  return { text: lines.join('\n'), losses };
}

