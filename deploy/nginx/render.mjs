#!/usr/bin/env node
// Renders deploy/nginx/toasoan.conf.template into an nginx site file from environment variables,
// the same ones the CMS and the site read (SITE_URL, PUBLIC_CMS_URL), plus a few for nginx itself.
// The tests render the shipped template with loopback values, so what they check is what ships.
//
//   set -a; . /etc/toasoan/toasoan.env; set +a
//   node deploy/nginx/render.mjs > /etc/nginx/sites-available/toasoan
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
// The video hosts article bodies may embed: the sanitizer's list is the policy's list.
import { ALLOWED_IFRAME_HOSTS } from '../../shared/src/rich-text.ts';

const TEMPLATE = new URL('./toasoan.conf.template', import.meta.url);
const PREVIEW_TEMPLATE = new URL('./toasoan-preview.conf.template', import.meta.url);

const fail = (message) => {
  throw new Error(`deploy/nginx/render.mjs: ${message}`);
};

const urlOf = (env, name) => {
  const value = env[name];
  if (!value) fail(`${name} is not set`);
  let url;
  try {
    url = new URL(value);
  } catch {
    fail(`${name} is not a URL: ${value}`);
  }
  if (url.pathname !== '/' || url.search) fail(`${name} must be an origin without a path: ${value}`);
  return url;
};

/** The variables the template uses, from the environment (defaults fit the README's server layout). */
export const nginxVariables = (env) => {
  const site = urlOf(env, 'SITE_URL');
  const cms = urlOf(env, 'PUBLIC_CMS_URL');
  // Two server blocks tell the site and the CMS apart by host name only.
  if (site.hostname === cms.hostname) fail('SITE_URL and PUBLIC_CMS_URL need different host names (e.g. www. and cms.)');
  // The preview server (optional): a third host name, so nothing of a preview is on the public site's.
  const preview = env.PREVIEW_URL ? urlOf(env, 'PREVIEW_URL') : undefined;
  if (preview && [site.hostname, cms.hostname].includes(preview.hostname)) {
    fail('PREVIEW_URL needs its own host name (e.g. xemtruoc.), apart from SITE_URL and PUBLIC_CMS_URL');
  }
  const upstreams = (env.NGINX_CMS_UPSTREAMS ?? '127.0.0.1:1337').split(/[\s,]+/).filter(Boolean);
  if (upstreams.length === 0) fail('NGINX_CMS_UPSTREAMS lists no CMS address');
  const uploadMb = Number(env.UPLOAD_SIZE_LIMIT_MB ?? 50);
  if (!Number.isInteger(uploadMb) || uploadMb < 1) fail(`UPLOAD_SIZE_LIMIT_MB must be a whole number of megabytes: ${env.UPLOAD_SIZE_LIMIT_MB}`);
  return {
    LISTEN: env.NGINX_LISTEN ?? '80',
    SITE_HOST: site.hostname,
    CMS_HOST: cms.hostname,
    CMS_ORIGIN: cms.origin,
    EMBED_ORIGINS: ALLOWED_IFRAME_HOSTS.map((host) => `https://${host}`).join(' '),
    SITE_ROOT: env.NGINX_SITE_ROOT ?? '/srv/toasoan/web/.publisher/live',
    // The rebuild service's PUBLISHER_REDIRECT_HOST:PUBLISHER_REDIRECT_PORT.
    REDIRECT_SERVER: env.NGINX_REDIRECT_UPSTREAM ?? '127.0.0.1:4324',
    CMS_SERVERS: upstreams.map((address) => `    server ${address};`).join('\n'),
    // A little above the CMS's own limit, so the CMS answers with its (Vietnamese) error.
    UPLOAD_LIMIT: `${uploadMb + 1}m`,
    PREVIEW_HOST: preview?.hostname ?? '',
    PREVIEW_UPSTREAM: env.NGINX_PREVIEW_UPSTREAM ?? '127.0.0.1:4323',
  };
};

export const renderNginx = (env) => {
  const variables = nginxVariables(env);
  const templates = [TEMPLATE, ...(variables.PREVIEW_HOST ? [PREVIEW_TEMPLATE] : [])];
  return templates
    .map((file) => readFileSync(file, 'utf8'))
    .join('')
    .replace(/\{\{([A-Z_]+)\}\}/g, (_, name) => variables[name] ?? fail(`template uses unknown {{${name}}}`));
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    process.stdout.write(renderNginx(process.env));
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
