import { paginate } from '../../../../src/sandbox/emulator/http/pagination';

const items = [1, 2, 3, 4, 5].map((id) => ({ id }));
const url = 'http://127.0.0.1:1/api/v2/tickets';

describe('paginate', () => {
  it('walks forward and back with cursors', () => {
    const first = paginate(items, { 'page[size]': '2' }, url);
    expect(first.items).toEqual([{ id: 1 }, { id: 2 }]);
    const meta = first.body.meta as { has_more: boolean; after_cursor: string; before_cursor: string };
    expect(meta.has_more).toBe(true);
    const second = paginate(items, { 'page[size]': '2', 'page[after]': meta.after_cursor }, url);
    expect(second.items).toEqual([{ id: 3 }, { id: 4 }]);
    const back = paginate(items, { 'page[size]': '2', 'page[before]': (second.body.meta as { before_cursor: string }).before_cursor }, url);
    expect(back.items).toEqual([{ id: 1 }, { id: 2 }]);
  });

  it('gives no next link on the last page and null cursors on an empty one', () => {
    const last = paginate(items, { 'page[size]': '5' }, url);
    expect(last.body.links).toMatchObject({ next: null });
    const empty = paginate([], { 'page[size]': '5' }, url);
    expect(empty.body.meta).toEqual({ has_more: false, after_cursor: null, before_cursor: null });
  });

  it('refuses page sizes above 100 and cursors it did not issue', () => {
    const bodyOf = (run: () => unknown): unknown => {
      try {
        run();
      } catch (error) {
        return (error as { body: unknown }).body;
      }
      return undefined;
    };
    expect(bodyOf(() => paginate(items, { 'page[size]': '101' }, url))).toEqual({
      errors: [{ code: 'InvalidPaginationParameter', title: 'page[size] is not valid' }],
    });
    expect(bodyOf(() => paginate(items, { 'page[after]': 'bogus' }, url))).toEqual({
      errors: [{ code: 'InvalidPaginationParameter', title: 'page[after] is not valid' }],
    });
  });

  it('pages by offset when no cursor parameter is given', () => {
    const page = paginate(items, { per_page: '2', page: '3' }, url);
    expect(page.items).toEqual([{ id: 5 }]);
    expect(page.body).toEqual({ next_page: null, previous_page: `${url}?page=2&per_page=2`, count: 5 });
  });
});
