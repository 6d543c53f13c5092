import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Core } from '@strapi/strapi';

/**
 * How each content type looks in the Content Manager, committed in src/views/<type>.json and applied
 * on every start, so every database (a fresh demo, production, a test) shows editors the same lists
 * and forms. Only what a file names is set; Strapi keeps the rest (field order in forms, new fields).
 *
 *   settings: Strapi's list settings (pageSize, mainField, defaultSortBy, defaultSortOrder, filterable…)
 *   list:     the list's columns, in order
 *   fields:   per field: label (form and list), description, editable, mainField (relations)
 *   hidden:   fields kept out of the edit form
 */
export interface ViewFile {
  uid: string;
  settings?: Record<string, unknown>;
  list?: string[];
  fields?: Record<string, { label?: string; description?: string; editable?: boolean; mainField?: string }>;
  hidden?: string[];
}

type Meta = { edit?: Record<string, unknown>; list?: Record<string, unknown> };
type Configuration = {
  settings: Record<string, unknown>;
  metadatas: Record<string, Meta>;
  layouts: { list: string[]; edit: { name: string; size: number }[][] };
};

export const VIEWS_DIR = path.join(__dirname, '..', 'views');

export const readViews = async (dir = VIEWS_DIR): Promise<ViewFile[]> => {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.json')).sort();
  return Promise.all(files.map(async (file) => JSON.parse(await readFile(path.join(dir, file), 'utf8')) as ViewFile));
};

export const applyView = (current: Configuration, view: ViewFile): Configuration => {
  const next: Configuration = structuredClone(current);
  Object.assign(next.settings, view.settings);
  if (view.list) next.layouts.list = view.list.filter((field) => field in next.metadatas);
  for (const [field, spec] of Object.entries(view.fields ?? {})) {
    const meta = next.metadatas[field];
    if (!meta) continue; // a field the content type no longer has
    const { label, mainField, ...edit } = spec;
    if (meta.edit) Object.assign(meta.edit, edit, label === undefined ? {} : { label }, mainField === undefined ? {} : { mainField });
    if (meta.list) Object.assign(meta.list, label === undefined ? {} : { label }, mainField === undefined ? {} : { mainField });
  }
  for (const field of view.hidden ?? []) {
    if (next.metadatas[field]?.edit) next.metadatas[field].edit!.visible = false;
    next.layouts.edit = next.layouts.edit.map((row) => row.filter((cell) => cell.name !== field)).filter((row) => row.length > 0);
  }
  return next;
};

export const applyAdminViews = async (strapi: Core.Strapi, views?: ViewFile[]) => {
  const contentTypes = strapi.plugin('content-manager').service('content-types');
  for (const view of views ?? (await readViews())) {
    const contentType = contentTypes.findContentType(view.uid);
    if (!contentType) throw new Error(`src/views: unknown content type ${view.uid}`);
    const { settings, metadatas, layouts } = await contentTypes.findConfiguration(contentType);
    const current = { settings, metadatas, layouts } as Configuration;
    const next = applyView(current, view);
    if (JSON.stringify(next) !== JSON.stringify(current)) await contentTypes.updateConfiguration(contentType, next);
  }
};
