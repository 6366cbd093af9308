/**
 * Debian's nginx in front of several app processes, set up the way an operator would: a config of
 * its own in a temp dir (pid file, error and access logs, temp paths, a free loopback port), run in
 * the foreground as a child of the test and stopped at the end. Nothing of the system's nginx
 * (/etc/nginx, /var/log/nginx, port 80) is read or touched.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const NGINX = '/usr/sbin/nginx';

/** Why nginx cannot be run here; null when it can. */
export function nginxMissing(): string | null {
  return fs.existsSync(NGINX) ? null : `${NGINX} is not installed (apt-get install nginx)`;
}

export type Nginx = {
  url: string;
  /** One line per request: `$request_id $status "$upstream_addr" "$upstream_status" $request_method "$http_x_drill_tag"`. */
  accessLog: () => string;
  errorLog: () => string;
  /** Graceful stop (SIGQUIT): requests in flight finish, every log line is written; the logs stay readable. */
  stop: () => Promise<void>;
};

function config(dir: string, port: number, upstreams: number[]): string {
  const servers = upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=2s;`).join('\n');
  return `daemon off;
master_process on;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log notice;
events { worker_connections 1024; }
http {
  log_format drill '$request_id $status "$upstream_addr" "$upstream_status" $request_method "$http_x_drill_tag"';
  access_log ${dir}/access.log drill;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream mila {
    # A process that refused a connection is skipped for 2 s (default 10): one restarted by the
    # drill is back in rotation soon after it listens.
${servers}
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://mila;
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Request-Id $request_id;
      # nginx's default, spelled out: a request that could not be sent (refused, timed out) goes to
      # the next process, and so does a GET cut off by a dying one; a POST that reached a process
      # is never sent again (no non_idempotent), so a write is never done twice by the proxy.
      proxy_next_upstream error timeout;
    }
  }
}
`;
}

export async function startNginx(port: number, upstreams: number[]): Promise<Nginx> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mila-nginx-'));
  // As root the workers run as nobody: they must reach the temp paths the master makes here.
  fs.chmodSync(dir, 0o755);
  const file = path.join(dir, 'nginx.conf');
  fs.writeFileSync(file, config(dir, port, upstreams));
  const errorLog = path.join(dir, 'error.log');
  // -e: the log of the start itself goes here too, not to /var/log/nginx.
  const child = spawn(NGINX, ['-p', dir, '-c', file, '-e', errorLog], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // A master left behind would keep the port: SIGTERM reaches its workers through it.
  const orphan = () => child.kill('SIGTERM');
  process.once('exit', orphan);
  // After the stop the logs are kept in memory and the temp dir is gone.
  const kept = new Map<string, string>();
  const read = (name: string) => () => {
    try {
      return kept.get(name) ?? fs.readFileSync(path.join(dir, name), 'utf8');
    } catch {
      return '';
    }
  };
  const stop = async () => {
    process.removeListener('exit', orphan);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGQUIT');
      await exited;
    }
    if (!fs.existsSync(dir)) return;
    for (const name of ['access.log', 'error.log']) kept.set(name, read(name)());
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited while starting:\n${output}\n${read('error.log')()}`);
    const listening = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (listening) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`nginx did not listen in 20 s:\n${output}\n${read('error.log')()}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { url: `http://127.0.0.1:${port}`, accessLog: read('access.log'), errorLog: read('error.log'), stop };
}
