/** Child processes for the consumer tests: run to the end with a deadline, or wait for a line. */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process'
import { stripVTControlCharacters } from 'node:util'

export interface Outcome {
  readonly code: number | null
  readonly stdout: string
  /** stdout and stderr interleaved. */
  readonly output: string
}

export function run(command: string, args: readonly string[], options: SpawnOptions & { timeout?: number } = {}): Promise<Outcome> {
  const { timeout = 180_000, ...spawnOptions } = options
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...spawnOptions, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
    let output = ''
    let stdout = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk
      output += chunk
    })
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk))
    const timer = setTimeout(() => {
      output += `\n[stopped after ${timeout} ms]`
      stop(child)
    }, timeout)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, output: stripVTControlCharacters(output) })
    })
  })
}

/** Starts `command` and resolves once its output matches `ready` (rejects when it exits first). */
export function started(command: string, args: readonly string[], ready: RegExp, options: SpawnOptions = {}): Promise<{ child: ChildProcess; match: RegExpMatchArray }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
    let output = ''
    const timer = setTimeout(() => {
      stop(child)
      reject(new Error(`no ${ready} within 20 s:\n${output}`))
    }, 20_000)
    const onData = (chunk: Buffer) => {
      output += chunk
      const match = output.match(ready)
      if (match) {
        clearTimeout(timer)
        resolve({ child, match })
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`exited with ${code} before ${ready}:\n${output}`))
    })
  })
}

/** Ends a child started here and everything it started (its own process group). */
export function stop(child: ChildProcess): void {
  if (child.pid !== undefined && child.exitCode === null) {
    try {
      process.kill(-child.pid, 'SIGTERM')
    } catch {
      // already gone
    }
  }
}

/** At most `slots` jobs at a time (the machine has two cores); the rest wait their turn. */
export function limiter(slots: number): <T>(job: () => Promise<T>) => Promise<T> {
  const waiting: (() => void)[] = []
  let free = slots
  return async (job) => {
    if (free === 0) await new Promise<void>((resolve) => waiting.push(resolve))
    else free--
    try {
      return await job()
    } finally {
      const next = waiting.shift()
      if (next) next()
      else free++
    }
  }
}
