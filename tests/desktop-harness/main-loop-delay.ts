/**
 * How long the main process's event loop is held while some work is under way: the wait a menu
 * click, a window event or an IPC message would have before main could handle it. Used by
 * tests/e2e/desktop-backend.spec.ts and by `npm run bench -- --only desktop` (bench/desktop-costs.ts).
 *
 * A probe timer runs every millisecond and notes, between two of its turns, both the wall-clock
 * time (how late it ran: Node's `monitorEventLoopDelay` measures the same) and the CPU time this
 * process used. On a busy machine the first also counts the time the OS gave the CPU to other
 * programs; the second counts only work done here, so it is what a test can hold to a limit.
 */
export interface LoopDelay {
  /** 99th percentile of the probe's lateness while the work ran, ms (wall clock). */
  p99Ms: number;
  /** The probe's worst lateness, ms (wall clock): the worst wait of a click. */
  maxMs: number;
  /** The most CPU time this process used between two turns of the probe, ms: its longest task. */
  maxTaskCpuMs: number;
  /** How long the work took, start to answer, ms. */
  workMs: number;
  /** CPU time this process used meanwhile, ms: main's own share of the work. */
  cpuMs: number;
}

/** One frame at 60 Hz: a click or window event handled later than this is a visible hitch. */
export const FRAME_MS = 1000 / 60;

const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

export async function mainLoopDelayDuring<T>(work: () => Promise<T>): Promise<{ delay: LoopDelay; result: T }> {
  const lateness: number[] = [];
  let maxTaskCpuMs = 0;
  let last = { wall: performance.now(), cpu: cpuNow() };
  let probing = true;
  const tick = () => {
    const now = { wall: performance.now(), cpu: cpuNow() };
    lateness.push(Math.max(0, now.wall - last.wall - 1));
    maxTaskCpuMs = Math.max(maxTaskCpuMs, now.cpu - last.cpu);
    last = now;
    if (probing) setTimeout(tick, 1);
  };
  setTimeout(tick, 1);
  await new Promise((r) => setTimeout(r, 5)); // the probe is turning before the work starts
  lateness.length = 0;
  maxTaskCpuMs = 0;

  const start = performance.now();
  const cpuStart = cpuNow();
  const result = await work();
  const workMs = performance.now() - start;
  const cpuMs = cpuNow() - cpuStart;
  await new Promise((r) => setTimeout(r, 3)); // a hold at the very end is seen at the probe's next turn
  probing = false;

  const sorted = [...lateness].sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    delay: {
      p99Ms: round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? 0),
      maxMs: round(sorted.at(-1) ?? 0),
      maxTaskCpuMs: round(maxTaskCpuMs),
      workMs: Math.round(workMs),
      cpuMs: round(cpuMs),
    },
    result,
  };
}
