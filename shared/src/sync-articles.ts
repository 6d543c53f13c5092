/**
 * The site's sync reads changed articles whole through `syncArticles` (cms/src/site-states/articles.ts),
 * which answers in columns because that is cheap for the CMS to serve. This turns the columns
 * back into the objects the generated `articles` query would give (fragment ArticleFull, without
 * reader counts, which the sync takes from `siteStates`).
 */
import type { ArticleFullFragment, SyncArticlesQuery } from './generated/graphql.ts';

export type SyncedArticle = Omit<ArticleFullFragment, 'views' | 'ratingAverage' | 'ratingCount'>;
type Refs = SyncArticlesQuery['syncArticles']['tags'];

const byId = ({ documentIds, slugs, names }: Refs) => new Map(documentIds.map((documentId, i) => [documentId, { documentId, slug: slugs[i] ?? null, name: names[i]! }]));

export const articlesFromColumns = (c: SyncArticlesQuery['syncArticles']): SyncedArticle[] => {
  const categories = byId(c.categories);
  const tags = byId(c.tags);
  const cover = c.covers;
  return c.documentIds.map((documentId, i) => {
    const categoryId = c.categoryIds[i];
    const url = cover.urls[i];
    return {
      documentId,
      slug: c.slugs[i] ?? null,
      title: c.titles[i]!,
      date: c.dates[i] ?? null,
      lead: c.leads[i] ?? null,
      featured: c.featured[i] ?? null,
      updatedAt: c.updatedAts[i] ?? null,
      publishedAt: c.publishedAts[i] ?? null,
      body: c.bodies[i] ?? null,
      author: c.authors[i] ?? null,
      source: c.sources[i] ?? null,
      commentsEnabled: c.commentsEnabled[i] ?? null,
      cover: url
        ? {
            url,
            alternativeText: cover.alternativeTexts[i] ?? null,
            caption: cover.captions[i] ?? null,
            width: cover.widths[i] ?? null,
            height: cover.heights[i] ?? null,
            mime: cover.mimes[i]!,
            name: cover.names[i]!,
            ext: cover.exts[i] ?? null,
            size: cover.sizes[i]!,
          }
        : null,
      category: categoryId ? (categories.get(categoryId) ?? null) : null,
      tags: c.tagIds[i]!.map((id) => tags.get(id) ?? null),
    };
  });
};
