/** The little of `jsonld` (digitalbazaar's JSON-LD processor, untyped) the tests use. */
declare module 'jsonld' {
  interface RemoteDocument {
    contextUrl: string | null;
    documentUrl: string;
    document: unknown;
  }
  interface Options {
    documentLoader?: (url: string) => Promise<RemoteDocument>;
    /** Throw on anything lossy (a term that does not expand, an invalid value) instead of dropping it. */
    safe?: boolean;
  }
  const jsonld: { expand(input: unknown, options?: Options): Promise<Record<string, unknown>[]> };
  export default jsonld;
}
