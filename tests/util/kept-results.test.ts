// src/util/kept-results.ts: the tables of results the loader reads back into the plugin and writes at exit. Each test
// loads the module afresh (its tables are per process).
type Module = typeof import('../../src/util/kept-results');

async function fresh(): Promise<Module> {
  vi.resetModules();
  return import('../../src/util/kept-results.js');
}

const isNumber = (value: unknown): value is number => typeof value === 'number';
const file = (tables: Record<string, unknown>) => JSON.stringify({ format: 1, tables });

describe('kept results', () => {
  it('reads back the entries of the same stamp, and writes nothing when the process added nothing', async () => {
    const { keptResults, keptTable } = await fresh();
    keptResults.read(file({ t: { stamp: 'v1', entries: [['a', 1]] } }));
    const table = keptTable('t', { stamp: () => 'v1', valid: isNumber });
    expect(table.get('a')).toBe(1);
    expect(table.get('b')).toBeUndefined();
    expect(keptResults.write(file({ t: { stamp: 'v1', entries: [['a', 1]] } }))).toBeNull();
  });

  it("drops a table of another stamp, one with a value of another shape, and a file of another format or that is not JSON", async () => {
    for (const text of [
      file({ t: { stamp: 'v0', entries: [['a', 1]] } }),
      file({ t: { stamp: 'v1', entries: [['a', 1], ['b', 'two']] } }),
      file({ t: { stamp: 'v1', entries: [['a']] } }),
      JSON.stringify({ format: 2, tables: { t: { stamp: 'v1', entries: [['a', 1]] } } }),
      '{"format":1,',
      null,
    ]) {
      const { keptResults, keptTable } = await fresh();
      keptResults.read(text);
      expect(keptTable('t', { stamp: () => 'v1', valid: isNumber }).get('a')).toBeUndefined();
    }
  });

  it("writes this process's results after the file's current ones of the same stamp, newest last, and leaves other tables as they are", async () => {
    const { keptResults, keptTable } = await fresh();
    keptResults.read(file({ t: { stamp: 'v1', entries: [['a', 1]] } }));
    const table = keptTable('t', { stamp: () => 'v1', valid: isNumber });
    table.set('b', 2);
    table.set('a', 3);
    // (Another process wrote 'c' since, and a table this process never opened.)
    const current = file({ t: { stamp: 'v1', entries: [['a', 1], ['c', 4]] }, other: { stamp: 'x', entries: [['k', 'v']] } });
    expect(JSON.parse(keptResults.write(current)!)).toEqual({
      format: 1,
      tables: { t: { stamp: 'v1', entries: [['c', 4], ['b', 2], ['a', 3]] }, other: { stamp: 'x', entries: [['k', 'v']] } },
    });
    // A file of another stamp is replaced by this process's results.
    expect((JSON.parse(keptResults.write(file({ t: { stamp: 'v0', entries: [['z', 9]] } }))!) as { tables: { t: { entries: unknown } } }).tables.t.entries).toEqual([
      ['b', 2],
      ['a', 3],
    ]);
  });

  it('keeps at most 2,000 results of a table, the newest', async () => {
    const { keptResults, keptTable } = await fresh();
    const table = keptTable('t', { stamp: () => 'v1', valid: isNumber });
    for (let i = 0; i < 2100; i++) table.set(`k${i}`, i);
    const { entries } = JSON.parse(keptResults.write(null)!).tables.t as { entries: [string, number][] };
    expect(entries).toHaveLength(2000);
    expect(entries[0]).toEqual(['k100', 100]);
    expect(entries.at(-1)).toEqual(['k2099', 2099]);
  });

  it("keeps a table's own bound when it has one (maxEntries), the newest", async () => {
    const { keptResults, keptTable } = await fresh();
    const small = keptTable('small', { stamp: () => 'v1', valid: isNumber, maxEntries: 3 });
    const large = keptTable('large', { stamp: () => 'v1', valid: isNumber, maxEntries: 2500 });
    for (let i = 0; i < 2600; i++) {
      small.set(`k${i}`, i);
      large.set(`k${i}`, i);
    }
    const { tables } = JSON.parse(keptResults.write(null)!) as { tables: Record<string, { entries: [string, number][] }> };
    expect(tables.small!.entries).toEqual([
      ['k2597', 2597],
      ['k2598', 2598],
      ['k2599', 2599],
    ]);
    expect(tables.large!.entries).toHaveLength(2500);
    expect(tables.large!.entries[0]).toEqual(['k100', 100]);
  });

  it('says whether results are kept: only once the loader read the file (keepsResults)', async () => {
    const { keptResults, keepsResults } = await fresh();
    expect(keepsResults()).toBe(false);
    keptResults.read(null);
    expect(keepsResults()).toBe(true);
  });

  it('keeps nothing when the stamp cannot be computed (libraries not found)', async () => {
    const { keptResults, keptTable } = await fresh();
    keptResults.read(file({ t: { stamp: 'v1', entries: [['a', 1]] } }));
    const table = keptTable<number>('t', {
      stamp: () => {
        throw new Error('not installed');
      },
      valid: isNumber,
    });
    expect(table.get('a')).toBeUndefined();
    table.set('b', 2);
    expect(table.get('b')).toBe(2);
    expect(keptResults.write(null)).toBeNull();
  });
});
