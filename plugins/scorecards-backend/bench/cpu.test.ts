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

import { describeCpu, parseProcStat, startCpuMeter } from './cpu';

describe('parseProcStat', () => {
  it('counts user, nice, system, irq, softirq and steal as busy, and idle and iowait only in the total', () => {
    const text = [
      'cpu  100 20 30 400 50 6 7 8 90 10',
      'cpu0 50 10 15 200 25 3 3 4 45 5',
      'intr 12345',
    ].join('\n');
    expect(parseProcStat(text)).toEqual({
      busy: 100 + 20 + 30 + 6 + 7 + 8,
      total: 100 + 20 + 30 + 6 + 7 + 8 + 400 + 50,
    });
  });

  it('reads the line of all CPUs wherever it is, and reads older kernels with fewer fields', () => {
    expect(parseProcStat('intr 1\ncpu  10 0 5 80\n')).toEqual({
      busy: 15,
      total: 95,
    });
  });

  it('tells nothing without the line', () => {
    expect(parseProcStat('cpu0 1 2 3 4\n')).toBeUndefined();
  });
});

describe('startCpuMeter', () => {
  // Burns this much of the process's own CPU time, however busy the machine
  // is: spinning for wall time got too little CPU under load in CI.
  const burnCpu = (seconds: number) => {
    const start = process.cpuUsage();
    let turns = 0;
    for (;;) {
      const used = process.cpuUsage(start);
      if ((used.user + used.system) / 1e6 >= seconds) return turns;
      turns++;
    }
  };

  it("counts this process's CPU time spent since it started", () => {
    const stop = startCpuMeter();
    expect(burnCpu(0.06)).toBeGreaterThan(0);
    const spent = stop().process;
    expect(spent).toBeGreaterThanOrEqual(0.06);
    expect(spent).toBeLessThan(5);
  });

  (process.platform === 'linux' ? describe : describe.skip)('on Linux', () => {
    it("counts the machine's busy time and the time it had", () => {
      const stop = startCpuMeter();
      expect(burnCpu(0.06)).toBeGreaterThan(0);
      const cpu = stop();
      expect(cpu.machineAvailable).toBeGreaterThan(0);
      expect(cpu.machineBusy).toBeGreaterThan(0);
    });
  });
});

describe('describeCpu', () => {
  it("gives the process's time, then the machine's busy time of what it had, with the share", () => {
    expect(
      describeCpu({ process: 12.5, machineBusy: 27.9, machineAvailable: 31 }),
    ).toBe('12.5 / 27.9 of 31 (90%)');
  });

  it("gives the process's time alone where the machine was not measured", () => {
    expect(describeCpu({ process: 3.2 })).toBe('3.2');
    expect(describeCpu(undefined)).toBe('-');
  });
});
