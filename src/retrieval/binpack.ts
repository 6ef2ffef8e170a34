/**
 * A tiny binary container for index structures: a JSON header plus named typed arrays,
 * 8-byte aligned so that loading is a zero-copy view on the buffer (no parse of big JSON).
 * Layout: "PUFA" u32 headerLen | header JSON (utf8) | pad | array bytes …
 */
export type TypedArray = Int32Array | Uint32Array | Float32Array | Float64Array | Uint8Array | Uint16Array | Int16Array;

const CTORS = { Int32Array, Uint32Array, Float32Array, Float64Array, Uint8Array, Uint16Array, Int16Array } as const;
type CtorName = keyof typeof CTORS;

interface ArrayEntry {
  name: string;
  type: CtorName;
  offset: number;
  length: number;
}

const MAGIC = 0x41465550; // "PUFA" little endian

const align8 = (n: number) => (n + 7) & ~7;

export function pack(header: unknown, arrays: Record<string, TypedArray>): Buffer {
  const entries: ArrayEntry[] = [];
  let off = 0;
  for (const [name, arr] of Object.entries(arrays)) {
    entries.push({ name, type: arr.constructor.name as CtorName, offset: off, length: arr.length });
    off = align8(off + arr.byteLength);
  }
  const head = Buffer.from(JSON.stringify({ header, entries }), "utf8");
  const base = align8(8 + head.length);
  const out = Buffer.alloc(base + off);
  out.writeUInt32LE(MAGIC, 0);
  out.writeUInt32LE(head.length, 4);
  head.copy(out, 8);
  Object.values(arrays).forEach((arr, i) => {
    out.set(new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength), base + entries[i].offset);
  });
  return out;
}

export function unpack<H>(buf: Uint8Array): { header: H; arrays: Record<string, TypedArray> } {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  if (view.getUint32(0, true) !== MAGIC) throw new Error("not a pufa index buffer");
  const headLen = view.getUint32(4, true);
  const { header, entries } = JSON.parse(Buffer.from(buf.buffer, buf.byteOffset + 8, headLen).toString("utf8")) as {
    header: H;
    entries: ArrayEntry[];
  };
  const base = align8(8 + headLen);
  // Typed-array views need their element alignment relative to the ArrayBuffer: copy once if the
  // buffer itself is misaligned (Node's pooled Buffers can be).
  let ab = buf.buffer;
  let start = buf.byteOffset + base;
  if (start % 8 !== 0) {
    const copy = new Uint8Array(buf.byteLength - base);
    copy.set(buf.subarray(base));
    ab = copy.buffer;
    start = 0;
  }
  const arrays: Record<string, TypedArray> = {};
  for (const e of entries) arrays[e.name] = new CTORS[e.type](ab as ArrayBuffer, start + e.offset, e.length);
  return { header, arrays };
}
