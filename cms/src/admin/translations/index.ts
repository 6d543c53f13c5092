// Vietnamese for every Strapi package an editor, author or moderator meets. Each file mirrors one
// package's own en.json (same keys, unprefixed) and holds only what Strapi's `vi` lacks or gets
// wrong; `pnpm --filter ./cms translations:check` reports any key still falling back to English.
import admin from './admin.json';
import contentManager from './content-manager.json';
import contentTypeBuilder from './content-type-builder.json';
import i18n from './i18n.json';
import upload from './upload.json';
import usersPermissions from './users-permissions.json';

/** Package → the prefix its keys carry at run time (plugins register theirs under their id). */
export const PACKAGES = {
  admin: { prefix: '', messages: admin },
  'content-manager': { prefix: 'content-manager.', messages: contentManager },
  'content-type-builder': { prefix: 'content-type-builder.', messages: contentTypeBuilder },
  i18n: { prefix: 'i18n.', messages: i18n },
  upload: { prefix: 'upload.', messages: upload },
  'users-permissions': { prefix: 'users-permissions.', messages: usersPermissions },
} as const;

export const vi: Record<string, string> = Object.assign(
  {},
  ...Object.values(PACKAGES).map(({ prefix, messages }) =>
    Object.fromEntries(Object.entries(messages).map(([key, value]) => [prefix + key, value]))
  )
);
