import nlp from 'compromise';

/**
 * Named things in a text, found with compromise's tagger: runs of proper nouns and acronyms,
 * joined across "of", "for", "and", "in" only when the run names an institution or a treaty
 * ("Organization for Security and Co-operation in Europe"), titles ("President", "Foreign
 * Minister") taken off the front and kept as a clue to the kind. Fragments ("The United", "In
 * April"), sentence-initial common words and single common nouns are kept out.
 */

/** One name as written, with what the words around it say about its kind. */
export interface Candidate {
  name: string;
  /** Compromise's tags on the name's words (Person, Place, Organization, Acronym…). */
  tags: Set<string>;
  /** The title taken off the front ("President"), if any. */
  title?: string;
  /** The word before the name ("in", "at"…), lower case. */
  before?: string;
}

interface Term { text: string; pre: string; post: string; tags: string[] }

// Words that make a run an institution's or a document's name, so it may span "of", "for", "and", "in".
const HEADS = /\b(treaty|agreement|accord|act|convention|protocol|pact|charter|program(me)?|plan|initiative|project|summit|conference|talks|war|crisis|revolution|council|organi[sz]ation|agency|institute|ministry|department|senate|duma|congress|commission|committee|union|federation|empire|republic|staff|office|bank|fund|party|alliance|forces|cooperation|co-operation|security)\b/i;
const CONNECTORS = new Set(['of', 'for', 'and', 'in', 'on', 'the', 'de']);
// Titles and ranks before a name: a clue that a person follows, never part of the name.
const TITLES = /^(president|presidents|pres|vice|prime|foreign|defen[cs]e|deputy|secretary|minister|general|senator|senators|sen|rep|ambassador|chancellor|tsar|czar|king|queen|pope|dr|mr|mrs|ms|prof|gen|adm|col|chairman|premier|governor|mayor|leader|envoy|spokesman|spokeswoman|of|state)$/i;
const COMMON = /^(the|a|an|this|that|these|those|it|its|their|his|her|our|to|of|with|into|in|on|at|by|for|from|after|before|since|during|under|over|through|while|when|but|and|or|as|with|summary|background|introduction|conclusion|overview|contents|references|notes|officials|critics|inspectors|ambassadors|allies|presidents|leaders|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)$/i;

const isNamey = (t: Term): boolean =>
  /^[\p{Lu}\d]/u.test(t.text) && !t.tags.includes('Date') && !t.tags.includes('Month') && (t.tags.includes('ProperNoun') || t.tags.includes('Acronym') || t.tags.includes('Person') || t.tags.includes('Place') || t.tags.includes('Organization') || /^\p{Lu}[\p{L}-]*$/u.test(t.text));

/** The candidate names of `text`, in order of first appearance, each once (by name). */
export function entityCandidates(text: string): Candidate[] {
  const found = new Map<string, Candidate>();
  const lower = new Set(text.match(/(?<![\p{L}])\p{Ll}[\p{L}-]+/gu) ?? []);
  for (const sentence of nlp(text).json() as { terms: Term[] }[]) {
    const terms = sentence.terms;
    let i = 0;
    while (i < terms.length) {
      if (!isNamey(terms[i]!)) { i++; continue; }
      let j = i;
      // Extend across names and connectors; a comma or stop after a word ends the run.
      while (j + 1 < terms.length && (terms[j]!.post.trim() === '' || terms[j]!.post === '-' || isShortened(terms[j]!))) {
        const next = terms[j + 1]!;
        if (next.pre.trim() !== '') break;
        if (isNamey(next) || terms[j]!.post === '-') { j++; continue; }
        if (CONNECTORS.has(next.text.toLowerCase()) && terms[j + 2] && isNamey(terms[j + 2]!) && next.post.trim() === '' && terms[j + 2]!.pre.trim() === '') { j += 2; continue; }
        break;
      }
      for (const part of splitRun(terms.slice(i, j + 1))) addCandidate(found, part, i === 0 && part[0] === terms[i], terms[i - 1], lower);
      i = j + 1;
    }
  }
  return [...found.values()];
}

/** A run joined by "and"/"in" stays whole only when it names an institution or a document; else it splits there. */
function splitRun(run: Term[]): Term[][] {
  const text = run.map((t) => t.text).join(' ');
  if (HEADS.test(text) && run.length <= 10) return [run];
  const parts: Term[][] = [[]];
  for (const t of run) {
    if (['and', 'in', 'on', 'the', 'de'].includes(t.text.toLowerCase())) parts.push([]);
    else parts.at(-1)!.push(t);
  }
  return parts.filter((p) => p.length > 0);
}

