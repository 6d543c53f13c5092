import type { Core } from '@strapi/strapi';

const COMMENT = 'api::comment.comment';
export const PUBLIC_COMMENT_LIMIT = 100;

export interface PublicComment {
  name: string;
  text: string;
  createdAt: string;
}

export interface NewComment {
  name: string;
  email?: string;
  text: string;
}

export const createComments = (strapi: Core.Strapi) => {
  const articles = () => strapi.db.connection(strapi.db.metadata.get('api::article.article').tableName);
  // The published side only: each comment links to the draft and the published row of its article.
  const approvedOf = (documentId: string) => ({ moderation: 'approved', article: { documentId, publishedAt: { $notNull: true } } });

  return {
    /**
     * The published article a reader can comment on, or null; `open` is the editor's per-article switch.
     * `rows` are its draft and published rows: a comment links to both, as the document service links a
     * type without drafts to one with drafts, so the admin (which shows the draft side) sees the article.
     */
    async article(documentId: string) {
      const rows = await articles().where({ document_id: documentId }).select('id', 'published_at', 'comments_enabled');
      const published = rows.find((row) => row.published_at != null);
      if (!published) return null;
      // Rows published before the switch existed hold NULL, which means open.
      const open = published.comments_enabled !== false && published.comments_enabled !== 0;
      return { rows: rows.map((row) => row.id as number), open };
    },

    /** Approved comments only, newest first, and never the email: this is what the public sees. */
    async approved(documentId: string): Promise<{ comments: PublicComment[]; total: number }> {
      const query = strapi.db.query(COMMENT);
      const [rows, total] = await Promise.all([
        query.findMany({ where: approvedOf(documentId), select: ['name', 'text', 'createdAt'], orderBy: { createdAt: 'desc' }, limit: PUBLIC_COMMENT_LIMIT }),
        query.count({ where: approvedOf(documentId) }),
      ]);
      const comments = rows.map(({ name, text, createdAt }: PublicComment) => ({ name, text, createdAt: new Date(createdAt).toISOString() }));
      return { comments, total };
    },

    // Written through the query engine, not the document service, on purpose: the document service
    // would send an entry.create webhook and every pending (possibly spam) comment would rebuild the
    // site. The rebuild happens when an editor approves it in the admin (entry.update).
    async submit(articleRows: number[], comment: NewComment) {
      await strapi.db.query(COMMENT).create({
        data: { ...comment, moderation: 'pending', article: { set: articleRows.map((id) => ({ id })) }, publishedAt: new Date() },
      });
    },
  };
};

export type Comments = ReturnType<typeof createComments>;
