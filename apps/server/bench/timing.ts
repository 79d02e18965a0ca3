/** Operations per second of `n` sequential runs of `work`. */
export async function timed(n: number, work: (i: number) => Promise<unknown>) {
  const start = performance.now();
  for (let i = 0; i < n; i++) await work(i);
  return (n / (performance.now() - start)) * 1000;
}
