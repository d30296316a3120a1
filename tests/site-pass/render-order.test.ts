/**
 * The order the static paths are rendered in (src/site-pass/render-order.ts): the same set of
 * paths whatever the order, canonical without a record of the last build's keys, and after an
 * edit the paths whose key changed first, the source pages among them last of those. That the
 * order never changes what is built is shown by the random-edit test
 * (tests/reliability/incremental.test.ts), whose warm builds use it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { PathWithRoute, RouteData } from 'astro';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { canonicalOrder, readKeys, recordKeys, renderOrder } from '../../src/site-pass/render-order.ts';
import { tempBuildRoot } from '../helpers/temp-build.ts';

const tmp = tempBuildRoot('render-order');
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const route = (type: RouteData['type']) => ({ type }) as RouteData;
const at = (pathname: string, cacheKey?: string, type: RouteData['type'] = 'page'): PathWithRoute => ({ pathname, route: route(type), ...(cacheKey === undefined ? {} : { cacheKey }) });

const paths = [
  at('/sources/seed', 'src-1'),
  at('/history/a', 'a-1'),
  at('/history/b', 'b-1'),
  at('/index'),
  at('/sources/other', 'other-1'),
  at('/entities/nato', 'nato-1'),
  at('/robots.txt', undefined, 'endpoint'),
];
const names = (list: readonly PathWithRoute[]) => list.map((p) => p.pathname);

describe('the order pages render in', () => {
  it('is canonical without a record: every page but the source pages, then the source pages, each in the given order', () => {
    expect(names(renderOrder(paths))).toEqual(['/history/a', '/history/b', '/index', '/entities/nato', '/robots.txt', '/sources/seed', '/sources/other']);
    expect(renderOrder(paths)).toEqual(canonicalOrder(paths));
  });

  it('after an edit: changed or unkeyed paths first, the changed source pages last of those, then the unchanged ones', () => {
    const last = new Map([['/sources/seed', 'src-0'], ['/history/a', 'a-1'], ['/history/b', 'b-0'], ['/sources/other', 'other-1'], ['/entities/nato', 'nato-1']]);
    expect(names(renderOrder(paths, last))).toEqual(['/history/b', '/index', '/robots.txt', '/sources/seed', '/history/a', '/entities/nato', '/sources/other']);
  });

  it('holds every path exactly once, whatever the record says', () => {
    const keyed = fc.array(fc.record({ name: fc.stringMatching(/^\/[a-z]{1,3}(\/[a-z]{1,3})?$/), key: fc.option(fc.constantFrom('k1', 'k2'), { nil: undefined }), source: fc.boolean() }), { maxLength: 30 });
    fc.assert(fc.property(keyed, fc.array(fc.tuple(fc.string(), fc.constantFrom('k1', 'k2'))), (list, record) => {
      const given = list.map((p, i) => at(`${p.source ? '/sources' : ''}${p.name}-${i}`, p.key));
      const order = renderOrder(given, new Map(record));
      expect([...order].sort((a, b) => a.pathname.localeCompare(b.pathname))).toEqual([...given].sort((a, b) => a.pathname.localeCompare(b.pathname)));
    }));
  });

  it('reads back the keys it recorded, and no record from a missing or foreign file', () => {
    const file = path.join(tmp, 'keys.json');
    expect(readKeys(file)).toBeUndefined();
    recordKeys(file, paths);
    expect(readKeys(file)).toEqual(new Map(paths.flatMap((p) => (p.cacheKey ? [[p.pathname, p.cacheKey]] : []))));
    fs.writeFileSync(file, '{"not":"keys"}');
    expect(readKeys(file)).toBeUndefined();
  });
});
