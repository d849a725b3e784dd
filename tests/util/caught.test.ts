import { afterEach, vi } from 'vitest';

import { caught } from '../../src/util/caught';

describe('caught: errors the plugin swallows so that a lint goes on', () => {
  const saved = process.env.SECURE_EXPRESS_DEBUG;
  afterEach(() => {
    if (saved === undefined) delete process.env.SECURE_EXPRESS_DEBUG;
    else process.env.SECURE_EXPRESS_DEBUG = saved;
    vi.restoreAllMocks();
  });

  it('is silent by default', () => {
    delete process.env.SECURE_EXPRESS_DEBUG;
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    caught(new Error('silent'), 'project model: test');
    expect(write).not.toHaveBeenCalled();
  });

  it('with SECURE_EXPRESS_DEBUG, prints each distinct error once, with where it was caught and its stack', () => {
    process.env.SECURE_EXPRESS_DEBUG = '1';
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const error = new TypeError('Cannot read properties of null');
    caught(error, 'project model: importedApp');
    caught(error, 'project model: importedApp');
    caught('not an Error', 'Express model: buildModel');
    expect(write).toHaveBeenCalledTimes(2);
    expect(String(write.mock.calls[0]![0])).toMatch(/^\[eslint-plugin-secure-express\] project model: importedApp: TypeError: Cannot read properties of null\n {4}at /u);
    expect(write.mock.calls[1]![0]).toBe('[eslint-plugin-secure-express] Express model: buildModel: not an Error\n');
  });
});
