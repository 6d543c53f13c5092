import { spawn } from 'node:child_process';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

export const WEB_DIR = path.resolve(import.meta.dirname, '..');

export interface BuildResult {
  code: number | null;
  output: string;
  outDir: string;
}

/**
 * Runs a real `astro build` in web/ as the rebuild service does. The output folder is inside
 * web/ (web/.cache/test-builds/…): Astro writes its prerender bundle next to an outDir inside the
 * project, but into the shared web/.astro/ for one outside it, which parallel builds would share.
 */
export const runBuild = async (
  env: Record<string, string>,
  timeoutMs = 600_000,
  outDir = path.join(WEB_DIR, '.cache', 'test-builds', `${Date.now()}-${randomBytes(4).toString('hex')}`),
): Promise<BuildResult> => {
  await mkdir(path.dirname(outDir), { recursive: true });
  const childEnv: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    // Strapi's harness copies its own settings into process.env; none of them belong to the site build.
    if (value === undefined || /^(DATABASE_|STRAPI_|ADMIN_|API_TOKEN|APP_KEYS|JWT_|TRANSFER_|ENCRYPTION_|SEED_|VITEST|TEST)/.test(key)) continue;
    childEnv[key] = value;
  }
  Object.assign(childEnv, { NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1' }, env);
  return new Promise((resolve, reject) => {
    const child = spawn('pnpm', ['exec', 'astro', 'build', '--outDir', outDir], { cwd: WEB_DIR, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output, outDir });
    });
  });
};

export const removeBuild = (outDir: string) => rm(outDir, { recursive: true, force: true });

export const readPage = (outDir: string, urlPath: string) =>
  readFile(path.join(outDir, urlPath.replace(/^\//, ''), urlPath.endsWith('/') ? 'index.html' : ''), 'utf8');

/** A port nothing listens on. */
export const closedPort = async (): Promise<number> => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
};

/** A one-page PDF, valid enough for browsers and file(1). */
export const tinyPdf = (text: string): Buffer => {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    (() => {
      const stream = `BT /F1 18 Tf 72 770 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
      return `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
    })(),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((obj, i) => {
    offsets.push(Buffer.byteLength(body));
    body += `${i + 1} 0 obj\n${obj}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
};
