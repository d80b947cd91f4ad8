// The « graphiques » phase: paths of the outer contract, .vl.json written
// whenever svg or png is asked, only the asked renderings, skipped charts
// said in French, one folder per EPCI when a report has several.

import { describe, expect, it } from 'vitest';
import { chartsPhase, oneAtATime } from '../../pipeline/phases/charts.ts';
import type { OutputWriter } from '../../pipeline/output-writer.ts';
import type { Logger, LogEvent } from '../../pipeline/log.ts';
import { msg } from '../../lib/messages/index.ts';
import { bundledModel, quirksModel } from '../render/charts/fixture.ts';
import type { Format } from '../../pipeline/args.ts';

function memoryWriter(): OutputWriter & { files: Map<string, Uint8Array | string> } {
  const files = new Map<string, Uint8Array | string>();
  return {
    files,
    written: new Map(),
    async write(p, content) {
      const bytes = typeof content === 'string' || content instanceof Uint8Array ? content : [...content.chunks].join('');
      files.set(p, bytes);
      this.written.set(p, { sha256: '', bytes: bytes.length });
    },
    async read(p) {
      return Buffer.from(files.get(p)!);
    },
    keyOf: () => '',
    reuse: async () => false,
  };
}

function recordingLog(): Logger & { lines: { text: string; event?: LogEvent }[] } {
  const lines: { text: string; event?: LogEvent }[] = [];
  const rec = (text: string, event?: LogEvent) => lines.push({ text, event });
  return { lines, info: rec, warn: rec, error: rec, event: (e) => lines.push({ text: '', event: e }) };
}

/** The phase in this thread: what it writes does not depend on where charts are drawn (the CLI tests draw them in workers). */
async function runPhase(model: Awaited<ReturnType<typeof bundledModel>>, formats: Format[]) {
  const out = memoryWriter();
  const log = recordingLog();
  process.env.QUARTIERS_CHART_WORKERS = '0';
  try {
    const { count } = await chartsPhase.run(model, out, new Set(formats), { log, clock: () => 0, checkpoint: () => {} });
    return { out, log, count };
  } finally {
    delete process.env.QUARTIERS_CHART_WORKERS;
  }
}

describe('graphiques phase', () => {
  it('writes the bundled charts at the contract paths', async () => {
    // Without targets, the QIC has one year per indicator: no trajectory to draw.
    const { out, log, count } = await runPhase({ ...(await bundledModel()), targets: [] }, ['svg', 'png']);
    const paths = [...out.files.keys()].sort();
    expect(paths).toContain('graphiques/QN06205M/quartier-agglomeration.vl.json');
    expect(paths).toContain('graphiques/QN06205M/trajectoires.png');
    expect(paths).toContain('graphiques/QIC-62555-01/ecarts.svg');
    expect(paths).toContain('graphiques/indices.svg');
    expect(paths).toContain('graphiques/classement.png');
    expect(count).toBe(paths.length);
    expect(paths.filter((p) => p.endsWith('.vl.json')).length * 3).toBe(paths.length);
    // The QIC has one year per indicator: no trajectory, and the log says why.
    expect(paths).not.toContain('graphiques/QIC-62555-01/trajectoires.vl.json');
    expect(log.lines.map((l) => l.text)).toContain(msg.chartsSkipped('Cité de Marles – Gambetta', 'trajectoires', msg.noTrajectory));
    const spec = JSON.parse(String(out.files.get('graphiques/QN06205M/ecarts.vl.json')));
    expect(spec.$schema).toBe('https://vega.github.io/schema/vega-lite/v6.json');
  });

  it('renders only the asked formats, always with the spec', async () => {
    const { out } = await runPhase(await bundledModel(), ['png']);
    const paths = [...out.files.keys()];
    expect(paths.some((p) => p.endsWith('.svg'))).toBe(false);
    expect(paths.filter((p) => p.endsWith('.png')).length).toBe(paths.filter((p) => p.endsWith('.vl.json')).length);
  });

  it('gives each EPCI its own folder when the report has several', async () => {
    const { out } = await runPhase(await quirksModel(), ['svg']);
    const paths = [...out.files.keys()];
    expect(paths).toContain('graphiques/epci-200072460/indices.svg');
    expect(paths).toContain('graphiques/epci-200000001/classement.svg');
    expect(paths).not.toContain('graphiques/indices.svg');
  });

  it.each(['0', '2'])('stops at a signal with %s worker threads: the signal’s error, nothing written after it', async (workers) => {
    process.env.QUARTIERS_CHART_WORKERS = workers;
    try {
      const out = memoryWriter();
      let calls = 0;
      const signal = new Error('SIGINT');
      const checkpoint = () => {
        if (++calls === 2) throw signal;
      };
      await expect(chartsPhase.run(await bundledModel(), out, new Set<Format>(['svg', 'png']), { log: recordingLog(), clock: () => 0, checkpoint })).rejects.toBe(signal);
      const before = out.files.size;
      await new Promise((r) => setTimeout(r, 200));
      expect(out.files.size).toBe(before);
      expect([...out.files.keys()].filter((p) => p.endsWith('.png')).length).toBeLessThanOrEqual(1);
    } finally {
      delete process.env.QUARTIERS_CHART_WORKERS;
    }
  });
});

describe('oneAtATime', () => {
  it('never runs two tasks at once, keeps their order, and goes on after a failure', async () => {
    const alone = oneAtATime();
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const task = (n: number, fail = false) => async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 5 - n));
      order.push(n);
      running--;
      if (fail) throw new Error(`échec ${n}`);
      return n;
    };
    const results = await Promise.allSettled([alone(task(1)), alone(task(2, true)), alone(task(3)), alone(task(4))]);
    expect(most).toBe(1);
    expect(order).toEqual([1, 2, 3, 4]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([1, 'échec 2', 3, 4]);
  });
});
