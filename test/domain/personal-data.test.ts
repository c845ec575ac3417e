import { buildMyData, toPortableRecord } from '../../cloudfunctions/shared/domain/personal-data';

describe('personal data export', () => {
  it('turns nested instants into ISO strings and keeps everything else', () => {
    const record = { _id: 'a1', at: new Date('2026-11-25T02:00:00Z'), target: { id: 'm-1', seen: [new Date(0)] }, gone: null };
    expect(toPortableRecord(record)).toEqual({
      _id: 'a1',
      at: '2026-11-25T02:00:00.000Z',
      target: { id: 'm-1', seen: ['1970-01-01T00:00:00.000Z'] },
      gone: null,
    });
  });

  it('groups records by collection and stamps the export', () => {
    const now = new Date('2026-11-25T02:00:00Z');
    const result = buildMyData({ members: [{ _id: 'm-1', createdAt: now }], audit: [] }, now);
    expect(result).toEqual({
      exportedAt: '2026-11-25T02:00:00.000Z',
      collections: { members: [{ _id: 'm-1', createdAt: '2026-11-25T02:00:00.000Z' }], audit: [] },
    });
  });
});
