import type { BuildTiming } from './bench-build';
import type { BenchLoadResult } from './bench-load';
import type { WorstInputResult } from './bench-worst';

/** Everything one `npm run bench` measured (also what `--json` writes). */
export interface BenchResults {
  machine: { cpus: number; node: string; platform: string; serviceCommand: string; referenceCommand: string;
    /** 1-, 5- and 15-minute load averages when the bench started and when it ended. */
    loadAverage: { start: number[]; end: number[] } };
  questions?: { generated: number; devItems: number; devConversations: number; distinct: number };
  load?: {
    durationSeconds: number;
    runs: { connections: number; service: BenchLoadResult; reference: BenchLoadResult }[];
    /** The dev set alone at 8 connections, for comparison with the varied mix. */
    devOnly?: BenchLoadResult;
    memory: { afterStartMb: number; requests: number; afterRequestsMb: number; peakMb: number };
  };
  startup?: {
    runs: number; medianMs: number; startMs: number[];
    /** The server's own CPU up to healthy: what start-up costs whatever else the machine is doing. */
    medianCpuMs: number;
    rssAfterStartMb: number[]; medianRssMb: number;
  };
  worst?: WorstInputResult;
  build?: BuildTiming[];
  inProcess?: { questions: number; retrievalMs: { p50: number; p95: number }; answerMs: { p50: number; p95: number } };
}

interface Target { name: string; measured: number | null; unit: string; goal: number; at: 'most' | 'least' }

/** The issue's targets, each with what was measured (null when that part did not run). */
/** The costliest confirmed input's median CPU over the ordinary questions' median (how far one request can outweigh another). */
function worstRatio(results: BenchResults): number | null {
  const worst = results.worst;
  if (!worst?.confirmed.length) return null;
  return worst.confirmed[0].medianCpuMs / Math.max(worst.normal.medianCpuMs, 0.01);
}

export function benchTargets(results: BenchResults): Target[] {
  const eight = results.load?.runs.find((r) => r.connections === 8)?.service;
  const loadRuns = results.load?.runs.map((r) => r.service) ?? [];
  const failed = loadRuns.length ? loadRuns.reduce((sum, r) => sum + r.errors + r.non2xx, 0) : null;
  const build = (scale: number) => {
    const timing = results.build?.find((b) => b.scale === scale);
    return timing ? (timing.seconds ?? Infinity) : null;
  };
  const rssAfterStart = results.startup?.medianRssMb ?? results.load?.memory.afterStartMb ?? null;
  return [
    { name: 'throughput, 8 connections, varied', measured: eight?.requestsPerSecond ?? null, unit: 'req/s', goal: 1000, at: 'least' },
    { name: 'latency p95, 8 connections', measured: eight?.latencyMs.p95 ?? null, unit: 'ms', goal: 20, at: 'most' },
    { name: 'server CPU per request, 8 connections', measured: eight?.cpuMsPerRequest ?? null, unit: 'ms', goal: 1, at: 'most' },
    { name: 'errors + non-2xx, all load runs', measured: failed, unit: '', goal: 0, at: 'most' },
    { name: 'start to healthy (median)', measured: results.startup?.medianMs ?? null, unit: 'ms', goal: 1500, at: 'most' },
    { name: 'RSS after start', measured: rssAfterStart, unit: 'MB', goal: 200, at: 'most' },
    { name: `RSS after ${results.load?.memory.requests ?? 20000} requests`, measured: results.load?.memory.afterRequestsMb ?? null, unit: 'MB', goal: 250, at: 'most' },
    { name: 'costliest input ÷ ordinary, CPU medians', measured: worstRatio(results), unit: '×', goal: 5, at: 'most' },
    { name: 'build-index, report', measured: build(1), unit: 's', goal: 5, at: 'most' },
    { name: 'build-index, report ×10', measured: build(10), unit: 's', goal: 60, at: 'most' },
  ];
}

