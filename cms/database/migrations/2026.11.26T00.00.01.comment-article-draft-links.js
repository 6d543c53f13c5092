'use strict';

// Reader comments used to be linked to the published row of their article only. The document
// service links a type without drafts (comments) to both rows of a type with drafts (articles),
// and the admin shows the draft side: those comments showed an empty "Bài viết". Adds the
// missing link to the draft row of the same article. Runs once, on SQLite and PostgreSQL.
const LINKS = 'comments_article_lnk';

module.exports = {
  async up(knex) {
    if (!(await knex.schema.hasTable(LINKS))) return;
    const missing = await knex(`${LINKS} as link`)
      .join('articles as published', 'published.id', 'link.article_id')
      .join('articles as draft', function sameDocument() {
        this.on('draft.document_id', '=', 'published.document_id').andOnNull('draft.published_at');
      })
      .whereNotNull('published.published_at')
      .whereNotExists(function alreadyLinked() {
        this.select(knex.raw('1')).from(`${LINKS} as other`).whereRaw('other.comment_id = link.comment_id').whereRaw('other.article_id = draft.id');
      })
      .select('link.comment_id as comment_id', 'draft.id as article_id');
    for (let start = 0; start < missing.length; start += 200) await knex(LINKS).insert(missing.slice(start, start + 200));
  },
};
