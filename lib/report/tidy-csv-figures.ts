// The few columns « Ce qui a changé » needs, read from a published
// indicateurs.csv piece by piece: the national table is about 100 MB, and
// parsed whole with csv-parse it cost 13 s and half a gigabyte. The
// separators of RFC 4180 are ASCII, so records are split on the bytes and
// only the fields wanted are decoded.

const COMMA = 0x2c;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

const decoder = new TextDecoder('utf-8');

function fieldText(bytes: Uint8Array, start: number, end: number): string {
  if (end > start && bytes[end - 1] === CR) end--;
  if (bytes[start] === QUOTE) return decoder.decode(bytes.subarray(start + 1, Math.max(start + 1, end - 1))).replace(/""/g, '"');
  return decoder.decode(bytes.subarray(start, end));
}

/**
 * Feeds CSV bytes in any pieces; calls `onRecord` with the wanted columns
 * of each record after the header (undefined where the header lacks one).
 */
export class CsvColumnScanner {
  private pending: Uint8Array = new Uint8Array(0);
  private index: number[] | null = null;

  constructor(
    private readonly columns: readonly string[],
    private readonly onRecord: (values: (string | undefined)[]) => void,
  ) {}

  push(chunk: Uint8Array): void {
    let bytes = chunk;
    if (this.pending.length) {
      bytes = new Uint8Array(this.pending.length + chunk.length);
      bytes.set(this.pending);
      bytes.set(chunk, this.pending.length);
    }
    const consumed = this.scan(bytes, false);
    this.pending = bytes.slice(consumed);
  }

  end(): void {
    if (this.pending.length) this.scan(this.pending, true);
    this.pending = new Uint8Array(0);
  }

  /** Scans whole records; returns how many bytes were consumed. */
  private scan(bytes: Uint8Array, last: boolean): number {
    let recordStart = 0;
    let fieldStart = 0;
    let inQuotes = false;
    let starts: number[] = [];
    let ends: number[] = [];
    const n = bytes.length;
    for (let i = 0; i <= n; i++) {
      const b = i < n ? bytes[i] : -1;
      if (inQuotes) {
        if (b === QUOTE) {
          if (bytes[i + 1] === QUOTE) i++;
          else inQuotes = false;
        } else if (b === -1 && !last) return recordStart;
        if (b !== -1) continue;
      }
      if (b === QUOTE && i === fieldStart) {
        inQuotes = true;
        continue;
      }
      if (b === COMMA) {
        starts.push(fieldStart);
        ends.push(i);
        fieldStart = i + 1;
      } else if (b === LF || b === -1) {
        if (b === -1 && !last) return recordStart;
        starts.push(fieldStart);
        ends.push(i);
        if (!(starts.length === 1 && ends[0]! - starts[0]! <= 1 && (ends[0] === starts[0] || bytes[starts[0]!] === CR))) this.record(bytes, starts, ends);
        starts = [];
        ends = [];
        recordStart = fieldStart = i + 1;
      }
    }
    return n;
  }

  private record(bytes: Uint8Array, starts: number[], ends: number[]): void {
    if (!this.index) {
      const header = starts.map((s, k) => fieldText(bytes, s, ends[k]!).replace(/^\uFEFF/, ''));
      this.index = this.columns.map((c) => header.indexOf(c));
      return;
    }
    this.onRecord(this.index.map((k) => (k >= 0 && k < starts.length ? fieldText(bytes, starts[k]!, ends[k]!) : undefined)));
  }
}
