// Vietnamese labels of the codes stored in enumeration fields. The codes stay the API's and the
// site's; editors only ever see the labels. Strapi's forms and list filters look an option's label
// up as a translation whose key is the code itself, so these go into the admin's translations;
// list cells get them through the column hook in app.tsx. (Document types are a list editors
// edit, api::document-type, shown by name.)

export const MODERATION_LABELS = {
  pending: 'Chờ duyệt',
  approved: 'Đã duyệt',
  rejected: 'Từ chối',
} as const;

export const CHOICE_LABELS: Record<string, string> = {
  ...MODERATION_LABELS,
};
