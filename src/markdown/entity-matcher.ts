/**
 * One matcher over every entity name and alias, built once per build and used both to link
 * mentions on section pages and to find mentions for the link graph, so the two always agree.
 *
 * Rules a reader would expect:
 * - whole words only: "Russia" never matches inside "Russian", but does in "NATO-led" for "NATO";
 * - case-insensitive ("The Alliance" matches "the Alliance"), except for acronyms (terms with no
 *   lower-case letter, such as "US" or "EU"), which match exactly, so "US" never links "us";
 * - a possessive belongs to the mention: "Russia's" and "Allies'" match as a whole;
 * - any run of whitespace in the text matches one space in a term;
 * - the longest term wins at a position: "NATO-Russia Council" over "NATO".
 *
 * It is a character trie, so finding every mention in a text costs at most
 * (text length x longest term), whatever the number of entities.
 */
import { collapseWhitespace } from '../lib/text.ts';

/** An entity as the matcher sees it: an id and every name that refers to it. */
export interface EntityTerms {
  id: string;
  /** The name and aliases. */
  terms: readonly string[];
}

/** One mention found in a text: `text.slice(start, end)` names entity `entityId`. */
export interface EntityMatch {
  start: number;
  end: number;
  entityId: string;
  /** The entity term that matched (without the possessive ending). */
  term: string;
}

export interface EntityMatcher {
  /** Every mention in `text`, left to right, none overlapping; the longest term wins at each position. */
  find(text: string): EntityMatch[];
  /** How many distinct terms the matcher knows. */
  readonly size: number;
}

/** Thrown when one term names two entities: a mention of it could not be linked to one page. */
export class AmbiguousTermError extends Error {
  override name = 'AmbiguousTermError';
}

interface Terminal {
  entityId: string;
  term: string;
  /** Acronyms must match letter for letter. */
  exact: boolean;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  terminal?: Terminal;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const SPACE = /\s/;
const isWordChar = (ch: string | undefined): boolean => ch !== undefined && WORD_CHAR.test(ch);
const isSpace = (ch: string | undefined): boolean => ch !== undefined && SPACE.test(ch);

/** A term with its whitespace collapsed to single spaces, as it is stored in the trie. */
export const normaliseTerm = (term: string): string => collapseWhitespace(term);

/**
 * Two terms with the same key land on the same trie node, so they would name the same mention:
 * whitespace collapsed, each UTF-16 unit lower-cased on its own, as the trie stores it.
 */
export const termKey = (term: string): string => normaliseTerm(term).split('').map((unit) => unit.toLowerCase()).join('');

/** True for an acronym or code ("US", "NATO", "U.S.", "9M729"): at least two letters, none lower-case. */
export const isAcronym = (term: string): boolean => !/\p{Ll}/u.test(term) && (term.match(/\p{Lu}/gu)?.length ?? 0) >= 2;

/**
 * Builds the matcher. Throws {@link AmbiguousTermError} when two entities share a term
 * (compared case-insensitively), naming both, since a mention of it would be ambiguous.
 */
export function createEntityMatcher(entities: readonly EntityTerms[]): EntityMatcher {
  const root: TrieNode = { next: new Map() };
  let size = 0;
  for (const entity of entities) {
    for (const raw of entity.terms) {
      const term = normaliseTerm(raw);
      if (term === '') continue;
      let node = root;
      for (let i = 0; i < term.length; i++) {
        const key = (term[i] ?? '').toLowerCase();
        let child = node.next.get(key);
        if (!child) {
          child = { next: new Map() };
          node.next.set(key, child);
        }
        node = child;
      }
      if (node.terminal) {
        if (node.terminal.entityId === entity.id) continue;
        throw new AmbiguousTermError(
          `The term "${term}" names two entities, "${node.terminal.entityId}" and "${entity.id}". A mention of it could not be linked to one page: remove it from the aliases of one of them.`,
        );
      }
      node.terminal = { entityId: entity.id, term, exact: isAcronym(term) };
      size++;
    }
  }
  return { find: (text) => findAll(root, text), size };
}

function findAll(root: TrieNode, text: string): EntityMatch[] {
  const matches: EntityMatch[] = [];
  let i = 0;
  while (i < text.length) {
    if (isWordChar(text[i - 1])) {
      i++;
      continue;
    }
    const match = longestAt(root, text, i);
    if (match) {
      matches.push(match);
      i = match.end;
    } else {
      i++;
    }
  }
  return matches;
}

/** The longest term starting at `start` that ends on a word boundary, with its possessive. */
function longestAt(root: TrieNode, text: string, start: number): EntityMatch | undefined {
  let node: TrieNode | undefined = root;
  let best: EntityMatch | undefined;
  // Each step consumes one UTF-16 unit of the term; a space in the term consumes a whitespace run.
  let j = start;
  while (node && j < text.length) {
    const ch = text[j] ?? '';
    let child: TrieNode | undefined;
    if (isSpace(ch)) {
      child = node.next.get(' ');
      while (j < text.length && isSpace(text[j])) j++;
    } else {
      child = node.next.get(ch.toLowerCase());
      j++;
    }
    node = child;
    const terminal = node?.terminal;
    if (terminal && !isWordChar(text[j]) && (!terminal.exact || sameExactly(text.slice(start, j), terminal.term))) {
      best = { start, end: j, entityId: terminal.entityId, term: terminal.term };
    }
  }
  if (best) best.end = withPossessive(text, best.end, best.term);
  return best;
}

function sameExactly(found: string, term: string): boolean {
  return normaliseTerm(found) === term;
}

/** Extends a match over a possessive ending: "Russia's", "Russia’s", "Allies'". */
function withPossessive(text: string, end: number, term: string): number {
  const apostrophe = text[end] === "'" || text[end] === '’';
  if (!apostrophe) return end;
  if ((text[end + 1] === 's' || text[end + 1] === 'S') && !isWordChar(text[end + 2])) return end + 2;
  if (/s$/i.test(term) && !isWordChar(text[end + 1])) return end + 1;
  return end;
}
