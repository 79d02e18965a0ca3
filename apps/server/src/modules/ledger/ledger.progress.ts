import { importPhaseLabels } from '@lianxin/contracts';
/** The steps of an import, in order; `done`/`total` count records (parse, check, plan) or rows written. */
export type ImportPhase = 'parse' | 'check' | 'plan' | 'write';
export const IMPORT_PHASES: ImportPhase[] = ['parse', 'check', 'plan', 'write'];

export interface ImportProgress {
  phase: ImportPhase;
  done: number;
  total: number;
}
export type OnProgress = (progress: ImportProgress) => void;

// The share of the whole each phase takes (measured on a prefecture: the rows' writing dominates).
const WEIGHT: Record<ImportPhase, [number, number]> = {
  parse: [0, 0.15],
  check: [0.15, 0.3],
  plan: [0.3, 0.4],
  write: [0.4, 1],
};

/** 0…100 over the whole import. */
export function percentOf({ phase, done, total }: ImportProgress): number {
  const [from, to] = WEIGHT[phase];
  const part = total > 0 ? Math.min(1, done / total) : 0;
  return Math.floor((from + (to - from) * part) * 100);
}

/** Records handled between two turns for other requests: a few milliseconds of work. */
export const RECORDS_PER_TURN = 2_000;

/** Lets the event loop serve other requests before the work goes on. */
export const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs `work` over the items a slice at a time, pausing between slices: a document of 200,000
 * records is checked without keeping other users waiting more than a slice's few milliseconds.
 */
export async function inSlices<T>(
  items: readonly T[],
  work: (item: T, index: number) => void,
  onSlice?: (done: number) => void,
  size = RECORDS_PER_TURN,
): Promise<void> {
  for (let start = 0; start < items.length; start += size) {
    const end = Math.min(items.length, start + size);
    for (let i = start; i < end; i++) work(items[i] as T, i);
    onSlice?.(end);
    await pause();
  }
}

/** The command line's progress: a line each time the phase changes or the whole moves by 5 %. */
export function progressPrinter(out: { write(line: string): unknown }): OnProgress {
  let last = { phase: '', percent: -5 };
  return (progress) => {
    const percent = percentOf(progress);
    if (progress.phase === last.phase && percent < last.percent + 5) return;
    last = { phase: progress.phase, percent };
    out.write(
      `导入 / import ${String(percent).padStart(3)}%  ${importPhaseLabels[progress.phase]} ${progress.phase} ${progress.done}/${progress.total}\n`,
    );
  };
}
