// A second X display (Xvfb) for a second browser: each "device" needs its own screen, its own input and
// its own focused window, as two computers would have. Also used by the benchmark when run outside Xvfb.
import { spawn } from 'node:child_process';

export interface VirtualDisplay {
  /** e.g. ":99" */
  readonly display: string;
  close(): Promise<void>;
}

export function startVirtualDisplay(timeoutMs = 10_000): Promise<VirtualDisplay> {
  // -displayfd: Xvfb picks a free display number and writes it to fd 3 once it accepts connections.
  const child = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Xvfb did not start within ${timeoutMs} ms: ${stderr}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Xvfb exited with code ${code}: ${stderr}`));
    });
    (child.stdio[3] as NodeJS.ReadableStream).setEncoding('utf8');
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (chunk: string) => {
      out += chunk;
      if (!out.includes('\n')) return;
      clearTimeout(timer);
      resolve({
        display: `:${out.trim()}`,
        async close() {
          child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}
