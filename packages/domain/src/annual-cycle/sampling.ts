// Spot checks (电话（网络）抽查) must be reproducible: whoever re-runs a draw with the recorded seed
// gets the same contacts, so a sample cannot be quietly redrawn until it suits someone.

/** A 32-bit hash of a text seed (MurmurHash3's mixing), so any recorded string can seed a draw. */
function hashSeed(seed: string): number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  h = Math.imul(h ^ (h >>> 16), 2246822507);
  h = Math.imul(h ^ (h >>> 13), 3266489909);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Mulberry32: a small seeded generator of numbers in [0, 1). */
export function seededRandom(seed: string): () => number {
  let a = hashSeed(seed);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `size` of the cadre's own contacts, drawn without replacement. The candidates are sorted first,
 * so the draw depends on the seed and the set of contacts, not on the order a query returned them.
 */
export function drawSpotCheckSample(ownContacts: readonly string[], size: number, seed: string): string[] {
  const pool = [...new Set(ownContacts)].sort();
  const random = seededRandom(seed);
  const n = Math.min(Math.max(0, Math.floor(size)), pool.length);
  // A partial Fisher–Yates shuffle: the first n places are the sample, in draw order.
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    const drawn = pool[j] as string;
    pool[j] = pool[i] as string;
    pool[i] = drawn;
  }
  return pool.slice(0, n);
}