const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '∞');
/** Pads to a display width where Han characters and ×/≥ count as they render in a terminal. */
function pad(text: string, width: number, right = false): string {
  const shown = [...text].reduce((sum, ch) => sum + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
  const space = ' '.repeat(Math.max(0, width - shown));
  return right ? space + text : text + space;
}
const row = (cells: string[], widths: number[]) => cells.map((cell, i) => pad(cell, widths[i], i > 0)).join('  ').trimEnd();

/** The human-readable report: each part that ran, then the targets with pass/fail. */
export function formatBenchSummary(results: BenchResults): string {
  const lines: string[] = [];
  const { machine } = results;
  const averages = (values: number[]) => values.map((v) => fixed(v, 2)).join(' ');
  lines.push(`machine: ${machine.cpus} CPUs, Node ${machine.node}, ${machine.platform}; load average ${averages(machine.loadAverage.start)} at start, ${averages(machine.loadAverage.end)} at end`);
  lines.push(`service: ${machine.serviceCommand}`);
  if (results.questions) {
    const q = results.questions;
    lines.push(`questions: ${q.generated} generated from the report + ${q.devConversations} dev-set conversations (${q.devItems} items) = ${q.distinct} distinct requests`);
  }
  if (results.load) {
    const { load } = results;
    lines.push('', `load: POST /api/chat, autocannon, ${load.durationSeconds} s per run, requests cycle through every distinct question, rate limit off, log level error`);
    lines.push(`reference: ${machine.referenceCommand} (Hono on @hono/node-server, parses the body, fixed JSON reply)`);
    const widths = [22, 5, 8, 8, 8, 8, 11, 7, 8, 11];
    lines.push(row(['', 'conn', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'CPU ms/req', 'errors', 'non-2xx', 'other load'], widths));
    const line = (name: string, connections: number, r: BenchLoadResult) => row([name, String(connections), fixed(r.requestsPerSecond, 0),
      fixed(r.latencyMs.p50, 2), fixed(r.latencyMs.p95, 2), fixed(r.latencyMs.p99, 2), r.cpuMsPerRequest === null ? '–' : fixed(r.cpuMsPerRequest, 3),
      String(r.errors), String(r.non2xx), r.otherCores === null ? '' : `${fixed(r.otherCores, 2)} cores`], widths);
    for (const run of load.runs) {
      lines.push(line('service', run.connections, run.service));
      lines.push(line('reference', run.connections, run.reference));
      const cpu = run.service.cpuMsPerRequest !== null && run.reference.cpuMsPerRequest ? run.service.cpuMsPerRequest / run.reference.cpuMsPerRequest : NaN;
      lines.push(row(['service ÷ reference', String(run.connections), `${fixed(run.service.requestsPerSecond / run.reference.requestsPerSecond, 3)}×`,
        `${fixed(run.service.latencyMs.p50 / run.reference.latencyMs.p50, 1)}×`, `${fixed(run.service.latencyMs.p95 / run.reference.latencyMs.p95, 1)}×`,
        `${fixed(run.service.latencyMs.p99 / run.reference.latencyMs.p99, 1)}×`, `${fixed(cpu, 1)}×`, '', ''], widths));
    }
    if (load.devOnly) lines.push(line('service, dev set only', 8, load.devOnly));
    lines.push(`CPU ms/req is the server process's own (utime+stime from /proc/<pid>/stat ÷ completed requests); the client (autocannon, this process) used ${load.runs.map((r) => fixed(r.service.clientCpuMsPerRequest, 2)).join(' / ')} ms/req beside the service.`);
    lines.push(`other load: cores kept busy by other processes on this machine during each run (from /proc/stat), which slows req/s and latency but not CPU per request much.`);
    lines.push(`memory: RSS ${fixed(load.memory.afterStartMb)} MB after start, ${fixed(load.memory.afterRequestsMb)} MB after ${load.memory.requests} requests, peak (VmHWM) ${fixed(load.memory.peakMb)} MB`);
  }
  if (results.startup) {
    const s = results.startup;
    lines.push('', `start-up: spawn → first 200 of GET /healthz, ${s.runs} runs: median ${fixed(s.medianMs, 0)} ms (${s.startMs.map((m) => fixed(m, 0)).join(', ')}), server CPU until then median ${fixed(s.medianCpuMs, 0)} ms; RSS after start median ${fixed(s.medianRssMb)} MB`);
  }
  if (results.worst) {
    const { normal, candidates } = results.worst;
    lines.push('', `worst input: ${candidates.length} adversarial requests, sequential, server CPU of each (all threads, /proc/<pid>/task/*/schedstat)`);
    lines.push(`  ordinary generated questions, same method: median ${fixed(normal.medianCpuMs, 2)} ms, p95 ${fixed(normal.p95CpuMs, 2)} ms, max ${fixed(normal.maxCpuMs, 1)} ms (${normal.requests} requests)`);
    const widths = [18, 6, 5, 9, 9, 7, 11];
    lines.push(`  ${row(['family', 'chars', 'msgs', 'CPU ms', '× median', 'status', 'saturates at'], widths)}  question starts`);
    for (const c of candidates.slice(0, 10)) {
      lines.push(`  ${row([c.family, String(c.chars), String(c.messages), fixed(c.cpuMs, 1), `${fixed(c.cpuMs / Math.max(normal.medianCpuMs, 0.01), 0)}×`,
        String(c.status), `${fixed(1000 / Math.max(c.cpuMs, 0.01), 0)} req/s`], widths)}  ${c.preview}`);
    }
    const { confirmed, repeats } = results.worst;
    if (confirmed.length) {
      lines.push(`  the costliest ${confirmed.length} measured again, ${repeats} variants each (a filler word before the message), by median:`);
      const confirmedWidths = [18, 6, 11, 11, 9, 11];
      lines.push(`  ${row(['family', 'chars', 'first ms', 'median ms', '× median', 'saturates at'], confirmedWidths)}  question starts`);
      for (const c of confirmed) {
        lines.push(`  ${row([c.family, String(c.chars), fixed(c.firstCpuMs, 1), fixed(c.medianCpuMs, 2), `${fixed(c.medianCpuMs / Math.max(normal.medianCpuMs, 0.01), 1)}×`,
          `${fixed(1000 / Math.max(c.medianCpuMs, 0.01), 0)} req/s`], confirmedWidths)}  ${c.preview}`);
      }
    }
  }
  if (results.build) {
    lines.push('', 'build-index: wall time of the command (process start included), temp corpus and index folder');
    for (const b of results.build) {
      lines.push(`  report ×${b.scale}: ${b.seconds === null ? b.outcome : `${fixed(b.seconds, 2)} s`}, process CPU ${fixed(b.cpuSeconds, 2)} s  ${b.summary}`);
    }
  }
  if (results.inProcess) {
    const p = results.inProcess;
    lines.push('', `in process (no HTTP, not what a client sees), ${p.questions} distinct questions once each:`);
    lines.push(`  retrieval alone p50 ${fixed(p.retrievalMs.p50, 2)} ms, p95 ${fixed(p.retrievalMs.p95, 2)} ms · whole answer p50 ${fixed(p.answerMs.p50, 2)} ms, p95 ${fixed(p.answerMs.p95, 2)} ms`);
  }
  const widths = [40, 12, 10, 8];
  lines.push('', row(['target', 'measured', 'goal', 'result'], widths));
  for (const t of benchTargets(results)) {
    const goal = `${t.at === 'least' ? '≥' : '≤'} ${t.goal}${t.unit ? ` ${t.unit}` : ''}`;
    const digits = t.measured === null || Number.isInteger(t.measured) ? 0 : t.measured < 10 ? 2 : t.measured < 100 ? 1 : 0;
    const measured = t.measured === null ? 'not run' : `${fixed(t.measured, digits)}${t.unit ? ` ${t.unit}` : ''}`;
    const pass = t.measured === null ? '–' : (t.at === 'least' ? t.measured >= t.goal : t.measured <= t.goal) ? 'pass' : 'FAIL';
    lines.push(row([t.name, measured, goal, pass], widths));
  }
  return lines.join('\n');
}
