// Spot checks (电话（网络）抽查) must be reproducible: whoever re-runs a draw with the recorded seed
// gets the same contacts, so a sample cannot be quietly redrawn until it suits someone.
import { seededRandom } from '../seeded-random.ts';

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
