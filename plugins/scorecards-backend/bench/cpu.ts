/*
 * Copyright 2026 The Scorecards & Campaigns for Backstage Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

import fs from 'node:fs';

/**
 * The CPU time spent while something ran, in core-seconds: by the
 * benchmark's own process (all its threads), and by the whole machine (the
 * catalog server, PostgreSQL and anything else that ran meanwhile), with
 * the core-seconds the machine had (its cores × the wall time). A run that
 * keeps the machine busy close to what it had cannot go faster by doing
 * work in parallel; only by doing less.
 */
export interface CpuSeconds {
  process: number;
  /** Linux only (/proc/stat). */
  machineBusy?: number;
  machineAvailable?: number;
}

/** Clock ticks of the whole machine: busy, and all. */
interface MachineTicks {
  busy: number;
  total: number;
}

/**
 * The `/proc/stat` line of all CPUs: user, nice, system, idle, iowait,
 * irq, softirq, steal, then guest times that user and nice already count.
 * Idle and iowait are not busy.
 */
export function parseProcStat(text: string): MachineTicks | undefined {
  const line = text.split('\n').find(l => /^cpu\s/.test(l));
  if (!line) {
    return undefined;
  }
  const fields = line.trim().split(/\s+/).slice(1);
  const [user, nice, system, idle, iowait, irq, softirq, steal] = Array.from(
    { length: 8 },
    (_, i) => Number(fields[i]) || 0,
  );
  const busy = user + nice + system + irq + softirq + steal;
  return { busy, total: busy + idle + iowait };
}

function readMachineTicks(): MachineTicks | undefined {
  try {
    return parseProcStat(fs.readFileSync('/proc/stat', 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Clock ticks per second of /proc/stat: USER_HZ, which Linux fixes at 100
 * for user space on every architecture it reports this way.
 */
const TICKS_PER_SECOND = 100;

const round = (n: number) => Math.round(n * 100) / 100;

/** Starts measuring; the returned function tells the CPU time since. */
export function startCpuMeter(): () => CpuSeconds {
  const processStart = process.cpuUsage();
  const machineStart = readMachineTicks();
  return () => {
    const used = process.cpuUsage(processStart);
    const machineEnd = readMachineTicks();
    const result: CpuSeconds = {
      process: round((used.user + used.system) / 1e6),
    };
    if (machineStart && machineEnd) {
      result.machineBusy = round(
        (machineEnd.busy - machineStart.busy) / TICKS_PER_SECOND,
      );
      result.machineAvailable = round(
        (machineEnd.total - machineStart.total) / TICKS_PER_SECOND,
      );
    }
    return result;
  };
}

/**
 * `bench / busy of available (share)`, in core-seconds, for the doc; the
 * machine's part only where it was measured.
 */
export function describeCpu(cpu: CpuSeconds | undefined): string {
  if (!cpu) {
    return '-';
  }
  const { process: own, machineBusy, machineAvailable } = cpu;
  if (machineBusy === undefined || !machineAvailable) {
    return `${own}`;
  }
  return `${own} / ${machineBusy} of ${machineAvailable} (${Math.round(
    (machineBusy / machineAvailable) * 100,
  )}%)`;
}
