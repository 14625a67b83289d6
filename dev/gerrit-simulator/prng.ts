const BYTE_HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** A small seeded PRNG (mulberry32) with the helpers the generator needs; same seed, same history. */
export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  hex(length: number): string {
    let out = '';
    while (out.length < length) {
      const word = Math.floor(this.next() * 0x100000000);
      out +=
        BYTE_HEX[word >>> 24]! +
        BYTE_HEX[(word >>> 16) & 255]! +
        BYTE_HEX[(word >>> 8) & 255]! +
        BYTE_HEX[word & 255]!;
    }
    return out.length === length ? out : out.slice(0, length);
  }

  /** `1h 02m 03s` / `42m 10s`, as Zuul prints durations. */
  duration(minMinutes: number, maxMinutes: number): string {
    const seconds = this.int(minMinutes * 60, maxMinutes * 60);
    const h = Math.floor(seconds / 3600);
    const m = String(Math.floor((seconds % 3600) / 60)).padStart(2, '0');
    const s = String(seconds % 60).padStart(2, '0');
    return h > 0 ? `${h}h ${m}m ${s}s` : `${Number(m)}m ${s}s`;
  }
}
