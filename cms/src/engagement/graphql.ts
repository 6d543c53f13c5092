import type { Core } from '@strapi/strapi';
import DataLoader from 'dataloader';
import { ZERO_COUNTS, type CountedKind, type Counters, type ItemCounts } from './counters';

type Field = keyof ItemCounts;

// The counts are not attributes of Article and Document (an editor's save would write them
// back); GraphQL still offers them as fields, so the site's typed queries keep asking for `views`.
const FIELDS: Record<string, { kind: CountedKind; ints: Field[]; floats: Field[] }> = {
  Article: { kind: 'article', ints: ['views', 'ratingCount'], floats: ['ratingAverage'] },
  Document: { kind: 'document', ints: ['views', 'downloads'], floats: [] },
};

// The slice of nexus (bundled with the GraphQL plugin) used here.
type Resolver = (parent: { documentId: string }, args: unknown, context: object) => Promise<number>;
interface FieldBuilder {
  nonNull: { int(name: string, config: { resolve: Resolver }): void; float(name: string, config: { resolve: Resolver }): void };
}
interface Nexus {
  extendType(config: { type: string; definition(t: FieldBuilder): void }): unknown;
}

/** Adds the readers' counts to the Article and Document types, one query per list page, not per row. */
export const registerCountFields = (strapi: Core.Strapi) => {
  const extension = strapi.plugin('graphql')?.service('extension');
  if (!extension) return;
  const counters = () => strapi.service('api::engagement.counters') as unknown as Counters;
  // One loader per request and kind: every article of a page shares one lookup.
  const loaders = new WeakMap<object, Map<CountedKind, DataLoader<string, ItemCounts>>>();
  const loaderFor = (context: object, kind: CountedKind) => {
    const perRequest = loaders.get(context) ?? new Map<CountedKind, DataLoader<string, ItemCounts>>();
    loaders.set(context, perRequest);
    let loader = perRequest.get(kind);
    if (!loader) {
      loader = new DataLoader(async (ids: readonly string[]) => {
        const counts = await counters().countsOf(kind, ids);
        return ids.map((id) => counts.get(id) ?? ZERO_COUNTS);
      });
      perRequest.set(kind, loader);
    }
    return loader;
  };

  extension.use(({ nexus }: { nexus: Nexus }) => ({
    types: Object.entries(FIELDS).map(([type, { kind, ints, floats }]) =>
      nexus.extendType({
        type,
        definition(t) {
          const resolve = (field: Field): Resolver => async (parent, _args, context) =>
            (await loaderFor(context, kind).load(parent.documentId))[field];
          for (const field of ints) t.nonNull.int(field, { resolve: resolve(field) });
          for (const field of floats) t.nonNull.float(field, { resolve: resolve(field) });
        },
      })
    ),
  }));
};
