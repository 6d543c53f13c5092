import type { Core } from '@strapi/strapi';
import { PUBLIC_CONTENT_TYPES } from './content-types';

const EXPLORER = 'plugin::content-manager.explorer';
const PUBLISH = `${EXPLORER}.publish`;
const WRITE_ACTIONS = ['create', 'read', 'update', 'delete'].map((verb) => `${EXPLORER}.${verb}`);

type Permission = { id?: number; action: string; subject: string | null; properties?: unknown; conditions?: string[] };

// Strapi creates "Editor" and "Author" on first start with the content types present then;
// a type added later would be invisible to them. Editors publish; authors write drafts only
// (their own, as Strapi's is-creator condition gives them) and can never publish.
const ROLES = [
  { code: 'strapi-editor', name: 'Biên tập viên', actions: [...WRITE_ACTIONS, PUBLISH], conditions: [] as string[] },
  { code: 'strapi-author', name: 'Tác giả', actions: WRITE_ACTIONS, conditions: ['admin::is-creator'] },
];

export const ensureNewsroomRoles = async (strapi: Core.Strapi) => {
  const roleService = strapi.service('admin::role');
  const permissionService = strapi.service('admin::permission');
  await roleService.createRolesIfNoneExist();

  for (const spec of ROLES) {
    const role = await strapi.db.query('admin::role').findOne({ where: { code: spec.code } });
    if (!role) throw new Error(`Strapi did not create the ${spec.code} role`);
    if (role.name !== spec.name) {
      await strapi.db.query('admin::role').update({ where: { id: role.id }, data: { name: spec.name } });
    }

    const current: Permission[] = await permissionService.findMany({ where: { role: { id: role.id } } });
    const has = new Set(current.map((p) => `${p.action}|${p.subject}`));

    const forbidden = current.filter(
      (p) => p.action === PUBLISH && !spec.actions.includes(PUBLISH) && p.subject !== null
    );
    if (forbidden.length > 0) await permissionService.deleteByIds(forbidden.map((p) => p.id));

    const actions = spec.actions.map((actionId) => ({
      ...permissionService.actionProvider.get(actionId),
      subjects: PUBLIC_CONTENT_TYPES,
    }));
    const candidates: Permission[] = strapi
      .service('admin::content-type')
      .getPermissionsWithNestedFields(actions);
    const missing = candidates
      .filter((p) => p.subject && (PUBLIC_CONTENT_TYPES as readonly string[]).includes(p.subject))
      .filter((p) => !has.has(`${p.action}|${p.subject}`))
      .map((p) => ({ ...p, conditions: spec.conditions }));
    if (missing.length > 0) await roleService.addPermissions(role.id, missing);
  }
};
