import { inflateSync } from 'node:zlib';

/**
 * An independent reader of Sphinx's inventory v2, written from the format's description (as
 * sphinx/util/inventory.py reads it): four `#` header lines, then zlib, then one object a line.
 */
export function readInventory(bytes: Buffer): { header: string[]; objects: { name: string; type: string; priority: number; uri: string; dispname: string }[] } {
  let offset = 0;
  const header: string[] = [];
  for (let i = 0; i < 4; i++) {
    const end = bytes.indexOf(0x0a, offset);
    header.push(bytes.subarray(offset, end).toString('utf8'));
    offset = end + 1;
  }
  const lines = inflateSync(bytes.subarray(offset)).toString('utf8').split('\n').filter(Boolean);
  const objects = lines.map((line) => {
    // Sphinx's own pattern for a line (name may hold spaces in Sphinx; ours never do).
    const match = /^(.+?)\s+(\S+)\s+(-?\d+)\s+?(\S*)\s+(.*)$/.exec(line);
    if (!match) throw new Error(`not an inventory line: ${line}`);
    const [, name = '', type = '', priority = '', uri = '', dispname = ''] = match;
    return { name, type, priority: Number(priority), uri, dispname };
  });
  return { header, objects };
}
