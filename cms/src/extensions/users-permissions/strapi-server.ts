// The site has no reader accounts, so the users-permissions "User" type is of no use to editors;
// shown in the content manager it would be an English-named menu entry leading to an empty list.
export default (plugin: { contentTypes: Record<string, { schema: { pluginOptions?: Record<string, unknown> } }> }) => {
  const { schema } = plugin.contentTypes.user;
  schema.pluginOptions = { ...schema.pluginOptions, 'content-manager': { visible: false } };
  return plugin;
};
