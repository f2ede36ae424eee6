import { readdirSync, readFileSync } from 'node:fs';

// CPU time and memory of a process and all its descendants, from /proc (Linux): the servers under test run in their
// own processes (cluster workers, PostgreSQL backends), so their cost is read from outside.

const CLOCK_TICKS_PER_S = 100; // USER_HZ on Linux
const PAGE_BYTES = 4096;

interface ProcStat {
  pid: number;
  ppid: number;
  cpuMs: number;
  rssBytes: number;
}

function readStat(pid: number): ProcStat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses: the fields after it start past the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // utime + stime, plus cutime + cstime: the time of its children that have exited and been reaped (PostgreSQL
    // backends come and go), so that a sum over a tree counts every process once, dead or alive.
    const ticks = Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    return {
      pid,
      ppid: Number(fields[1]),
      cpuMs: (ticks * 1000) / CLOCK_TICKS_PER_S,
      rssBytes: Number(fields[21]) * PAGE_BYTES,
    };
  } catch {
    return undefined; // gone meanwhile
  }
}

/** The process `root` and its descendants now. */
function tree(root: number): ProcStat[] {
  const all = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readStat(Number(name)))
    .filter((s): s is ProcStat => s !== undefined);
  const children = new Map<number, ProcStat[]>();
  for (const s of all) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
  const found: ProcStat[] = [];
  const visit = (pid: number) => {
    for (const child of children.get(pid) ?? []) {
      found.push(child);
      visit(child.pid);
    }
  };
  const self = all.find((s) => s.pid === root);
  if (self) found.push(self);
  visit(root);
  return found;
}

export const treeCpuMs = (root: number) => tree(root).reduce((sum, s) => sum + s.cpuMs, 0);
export const treeRssBytes = (root: number) => tree(root).reduce((sum, s) => sum + s.rssBytes, 0);

/** The whole machine's CPU time so far, from /proc/stat's first line (in clock ticks, every core summed). */
export interface MachineCpu {
  total: number;
  idle: number;
  steal: number;
}

export function machineCpu(): MachineCpu {
  // "cpu" then user, nice, system, idle [3], iowait [4], irq, softirq, steal [7]; guest time is already in user
  const fields = readFileSync('/proc/stat', 'utf8')
    .split('\n', 1)[0]!
    .trim()
    .split(/\s+/)
    .slice(1, 9)
    .map(Number);
  const at = (i: number) => fields[i] ?? 0;
  return { total: fields.reduce((sum, f) => sum + f, 0), idle: at(3) + at(4), steal: at(7) };
}

/**
 * How busy the machine was between two readings, every process and the kernel's network work included, and how
 * much of its time the hypervisor gave to other guests (steal): what the servers' latency under load competes with.
 */
export function machineBusy(from: MachineCpu, to: MachineCpu): { busyPct: number; stealPct: number } {
  const total = Math.max(1, to.total - from.total);
  return {
    busyPct: (100 * (total - (to.idle - from.idle))) / total,
    stealPct: (100 * (to.steal - from.steal)) / total,
  };
}
