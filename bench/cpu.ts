/**
 * CPU time of another process, read from /proc (Linux), so it works the same
 * for every server under test, ours or a peer's CLI, without its cooperation.
 *
 * Preferred: the sum over the process's threads of /proc/<pid>/task/<tid>/schedstat's
 * first field (time on CPU, nanoseconds). The sum matters: /proc/<pid>/schedstat is the
 * main thread only, and Node's GC helper and libuv threads do part of the work.
 * Fallback: /proc/<pid>/stat utime + stime (all threads, in clock ticks, usually 10 ms:
 * too coarse for a 1 s round at a few thousand requests, fine for 5 s rounds).
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'

export type CpuMethod = 'schedstat' | 'stat'

let ticks: number | undefined
function clockTicks(): number {
  ticks ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100
  return ticks
}

/** How CPU time is read on this machine (`undefined`: no /proc, CPU per request is not reported). */
export function cpuMethod(): CpuMethod | undefined {
  if (existsSync(`/proc/${process.pid}/task/${process.pid}/schedstat`)) return 'schedstat'
  if (existsSync(`/proc/${process.pid}/stat`)) return 'stat'
  return undefined
}

/** CPU time `pid` has used so far (all its threads, not its children), in nanoseconds. */
export function cpuNs(pid: number, method: CpuMethod): number {
  if (method === 'schedstat') {
    let total = 0
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        total += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0])
      } catch {
        // A thread that ended between the listing and the read: its time is lost either way.
      }
    }
    return total
  }
  // Fields after the command name (which may hold spaces): utime and stime are fields 14 and 15.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return ((Number(fields[11]) + Number(fields[12])) * 1e9) / clockTicks()
}

/** Processes `pid` has started (a CLI that forks its real server would show here): ppid from /proc/<n>/stat. */
export function childPids(pid: number): number[] {
  const children: number[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) children.push(Number(entry))
    } catch {
      // Gone meanwhile.
    }
  }
  return children
}
