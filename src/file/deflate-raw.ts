/**
 * Raw DEFLATE for the marked copy's changed parts, by the platform's own
 * compressor: `CompressionStream` in browsers (and Node 20), Node's zlib
 * where the caller passes it (deflate-node.ts; the CLI does), which skips
 * the stream plumbing.
 */
export type DeflateRaw = (data: Uint8Array) => Promise<Uint8Array>;

export const streamDeflateRaw: DeflateRaw = async (data) => {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
};
