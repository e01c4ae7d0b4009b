/** Runs `work` over `inputs` repeatedly for at least `minMs` of CPU time and gives operations per CPU-second. */
export function opsPerSecond<T>(inputs: readonly T[], work: (input: T) => unknown, minMs = 1500): number {
  let sink: unknown;
  for (const input of inputs.slice(0, Math.min(50, inputs.length))) sink = work(input);
  const start = process.cpuUsage();
  let ops = 0;
  let elapsedMs = 0;
  while (elapsedMs < minMs) {
    for (const input of inputs) sink = work(input);
    ops += inputs.length;
    const used = process.cpuUsage(start);
    elapsedMs = (used.user + used.system) / 1000;
  }
  if (sink === Symbol.for('never')) console.log(sink);
  return (ops / elapsedMs) * 1000;
}

/** A small seeded generator (mulberry32), so every run measures the same inputs. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const formatRate = (n: number) => `${Math.round(n).toLocaleString('en-US')}/s`;
