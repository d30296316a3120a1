/**
 * Words and phrases of the site's four topics, for generated benchmark text that reads like the
 * seed source: the same names (so entity linking has mentions to find), the same register, the
 * same scraper debris. The wording is ours; only the names are shared with the seed content.
 */
import type { TopicId } from '../src/schemas/topic.ts';

/** Names the seed entities carry, so generated paragraphs mention entities as real ones do. */
export const NAMES = [
  'NATO', 'Russia', 'the United States', 'Ukraine', 'Crimea', 'Georgia', 'the Republic of Moldova',
  'Abkhazia', 'South Ossetia', 'the INF Treaty', 'the Minsk Agreements', 'the NATO-Russia Council',
  'the European Union', 'Afghanistan', 'Pakistan', 'Turkey', 'the Netherlands', 'Australia',
  'the Soviet Union', 'the Lisbon Summit', 'UNODC', 'STANDEX', 'flight MH17', 'the 9M729 missile system',
] as const;

/** Who acts in a sentence, per topic. */
export const SUBJECTS: Record<TopicId, readonly string[]> = {
  'nato-stance': ['The Allies', 'NATO', 'Allied leaders', 'The Alliance', 'NATO Foreign Ministers', 'Allies'],
  history: ['The United States', 'The Soviet government', 'President Wilson', 'The Department of State', 'American diplomats', 'Moscow'],
  cooperation: ['The NATO-Russia Council', 'NRC experts', 'Russia and NATO', 'The joint project', 'Trainers from Allied countries', 'The Council'],
  'us-policy': ['The United States', 'Washington', 'The administration', 'U.S. officials', 'The Department of State', 'Congress'],
};

/** What they do. */
export const VERBS = [
  'continue to call on', 'have repeatedly urged', 'remain committed to working with', 'strongly condemn the actions of',
  'stand in solidarity with', 'have suspended practical cooperation with', 'seek a constructive relationship with',
  'have responded to the changed environment around', 'agreed to develop a joint analysis with', 'regret the decisions of',
  'support the territorial integrity of', 'keep channels of communication open with', 'expressed concern about',
] as const;

/** Rest of a sentence: what the action concerns. */
export const COMPLEMENTS = [
  'to comply with international law and its international obligations',
  'in order to reduce misunderstandings and increase predictability',
  'within their internationally recognised borders',
  'on issues of common concern such as counter-terrorism and counter-narcotics',
  'while remaining open to a periodic, focused and meaningful dialogue',
  'through the projection of strength and unity with partners and allies',
  'to facilitate cooperation on global issues and promote foreign investment and trade',
  'based on respect for international law and the principles of the Helsinki Final Act',
  'after the illegal and illegitimate annexation of the peninsula',
  'until the conditions for that relationship are met',
  'to enable the stand-off detection of explosive devices in mass transport environments',
  'in the training of counter-narcotics personnel from Central Asian states',
  'to reverse its recognition of the breakaway regions as independent states',
  'with a cessation of efforts to interfere in democratic processes',
] as const;

/** Short clauses joined to sentences for variety. */
export const CLAUSES = [
  'as the Allies have noted', 'according to the fact sheet', 'in the years that followed',
  'despite repeated calls', 'at the summit meeting', 'in close consultation with partners',
  'over the past decade', 'as a matter of principle', 'in line with earlier decisions',
] as const;

/** Words for titles and headings. */
export const TITLE_WORDS = [
  'Dialogue', 'Deterrence', 'Sanctions', 'Recognition', 'Cooperation', 'Security', 'Stability', 'Arms control',
  'Transparency', 'Partnership', 'Sovereignty', 'Consultations', 'Training', 'Verification', 'Commitments', 'Trust',
] as const;

/** The publishers a scraped compilation pastes from, with the page-title suffix each adds. */
export const PUBLISHERS = ['NATO', 'U.S. Department of State', 'BBC News', 'Wikipedia', 'Global News', 'Reuters'] as const;
