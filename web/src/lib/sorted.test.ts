import { expect, it } from 'vitest';
import { sortLike } from './sorted';

type Item = { date: string; id: string };
const newestFirst = (a: Item, b: Item) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const item = (n: number, date = `2020-01-${String((n % 28) + 1).padStart(2, '0')}`) => ({ id: `a${String(n).padStart(4, '0')}`, date });

it('gives what a sort gives, from the order before, with items gone, new and remade', () => {
  const items = Array.from({ length: 300 }, (_, n) => item(n));
  const before = [...items].sort(newestFirst);
  // A publish: one item gone, one remade with another date (a new object), two new, one of them the newest.
  const now = items.filter((_, n) => n !== 17).map((it, n) => (n === 40 ? item(41, '2019-05-05') : it));
  now.push(item(900, '2030-01-01'), item(901, '2020-01-10'));
  const expected = [...now].sort(newestFirst);
  expect(sortLike([...now], before, newestFirst)).toEqual(expected);
  expect(sortLike([...now], before, newestFirst)[0]!.id).toBe('a0900');
});

it('sorts in full without an order before, or when most items are new', () => {
  const items = Array.from({ length: 600 }, (_, n) => item(n));
  const expected = [...items].sort(newestFirst);
  expect(sortLike([...items].reverse(), undefined, newestFirst)).toEqual(expected);
  expect(sortLike([...items].reverse(), [item(5000)], newestFirst)).toEqual(expected);
});
