import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { createConnection, createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
// The shipped template and renderer: the tests run exactly what an operator installs.
import { renderNginx } from '../../deploy/nginx/render.mjs';

const NGINX = '/usr/sbin/nginx';
const BROTLI = '/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so';

export const SITE_HOST = 'site.toasoan.test';
export const CMS_HOST = 'cms.toasoan.test';
export const PREVIEW_HOST = 'xemtruoc.toasoan.test';

export interface Nginx {
  port: number;
  /** Reads nginx's error log (for failure messages). */
  errors(): Promise<string>;
  stop(): Promise<void>;
}

/** A port nothing listens on now; pass it to startNginx when the port must be known beforehand. */
export const freePort = async () => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
};

const accepting = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

/**
 * Runs Debian's nginx in the foreground with the shipped site file (deploy/nginx/toasoan.conf.template
 * rendered for loopback) inside a minimal main configuration like Debian's /etc/nginx/nginx.conf.
 */
export const startNginx = async ({
  siteRoot,
  cmsUrls,
  port: chosenPort,
  redirectsUrl,
  previewUrl,
}: {
  siteRoot: string;
  cmsUrls: string[];
  port?: number;
  /** The rebuild service's redirect answerer; without one, misses find nothing listening (port 9) and get the 404 page. */
  redirectsUrl?: string;
  /** The preview server's own address: nginx then serves it at PREVIEW_HOST. */
  previewUrl?: string;
}): Promise<Nginx> => {
  for (const [file, pkg] of [[NGINX, 'nginx'], [BROTLI, 'libnginx-mod-http-brotli-filter']] as const) {
    if (!existsSync(file)) throw new Error(`${file} is missing: these tests run the shipped nginx configuration (apt-get install ${pkg}; .ci/run does)`);
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'toasoan-nginx-'));
  await mkdir(path.join(dir, 'temp'));
  const port = chosenPort ?? (await freePort());
  const site = renderNginx({
    SITE_URL: `http://${SITE_HOST}:${port}`,
    PUBLIC_CMS_URL: `http://${CMS_HOST}:${port}`,
    NGINX_LISTEN: `127.0.0.1:${port}`,
    NGINX_SITE_ROOT: siteRoot,
    NGINX_CMS_UPSTREAMS: cmsUrls.map((url) => new URL(url).host).join(' '),
    NGINX_REDIRECT_UPSTREAM: redirectsUrl ? new URL(redirectsUrl).host : '127.0.0.1:9',
    ...(previewUrl ? { PREVIEW_URL: `http://${PREVIEW_HOST}:${port}`, NGINX_PREVIEW_UPSTREAM: new URL(previewUrl).host } : {}),
  });
  await writeFile(path.join(dir, 'toasoan.conf'), site);
  const temp = (name: string) => path.join(dir, 'temp', name);
  // As root (CI), workers would drop to "nobody", who cannot read a test's private temp folders.
  const user = process.getuid?.() === 0 ? `user ${userInfo().username};` : '';
  await writeFile(
    path.join(dir, 'nginx.conf'),
    `${user}
load_module ${BROTLI};
worker_processes 2;
worker_rlimit_nofile 16384;
pid ${path.join(dir, 'nginx.pid')};
error_log ${path.join(dir, 'error.log')} warn;
events { worker_connections 8192; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  sendfile on;
  tcp_nopush on;
  access_log off;
  client_body_temp_path ${temp('body')};
  proxy_temp_path ${temp('proxy')};
  fastcgi_temp_path ${temp('fastcgi')};
  uwsgi_temp_path ${temp('uwsgi')};
  scgi_temp_path ${temp('scgi')};
  include ${path.join(dir, 'toasoan.conf')};
}
`,
  );
  await chmod(dir, 0o755);
  const child: ChildProcess = spawn(NGINX, ['-p', dir, '-e', path.join(dir, 'error.log'), '-c', path.join(dir, 'nginx.conf'), '-g', 'daemon off;'], {
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const errors = () => readFile(path.join(dir, 'error.log'), 'utf8').catch(() => '');
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx did not start: ${stderr}${await errors()}`);
    if (await accepting(port)) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    port,
    errors,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGQUIT');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
};

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface RequestOptions {
  port: number;
  host: string;
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** Source address in 127.0.0.0/8 (Linux routes all of it to loopback): a distinct reader to nginx. */
  from?: string;
}

export const BROWSER = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

/** One request on its own connection, from `from`, with Host `host`; the body is kept raw (compressed bodies stay compressed). */
export const request = ({ port, host, path: urlPath, method = 'GET', headers = {}, body, from = '127.0.0.1' }: RequestOptions) =>
  new Promise<Reply>((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: urlPath,
        method,
        localAddress: from,
        agent: false,
        headers: {
          host,
          'user-agent': BROWSER,
          ...(payload ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) } : {}),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('latin1') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });

export const json = (reply: Reply) => JSON.parse(Buffer.from(reply.body, 'latin1').toString('utf8'));

/** The n-th address (0 ≤ n < 64,516) of block 127.<block>.0.0/16; each test uses its own block. */
export const address = (block: number, n = 0) => `127.${block}.${Math.floor(n / 254)}.${(n % 254) + 1}`;
