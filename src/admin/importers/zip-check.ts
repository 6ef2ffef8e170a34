/**
 * Checks a .docx (a zip) before mammoth inflates it. The central directory states every entry's
 * sizes: the total and each entry's ratio are checked there first. A zip can lie about them, so each
 * entry is then inflated with the output capped at its stated size (node:zlib's maxOutputLength):
 * memory stays within the stated sizes, and an entry that would inflate past them is refused.
 */
import { inflateRawSync } from "node:zlib";
import { ImportRefusedError, mb, RATIO_FLOOR_BYTES, type ImportLimits } from "./limits.js";

const EOCD_SIG = 0x06054b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const badZip = (why: string) => new ImportRefusedError("bad-zip", { why });

/** The entries of the zip's central directory; throws ImportRefusedError("bad-zip") on a broken or zip64 archive. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let p = bytes.length - 22; p >= Math.max(0, bytes.length - 22 - 0xffff); p--) {
    if (view.getUint32(p, true) === EOCD_SIG) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) throw badZip("no end of central directory");
  const count = view.getUint16(eocd + 10, true);
  const offset = view.getUint32(eocd + 16, true);
  // A .docx is never near 4 GB: zip64 markers here mean a crafted file.
  if (count === 0xffff || offset === 0xffffffff) throw badZip("zip64");
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL_SIG) throw badZip("central directory cut short");
    const nameLength = view.getUint16(p + 28, true);
    const entry: ZipEntry = {
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      localOffset: view.getUint32(p + 42, true),
      name: new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength)),
    };
    entries.push(entry);
    p += 46 + nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return entries;
}

/** Refuses (ImportRefusedError) a zip that is broken, states too much inflated data, or inflates past what it states. */
export function checkZip(bytes: Uint8Array, limits: ImportLimits): void {
  const entries = zipEntries(bytes);
  const bomb = (entry: string) => new ImportRefusedError("zip-bomb", { entry, max: mb(limits.maxInflatedBytes), ratio: limits.maxZipRatio });
  let total = 0;
  for (const e of entries) {
    total += e.size;
    if (total > limits.maxInflatedBytes) throw bomb(e.name);
    if (e.size > RATIO_FLOOR_BYTES && e.size / Math.max(e.compressedSize, 1) > limits.maxZipRatio) throw bomb(e.name);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const e of entries) {
    const p = e.localOffset;
    if (p + 30 > bytes.length || view.getUint32(p, true) !== LOCAL_SIG) throw badZip(`no local header for ${e.name}`);
    const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
    const data = bytes.subarray(start, start + e.compressedSize);
    if (e.method === STORED) {
      if (e.compressedSize !== e.size) throw badZip(`stored entry ${e.name} sizes differ`);
      continue;
    }
    if (e.method !== DEFLATED) throw badZip(`compression method ${e.method} of ${e.name}`);
    try {
      inflateRawSync(data, { maxOutputLength: Math.max(e.size, 1) });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") throw bomb(e.name);
      throw badZip(`${e.name}: ${(err as Error).message}`);
    }
  }
}
