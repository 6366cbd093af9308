import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pdfAvailable } from './lib/pdf.js';
import { quoteInput, setupInput, clientInput } from './testing/factories.js';

/**
 * Graceful shutdown of the real server process: SIGTERM while a PDF is being printed. The PDF
 * request still gets its PDF (the browser closes after it, not before), new connections are
 * refused, and the process exits 0 after closing the scheduler and the database.
 */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

describe('graceful shutdown of the server process', () => {
  let child: ChildProcess | null = null;
  let dataDir = '';
  afterEach(() => {
    if (child?.pid && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it.skipIf(!pdfAvailable())(
    'finishes a PDF in flight on SIGTERM, then refuses connections and exits cleanly',
    async () => {
      const port = await freePort();
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mila-shutdown-'));
      const proc = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
        env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', MILA_DATA_DIR: dataDir, DATABASE_URL: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
        // Its own process group, signalled as a whole: what Ctrl+C or a service manager does.
        detached: true,
      });
      child = proc;
      let output = '';
      proc.stdout?.on('data', (d: Buffer) => (output += d.toString()));
      proc.stderr?.on('data', (d: Buffer) => (output += d.toString()));
      const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
      const url = `http://127.0.0.1:${port}`;
      for (let i = 0; ; i++) {
        if (proc.exitCode !== null) throw new Error(`server exited early:\n${output}`);
        const up = await fetch(`${url}/api/v1/health`).then(
          (r) => r.ok,
          () => false,
        );
        if (up) break;
        if (i > 150) throw new Error(`server did not start:\n${output}`);
        await new Promise((r) => setTimeout(r, 200));
      }

      const setup = await fetch(`${url}/api/v1/setup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(setupInput()),
      });
      expect(setup.status).toBe(201);
      const cookie = (setup.headers.get('set-cookie') ?? '').split(';')[0]!;
      const { csrfToken } = (await setup.json()) as { csrfToken: string };
      const headers = { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken };
      const post = async (p: string, body: unknown) => {
        const res = await fetch(`${url}${p}`, { method: 'POST', headers, body: JSON.stringify(body) });
        expect(res.status, p).toBe(201);
        return (await res.json()) as { id: string };
      };
      const client = await post('/api/v1/clients', clientInput());
      const quote = await post('/api/v1/quotes', quoteInput(client.id));

      // The PDF starts (Chromium is launched for it), and SIGTERM arrives while it prints.
      const pdf = fetch(`${url}/api/v1/quotes/${quote.id}/pdf`, { headers: { cookie } });
      await new Promise((r) => setTimeout(r, 150));
      process.kill(-proc.pid!, 'SIGTERM');

      const res = await pdf;
      expect(res.status, output).toBe(200);
      expect(res.headers.get('content-type')).toContain('application/pdf');
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(bytes.subarray(0, 4).toString()).toBe('%PDF');

      expect(await exited, output).toBe(0);
      expect(output).toContain('Stopped');
      await expect(fetch(`${url}/api/v1/health`)).rejects.toThrow();
    },
    60_000,
  );
});
