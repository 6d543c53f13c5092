import type { Core } from '@strapi/strapi';

// A new machine or a CI run must reach the admin without the "create the first administrator"
// screen, so the first super admin comes from env. Once any admin exists this does nothing.
export const ensureSuperAdmin = async (strapi: Core.Strapi) => {
  const email = process.env.STRAPI_ADMIN_EMAIL;
  const password = process.env.STRAPI_ADMIN_PASSWORD;
  if (!email || !password) return;

  const users = strapi.service('admin::user');
  if (await users.exists()) return;

  const superAdminRole = await strapi.service('admin::role').getSuperAdmin();
  if (!superAdminRole) throw new Error('Strapi did not create its Super Admin role');

  await users.create({
    email,
    password,
    firstname: process.env.STRAPI_ADMIN_FIRSTNAME ?? 'Quản trị',
    lastname: process.env.STRAPI_ADMIN_LASTNAME ?? 'viên',
    isActive: true,
    registrationToken: null,
    roles: [superAdminRole.id],
    preferedLanguage: 'vi',
  });
  strapi.log.info(`Created the first super admin ${email}`);
};

// Strapi names its top role in English ("Super Admin"); it is shown under every administrator's
// name in the admin. Only Strapi's own default name is replaced, never one an administrator chose.
export const nameSuperAdminRole = async (strapi: Core.Strapi) => {
  const role = await strapi.db.query('admin::role').findOne({ where: { code: 'strapi-super-admin' } });
  if (role && role.name === 'Super Admin') {
    await strapi.db.query('admin::role').update({
      where: { id: role.id },
      data: { name: 'Quản trị hệ thống', description: 'Toàn quyền với mọi chức năng và cấu hình.' },
    });
  }
};
