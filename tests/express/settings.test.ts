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
      handlerShapes: true,
    });
  });

  it('gives empty lists without settings or with only one part', () => {
    const empty = { middleware: { rateLimit: [], csrf: [], validation: [] }, upstream: [], handlerShapes: true };
    expect(readSettings(undefined)).toEqual(empty);
    expect(readSettings({ 'secure-express': 'x' })).toEqual(empty);
    expect(readSettings({ 'secure-express': { upstream: ['rateLimit'] } })).toEqual({ ...empty, upstream: ['rateLimit'] });
  });

  it('turns the shape-based handler recognition off only with handlerShapes: false', () => {
    expect(readSettings({ 'secure-express': { handlerShapes: false } }).handlerShapes).toBe(false);
    expect(readSettings({ 'secure-express': { handlerShapes: 'no' } }).handlerShapes).toBe(true);
  });
});
