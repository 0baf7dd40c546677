/**
 * The built `gitlab-services-mock` command (dist/cli.js; `npm test` builds
 * first) as a child process, and raw HTTP/1.1 over a socket, for attacks
 * that need bytes a client library would not send (pipelining, forged Host
 * and Origin, `Expect: 100-continue`, an upload cut short).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { connect, type Socket } from 'node:net'
import { fileURLToPath } from 'node:url'
import { afterAll } from 'vitest'

export const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url))

export interface Cli {
  readonly child: ChildProcessWithoutNullStreams
  readonly port: number
  readonly origin: string
  /** The demo scenario's first token (printed at start-up). */
  readonly token: string
  stdout(): string
  stderr(): string
  /** Resolves with the exit code. */
  exited(): Promise<number | null>
}

const running: ChildProcessWithoutNullStreams[] = []
afterAll(() => {
  for (const child of running.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
})

/** Starts the CLI on a free loopback port with the demo scenario; resolves once its banner is out. */
export function startCli(args: readonly string[] = [], env: Record<string, string> = {}): Promise<Cli> {
  const child = spawn(process.execPath, [CLI, '--port', '0', ...args], { env: { ...process.env, ...env } })
  running.push(child)
  let out = ''
  let err = ''
  child.stderr.on('data', (chunk: Buffer) => (err += chunk))
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner; stdout: ${out}; stderr: ${err}`)), 15_000)
    const onData = (chunk: Buffer) => {
      out += chunk
      const ready = /listening on http:\/\/\S+?:(\d+)\/api\/v4/.exec(out)
      const token = /token for \S+: (\S+)/.exec(out)
      if (ready && token && out.includes('try: curl')) {
        clearTimeout(timer)
        const port = Number(ready[1])
        resolve({ child, port, origin: `http://127.0.0.1:${port}`, token: token[1]!, stdout: () => out, stderr: () => err, exited: () => exit })
      }
    }
    child.stdout.on('data', onData)
    void exit.then((code) => reject(new Error(`exited ${code}: ${out} ${err}`)))
  })
}

/** A raw HTTP/1.1 response as read off the socket. */
export interface RawAnswer {
  readonly head: string
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
}

/**
 * Reads HTTP/1.1 responses (Content-Length framed, as the server always
 * frames them) off a socket as they arrive, interim `1xx` ones included.
 */
export class RawConnection {
  readonly socket: Socket
  #buffer = Buffer.alloc(0)
  #waiting: (() => void) | undefined
  #closed = false

  private constructor(socket: Socket) {
    this.socket = socket
    socket.on('data', (chunk: Buffer) => {
      this.#buffer = Buffer.concat([this.#buffer, chunk])
      this.#waiting?.()
    })
    socket.on('close', () => {
      this.#closed = true
      this.#waiting?.()
    })
    socket.on('error', () => undefined)
  }

  static open(port: number): Promise<RawConnection> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port }, () => resolve(new RawConnection(socket)))
      socket.once('error', reject)
    })
  }

  write(data: string | Buffer): void {
    this.socket.write(data)
  }

  get closed(): boolean {
    return this.#closed
  }

  /** The next response, or undefined when the connection closes first. */
  async next(): Promise<RawAnswer | undefined> {
    for (;;) {
      const end = this.#buffer.indexOf('\r\n\r\n')
      if (end !== -1) {
        const head = this.#buffer.subarray(0, end).toString('latin1')
        const headers: Record<string, string> = {}
        for (const line of head.split('\r\n').slice(1)) {
          const colon = line.indexOf(':')
          headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
        }
        const status = Number(head.split(' ')[1])
        const length = status < 200 || status === 204 ? 0 : Number(headers['content-length'] ?? 0)
        if (this.#buffer.length >= end + 4 + length) {
          const body = this.#buffer.subarray(end + 4, end + 4 + length).toString('utf8')
          this.#buffer = this.#buffer.subarray(end + 4 + length)
          return { head, status, headers, body }
        }
      }
      if (this.#closed) return undefined
      await new Promise<void>((resolve) => (this.#waiting = resolve))
      this.#waiting = undefined
    }
  }

  close(): void {
    this.socket.destroy()
  }
}

/** One request's bytes: request line, headers (Host first unless given), body framed by Content-Length. */
export function rawRequest(method: string, target: string, headers: readonly (readonly [string, string])[], body = ''): string {
  const lines = [`${method} ${target} HTTP/1.1`]
  if (!headers.some(([name]) => name.toLowerCase() === 'host')) lines.push('Host: 127.0.0.1')
  for (const [name, value] of headers) lines.push(`${name}: ${value}`)
  if (body !== '' || method === 'PUT' || method === 'POST') lines.push(`Content-Length: ${Buffer.byteLength(body)}`)
  return `${lines.join('\r\n')}\r\n\r\n${body}`
}

/** Sends one request on a fresh connection and reads its answer. */
export async function exchange(port: number, request: string): Promise<RawAnswer> {
  const connection = await RawConnection.open(port)
  try {
    connection.write(request)
    const answer = await connection.next()
    if (answer === undefined) throw new Error('connection closed without an answer')
    return answer
  } finally {
    connection.close()
  }
}
