import { clubFieldOf, clubFieldsFormFrom, toClubFields } from '../../src/package-club/helpers/club-fields-form';

describe('club basics form', () => {
  it('starts blank for a new club and from the club for an existing one, a missing cap as blank', () => {
    expect(clubFieldsFormFrom(null)).toEqual({ name: '', description: '', memberCap: '' });
    expect(clubFieldsFormFrom({ name: '新联悦读会', description: '每月读一本', memberCap: 40 })).toEqual({ name: '新联悦读会', description: '每月读一本', memberCap: '40' });
    expect(clubFieldsFormFrom({ name: '新联悦读会', description: '', memberCap: null }).memberCap).toBe('');
  });

  it('trims the text and turns a blank cap into no cap, a typed one into a number', () => {
    expect(toClubFields({ name: '  陆家嘴读书会 ', description: ' 读经典 \n', memberCap: '  ' })).toEqual({
      problems: null,
      fields: { name: '陆家嘴读书会', description: '读经典', memberCap: null },
    });
    expect(toClubFields({ name: '陆家嘴读书会', description: '', memberCap: ' 30 ' }).fields?.memberCap).toBe(30);
  });

  it('names every problem by field, with the bounds the server checks', () => {
    const check = toClubFields({ name: '   ', description: '书'.repeat(501), memberCap: '1' });
    expect(check.fields).toBeNull();
    expect(check.problems).toEqual({
      name: '请填写读书会名称',
      description: '简介不能超过 500 个字',
      memberCap: '人数上限应为 2–2000 之间的整数，或留空表示不限',
    });
    expect(toClubFields({ name: '读'.repeat(31), description: '', memberCap: '' }).problems).toEqual({ name: '读书会名称不能超过 30 个字' });
    for (const typed of ['2001', '2.5', '-3', '三十', '1e2']) {
      expect(toClubFields({ name: '读书会', description: '', memberCap: typed }).problems).toHaveProperty('memberCap');
    }
    expect(toClubFields({ name: '读'.repeat(30), description: '书'.repeat(500), memberCap: '2000' }).problems).toBeNull();
  });

  it('knows which refusals belong to one of its fields', () => {
    expect(clubFieldOf('memberCap')).toBe('memberCap');
    expect(clubFieldOf('name')).toBe('name');
    expect(clubFieldOf('orgId')).toBeNull();
    expect(clubFieldOf(undefined)).toBeNull();
  });
});
