// Which quartiers have all their charts written. The workbooks phase runs
// alongside the charts phase: it builds a commune's workbook as soon as the
// charts of that commune's quartiers are on disk, instead of waiting for the
// whole country's charts while one core stays idle.

export interface ChartReadiness {
  /** Charts phase: the folders of the charts it is going to write, one entry per chart. */
  plan(folders: readonly string[]): void;
  /** Charts phase: every file of one planned chart is written. */
  written(folder: string, files: readonly string[]): void;
  /** The charts phase ended (its owner says so, whatever the phase did); with an error, every waiter fails with it. */
  end(error?: unknown): void;
  /** Resolves when every planned chart of these folders is written, with the files written there. */
  ready(folders: readonly string[]): Promise<Map<string, string[]>>;
}

interface Waiter {
  folders: readonly string[];
  resolve: (files: Map<string, string[]>) => void;
  reject: (e: unknown) => void;
}

export function createChartReadiness(): ChartReadiness {
  const remaining = new Map<string, number>();
  const files = new Map<string, string[]>();
  let planned = false;
  let ended = false;
  let failure: { error: unknown } | undefined;
  let waiters: Waiter[] = [];

  const filesOf = (folders: readonly string[]) => new Map(folders.map((f) => [f, [...(files.get(f) ?? [])]]));
  const isReady = (folders: readonly string[]) => ended || (planned && folders.every((f) => !remaining.get(f)));
  const settle = () => {
    const still: Waiter[] = [];
    for (const w of waiters) {
      if (failure) w.reject(failure.error);
      else if (isReady(w.folders)) w.resolve(filesOf(w.folders));
      else still.push(w);
    }
    waiters = still;
  };

  return {
    plan(folders) {
      for (const f of folders) remaining.set(f, (remaining.get(f) ?? 0) + 1);
      planned = true;
      settle();
    },
    written(folder, list) {
      const known = files.get(folder) ?? [];
      known.push(...list);
      files.set(folder, known);
      remaining.set(folder, Math.max(0, (remaining.get(folder) ?? 0) - 1));
      settle();
    },
    end(error) {
      ended = true;
      if (error !== undefined && !failure) failure = { error };
      settle();
    },
    ready(folders) {
      if (failure) return Promise.reject(failure.error);
      if (isReady(folders)) return Promise.resolve(filesOf(folders));
      return new Promise((resolve, reject) => waiters.push({ folders, resolve, reject }));
    },
  };
}
