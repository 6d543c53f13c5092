import type { Core } from '@strapi/strapi';
import ROLES from './roles.json';

/**
 * The newsroom's admin roles, committed in roles.json and applied exactly on every start: a role holds
 * the permissions listed there and nothing else, so what a role may do is read in one file and a
 * database cannot drift (a type added later, a permission clicked in by hand, Strapi's first-start
 * defaults). The admin shows each role only the menus its permissions open.
 *
 *   contentTypes: uid → actions (create, read, update, delete, publish), or
 *                 { actions, ownOnly: true } for entries the user created (Strapi's is-creator condition)
 *   plugins:      plugin actions (e.g. the media library), a string or { action, ownOnly }
 */
type Grant = string[] | { actions: string[]; ownOnly?: boolean };
type PluginGrant = string | { action: string; ownOnly?: boolean };
export interface RoleSpec {
  name: string;
  description: string;
  contentTypes: Record<string, Grant>;
  plugins: PluginGrant[];
}
export const ROLE_SPECS: Record<string, RoleSpec> = ROLES;

const OWN_ONLY = ['admin::is-creator'];
const EXPLORER = 'plugin::content-manager.explorer';

const permissionsOf = (strapi: Core.Strapi, spec: RoleSpec) => {
  const actionProvider = strapi.service('admin::permission').actionProvider;
  const contentTypes = Object.entries(spec.contentTypes).flatMap(([subject, grant]) => {
    const { actions, ownOnly = false } = Array.isArray(grant) ? { actions: grant } : grant;
    const withFields = strapi
      .service('admin::content-type')
      .getPermissionsWithNestedFields(actions.map((verb) => ({ ...actionProvider.get(`${EXPLORER}.${verb}`), subjects: [subject] })));
    return withFields.map((permission: object) => ({ ...permission, conditions: ownOnly ? OWN_ONLY : [] }));
  });
  const plugins = spec.plugins.map((grant) => {
    const { action, ownOnly = false } = typeof grant === 'string' ? { action: grant } : grant;
    return { action, subject: null, properties: {}, conditions: ownOnly ? OWN_ONLY : [] };
  });
  return [...contentTypes, ...plugins];
};

export const ensureNewsroomRoles = async (strapi: Core.Strapi) => {
  const roleService = strapi.service('admin::role');
  // Makes the super admin role (and Strapi's editor and author, which we then rename) on a new database.
  await roleService.createRolesIfNoneExist();

  for (const [code, spec] of Object.entries(ROLE_SPECS)) {
    let role = await strapi.db.query('admin::role').findOne({ where: { code } });
    if (!role) role = await roleService.create({ code, name: spec.name, description: spec.description });
    if (role.name !== spec.name || role.description !== spec.description) {
      await strapi.db.query('admin::role').update({ where: { id: role.id }, data: { name: spec.name, description: spec.description } });
    }
    // Adds what is missing and removes what the file does not list; unchanged permissions are kept as they are.
    await roleService.assignPermissions(role.id, permissionsOf(strapi, spec));
  }
};
