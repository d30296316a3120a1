/**
 * Words and phrases of the site's four topics, for generated benchmark text that reads like the
 * seed source: the same names (so entity linking has mentions to find), the same register, the
 * same scraper debris. The wording is ours; only the names are shared with the seed content.
 *
 * Each topic has its own subjects, verbs, names and complements, chosen so that the ingest's
 * classifier (src/ingest/rules.ts) puts every paragraph of a generated section in that
 * section's topic: then n generated sections ingest as about n draft sections, and the
 * benchmark's sizes mean what they say.
 */
import type { TopicId } from '../src/schemas/topic.ts';

export interface TopicVocabulary {
  subjects: readonly string[];
  verbs: readonly string[];
  /** Names of seed entities, so pages carry entity links as real ones do. */
  names: readonly string[];
  complements: readonly string[];
  titleWords: readonly string[];
}

export const VOCABULARY: Record<TopicId, TopicVocabulary> = {
  'nato-stance': {
    subjects: ['The Allies', 'NATO', 'Allied leaders', 'The Alliance', 'NATO Foreign Ministers', 'Allies'],
    verbs: ['continue to call on', 'have repeatedly urged', 'stand in solidarity with', 'strongly condemn the actions of', 'support the territorial integrity of'],
    names: ['Ukraine', 'Crimea', 'Georgia', 'the Republic of Moldova', 'Abkhazia', 'South Ossetia', 'the INF Treaty', 'the Minsk Agreements', 'the Netherlands', 'Australia'],
    complements: [
      'to comply with international law and its international obligations',
      'within their internationally recognised borders',
      'after the illegal and illegitimate annexation of the peninsula',
      'while strengthening deterrence across the Euro-Atlantic area',
      'to end the occupation and refrain from further confrontation',
      'to reverse its recognition of the breakaway regions as independent states',
    ],
    titleWords: ['Deterrence', 'Solidarity', 'Compliance', 'Territorial integrity', 'Occupation', 'Defence posture'],
  },
  history: {
    subjects: ['The Soviet government', 'President Woodrow Wilson', 'The Tsarist government', 'Foreign Minister Litvinov', 'The Bolshevik government', 'Moscow'],
    verbs: ['broke off diplomatic relations with', 'announced the recognition of', 'restored diplomatic relations with', 'refused to deal with', 'exchanged ambassadors with'],
    names: ['the Soviet Union', 'Russia', 'the Bolshevik Revolution', 'Maxim Litvinov', 'Woodrow Wilson', 'Franklin Roosevelt'],
    complements: [
      'after the Bolshevik Revolution of the last century',
      'until diplomatic relations were resumed',
      'when the Union of Soviet Socialist Republics was recognized',
      'in the historical record of the period',
      'in an address to the nation',
      'as diplomatic representatives were withdrawn',
    ],
    titleWords: ['Revolution', 'Recognition', 'Diplomatic relations', 'History', 'Century', 'Ambassadors'],
  },
  cooperation: {
    subjects: ['The NATO-Russia Council', 'NRC experts', 'The joint project', 'Trainers in the programme', 'The Council', 'Instructors'],
    verbs: ['provided training for officers from', 'ran joint exercises with', 'developed a joint project with', 'held consultations with', 'trained personnel from'],
    names: ['Afghanistan', 'Pakistan', 'Turkey', 'UNODC', 'STANDEX', 'the Lisbon Summit', 'the Central Asian states'],
    complements: [
      'in counter-narcotics training at four institutes',
      'on counter-terrorism and interoperability',
      'to enable the stand-off detection of explosives with new technology',
      'under a joint threat assessment on missile defence',
      'in the framework of practical cooperation',
      'on key areas of common interest',
    ],
    titleWords: ['Training', 'Joint project', 'Counter-narcotics', 'Interoperability', 'Exercises', 'Programme'],
  },
  'us-policy': {
    subjects: ['The United States', 'Washington', 'The administration', 'U.S. officials', 'The State Department', 'Congress'],
    verbs: ['imposed sanctions on', 'seeks a constructive relationship with', 'set a bipartisan strategy toward', 'aims to deter', 'reviewed its policy on'],
    names: ['Russia', 'the Russian government', 'Moscow'],
    complements: [
      'in line with core U.S. national interests',
      'to rebuild trust through a constructive relationship',
      'to promote foreign investment and free-market reform',
      'while countering hybrid tools that undermine democratic processes',
      'as the long-term goal of the strategy',
      'through bilateral channels and the presidential commission',
    ],
    titleWords: ['Sanctions', 'Strategy', 'Policy', 'National interests', 'Trust', 'Bilateral channels'],
  },
};

/** Short clauses joined to sentences for variety; neutral to the classifier. */
export const CLAUSES = ['according to the record', 'in the years that followed', 'despite repeated calls', 'at the meeting', 'over the past decade', 'as a matter of principle', 'in line with earlier decisions'] as const;

/** Words of link titles pasted between paragraphs (dropped by ingest, so any will do). */
export const LINK_WORDS = ['Dialogue', 'Security', 'Stability', 'Transparency', 'Partnership', 'Sovereignty'] as const;
export const LINK_NAMES = ['Russia', 'the United States', 'NATO', 'Ukraine', 'Europe'] as const;

/** The publishers a scraped compilation pastes from, with the page-title suffix each adds. */
export const PUBLISHERS = ['NATO', 'U.S. Department of State', 'BBC News', 'Wikipedia', 'Global News', 'Reuters'] as const;
