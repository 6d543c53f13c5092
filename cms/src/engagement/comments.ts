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
  const approvedOf = (documentId: string) => ({ status: 'approved', article: { documentId } });

  return {
    /** The published article a reader can comment on, or null; `open` is the editor's per-article switch. */
    async article(documentId: string) {
      const row = await articles().where({ document_id: documentId }).whereNotNull('published_at').first('id', 'comments_enabled');
      // Rows published before the switch existed hold NULL, which means open.
      return row ? { id: row.id as number, open: row.comments_enabled !== false && row.comments_enabled !== 0 } : null;
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
    async submit(articleRowId: number, comment: NewComment) {
      await strapi.db.query(COMMENT).create({
        data: { ...comment, status: 'pending', article: articleRowId, publishedAt: new Date() },
      });
    },
  };
};

export type Comments = ReturnType<typeof createComments>;
