import type { TopicId } from '../schemas/topic.ts';
import { TOPIC_IDS } from '../schemas/topic.ts';

/** How each topic is presented: its title and a line about it, in our words. */
export const TOPICS: Record<TopicId, { title: string; description: string }> = {
  'nato-stance': {
    title: 'NATO’s stance on Russia',
    description: 'What the Allies ask of Russia over Georgia, Moldova, Ukraine, MH17 and the INF Treaty, and how NATO answers.',
  },
  history: {
    title: 'History of relations',
    description: 'Diplomatic relations broken after the Bolshevik Revolution, restored in 1933, and the recognition of Russia in 1991.',
  },
  cooperation: {
    title: 'Areas of cooperation',
    description: 'What the NATO-Russia Council did together before April 2014: Afghanistan, counter-narcotics, counter-terrorism, missile defence.',
  },
  'us-policy': {
    title: 'U.S. policy toward Russia',
    description: 'The United States’ strategy since 1991, its response in 2014, Russia’s hybrid tools, and the long-term goal.',
  },
};

export const topicOrder = (): readonly TopicId[] => TOPIC_IDS;
