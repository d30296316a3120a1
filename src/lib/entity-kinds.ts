import type { EntityData } from '../schemas/entity.ts';

type Kind = EntityData['kind'];

/** How each entity kind reads on a page: one of them, and a heading for many. */
export const ENTITY_KIND_LABELS: Record<Kind, { one: string; many: string }> = {
  treaty: { one: 'treaty', many: 'Treaties' },
  agreement: { one: 'agreement', many: 'Agreements' },
  place: { one: 'place', many: 'Places' },
  organisation: { one: 'organisation', many: 'Organisations' },
  person: { one: 'person', many: 'People' },
  event: { one: 'event', many: 'Events' },
  programme: { one: 'programme', many: 'Programmes' },
  'weapon-system': { one: 'weapon system', many: 'Weapon systems' },
};