function addCandidate(found: Map<string, Candidate>, run: Term[], opensSentence: boolean, beforeTerm: Term | undefined, lower: ReadonlySet<string>): void {
  const words = [...run];
  const titles: string[] = [];
  // "Czech President Václav Klaus": a nationality before a title goes with the title.
  // "Soviet Foreign Minister Maxim Litvinov", "NATO Secretary General J. Stoltenberg": the name follows the last title.
  const lastTitle = words.findLastIndex((t) => TITLES.test(t.text.replace(/\.$/, '')) && !/^(of|state)$/i.test(t.text));
  if (lastTitle > 0 && words.length - lastTitle - 1 >= 2) titles.push(...words.splice(0, lastTitle + 1).map((t) => t.text));
  // A common word opening the sentence ("Support for NATO-led …") is no part of the name after it.
  if (opensSentence && words.length > 1 && isCommonWord(words[0]!.text)) {
    words.shift();
    while (words.length && /^(of|for|and|in|on|the)$/i.test(words[0]!.text)) words.shift();
  }
  while (words.length > 1 && TITLES.test(words[0]!.text.replace(/\.$/, ''))) titles.push(words.shift()!.text);
  while (words.length && COMMON.test(words[0]!.text)) words.shift();
  while (words.length && (/^(of|for|and|in|on|the|de)$/i.test(words.at(-1)!.text) || (words.length > 1 && COMMON.test(words.at(-1)!.text)))) words.pop();
  if (words.length === 0) return;
  const name = words.map((t, k) => t.text + (k < words.length - 1 ? (/^[-–]$/.test(t.post.trim()) ? t.post.trim() : isShortened(t) ? '. ' : ' ') : '')).join('').replace(/['’]s$/, '').replace(/[.,;:]+$/, '');
  const tags = new Set(words.flatMap((t) => t.tags));
  if (!keepName(name, words, tags, opensSentence && titles.length === 0, lower)) return;
  if (found.has(name)) return;
  found.set(name, { name, tags, ...(titles.length ? { title: titles.join(' ') } : {}), ...(beforeTerm ? { before: beforeTerm.text.toLowerCase() } : {}) });
}

/** Keeps out fragments, common words capitalised at a sentence start, demonyms and lone common nouns. */
function keepName(name: string, words: Term[], tags: Set<string>, opensSentence: boolean, lower: ReadonlySet<string>): boolean {
  if (!/\p{L}{2}/u.test(name) || /^\d/.test(name) || lower.has(name.toLowerCase()) || ADJECTIVAL.test(name)) return false;
  // A word the scraper glued to the next ("Aprilthe", "UNODCfixed") is no name: the gap detector flags it.
  if (words.some((t) => GLUED.test(t.text))) return false;
  if (words.length === 1) {
    const w = words[0]!;
    if (COMMON.test(w.text) || TITLES.test(w.text) || HEADS.test(w.text) || w.tags.includes('Demonym') || w.tags.includes('Adjective') || w.tags.includes('Date')) return false;
    const named = tags.has('Person') || tags.has('Place') || tags.has('Organization') || tags.has('Acronym');
    // A lone capitalised word is a name only when the tagger knows it as one, or it is not a common word in lower case.
    if (!named && (opensSentence || lower.has(w.text.toLowerCase()) || isCommonWord(w.text))) return false;
  }
  // "The United": a run ending on a word that only makes sense with the next one.
  if (/^(united|new|south|north|east|west|central|soviet|russian|american)$/i.test(words.at(-1)!.text)) return false;
  return true;
}

const MONTH = 'January|February|March|April|May|June|July|August|September|October|November|December';
const GLUED = new RegExp(`^(?:(?:${MONTH})\\p{Ll}+|\\p{Lu}{2,}\\p{Ll}{3,})$`, 'u');
// "NATO-led", "Kremlin-backed": an adjective made from a name, not a name.
const ADJECTIVAL = /-(led|based|backed|owned|run|made|style|era|wide|funded|brokered)$/i;

const LEXICON = (nlp as unknown as { model: () => { one: { lexicon: Record<string, string | string[]> } } }).model().one.lexicon;
// Endings of abstract and common nouns: "Alliance", "Summary", "Implementation".
const COMMON_ENDING = /(tion|sion|ment|ance|ence|ity|ness|ism|ship|ary|ery|ing|als?)$/i;

/** True when the word in lower case is in compromise's lexicon as a common word, or has a common noun's ending. */
function isCommonWord(word: string): boolean {
  const entry = LEXICON[word.toLowerCase()];
  const tags = entry === undefined ? [] : Array.isArray(entry) ? entry : [entry];
  if (tags.some((t) => /City|Country|Place|Region|Person|Name|Organization/.test(t))) return false;
  return tags.length > 0 || COMMON_ENDING.test(word);
}

/** "St." or an initial: a full stop that does not end the name. */
const isShortened = (t: Term): boolean => t.post.trim() === '.' && (t.tags.includes('Abbreviation') || /^\p{Lu}$/u.test(t.text) || TITLES.test(t.text));
