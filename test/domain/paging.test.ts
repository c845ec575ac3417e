import { pageWindow, toPage } from '../../cloudfunctions/shared/domain/paging';

describe('paging', () => {
  it('asks for one row beyond the page', () => {
    expect(pageWindow(1, 20)).toEqual({ offset: 0, limit: 21 });
    expect(pageWindow(3, 10)).toEqual({ offset: 20, limit: 11 });
  });

  it('reports more when the extra row came back, and drops it', () => {
    const page = toPage([1, 2, 3], 2, 2, (n) => n * 10);
    expect(page).toEqual({ items: [10, 20], page: 2, pageSize: 2, hasMore: true });
  });

  it('reports no more on a short page', () => {
    expect(toPage([1], 1, 2, String)).toEqual({ items: ['1'], page: 1, pageSize: 2, hasMore: false });
  });
});
