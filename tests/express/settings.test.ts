import { readSettings } from '../../src/express/settings';

describe('readSettings', () => {
  it('reads middleware name lists and upstream protections, ignoring what is malformed', () => {
    expect(
      readSettings({
        'secure-express': {
          middleware: { rateLimit: ['authLimiter', 3], csrf: 'nope', validation: ['./validate'] },
          upstream: ['csrf', 'cors', 'validation'],
        },
      }),
    ).toEqual({
      middleware: { rateLimit: ['authLimiter'], csrf: [], validation: ['./validate'] },
      upstream: ['csrf', 'validation'],
      crossFile: true,
      entries: [],
    });
  });

  it('reads crossFile (on unless false) and extra entry files', () => {
    expect(readSettings({ 'secure-express': { crossFile: false, entries: ['src/main.ts', 7] } })).toMatchObject({
      crossFile: false,
      entries: ['src/main.ts'],
    });
    expect(readSettings({ 'secure-express': { crossFile: 'no' } }).crossFile).toBe(true);
  });

  it('gives empty lists without settings or with only one part', () => {
    const empty = { middleware: { rateLimit: [], csrf: [], validation: [] }, upstream: [], crossFile: true, entries: [] };
    expect(readSettings(undefined)).toEqual(empty);
    expect(readSettings({ 'secure-express': 'x' })).toEqual(empty);
    expect(readSettings({ 'secure-express': { upstream: ['rateLimit'] } })).toEqual({ ...empty, upstream: ['rateLimit'] });
  });
});
