/**
 * Results kept between processes: values that are a pure function of their key, of the plugin's code and of the
 * installed libraries that computed them (a regex pattern's analysis by scslre), or of a file's content that the value
 * itself names by the file's stat and that its reader checks (the import scan's facts of a source file,
 * src/project/scan.ts; the holders of a package, named by a hash of its files' stats, src/project/index.ts), and that cost more to compute than to read back. The loader (src/load.ts) hands the plugin what earlier processes kept, from the file of this plugin build
 * in its cache folder, and at exit writes back what this process added. Without the loader (the tests, a linked
 * checkout, the cache turned off) nothing is kept and every result is computed, as before.
 *
 * A table is dropped when its `stamp` (the versions of the libraries its results depend on) is not the one of the
 * installed libraries, and a value its `valid` check refuses drops the whole table: a damaged or foreign file costs the
 * time to compute again, never a wrong result from this process's own libraries.
 */

/** The most results one table keeps (the newest), unless its `maxEntries` says otherwise. */
const MAX_ENTRIES = 2000;
/** The version of the file's layout. */
const FORMAT = 1;

interface TableSpec<T> {
  /** What the results depend on besides the plugin's code, computed when the table is first asked. */
  stamp: () => string;
  /** Whether a value read back has the shape this process would compute. */
  valid: (value: unknown) => value is T;
  /** The most results the table keeps (the newest); `MAX_ENTRIES` when absent. */
  maxEntries?: number;
}

interface Table {
  spec: TableSpec<unknown>;
  /** Results read back (checked against the stamp and shapes on first use), then with this process's own. */
  entries: Map<string, unknown> | null;
  /** The results this process computed. */
  added: Map<string, unknown>;
  /** The results this process computes at exit (`setLater`). */
  later: Map<string, () => unknown>;
  stamp: string | null;
}

const tables = new Map<string, Table>();
/** What the loader read, by table name, until a table is first asked. */
let readBack: Record<string, unknown> = {};
/** Whether the loader handed this process the kept results (`keptResults.read`): what it keeps is written at exit. */
let loaded = false;

/**
 * Whether results are kept between processes in this one: the loader read the file (src/load.ts; its settings turn it
 * off). Without it (the tests, a linked checkout, the cache off) a table still answers what this process set, but
 * nothing is written: a result worth keeping only for later processes need not be set at all.
 */
export function keepsResults(): boolean {
  return loaded;
}

export interface KeptTable<T> {
  /** The result kept for `key`, or `undefined`. */
  get(key: string): T | undefined;
  /** Keeps `value` for `key` (written at exit when the loader runs the plugin). */
  set(key: string, value: T): void;
  /**
   * Keeps for `key` what `value` gives when the loader writes the file at exit: a result that grows through the process
   * (the holders of a package, src/project/index.ts) is written as it is then. `undefined`: nothing to write (what the
   * file holds for `key` stays). A `value` that throws writes nothing either.
   */
  setLater(key: string, value: () => T | undefined): void;
}

/** The table of results named `name` (one per kind of result, for the process). */
export function keptTable<T>(name: string, spec: TableSpec<T>): KeptTable<T> {
  let table = tables.get(name);
  if (!table) {
    table = { spec: spec as TableSpec<unknown>, entries: null, added: new Map(), later: new Map(), stamp: null };
    tables.set(name, table);
  }
  const own = table;
  return {
    get: (key) => opened(name, own).get(key) as T | undefined,
    set: (key, value) => {
      const entries = opened(name, own);
      entries.delete(key);
      entries.set(key, value);
      own.added.set(key, value);
    },
    setLater: (key, value) => {
      opened(name, own);
      own.later.set(key, value);
    },
  };
}

/** The table's results, reading back on first use what the loader handed in for it. */
function opened(name: string, table: Table): Map<string, unknown> {
  if (table.entries) return table.entries;
  table.stamp = stampOf(table.spec);
  table.entries = new Map(table.stamp === null ? [] : entriesOf(readBack[name], table.stamp, table.spec));
  delete readBack[name];
  return table.entries;
}

function stampOf(spec: TableSpec<unknown>): string | null {
  try {
    return spec.stamp();
  } catch {
    // (The libraries cannot be told apart: nothing is read back or kept.)
    return null;
  }
}

/** The entries of one table of a file, or none when its stamp or one of its values is not this process's. */
function entriesOf(stored: unknown, stamp: string, spec: TableSpec<unknown>): [string, unknown][] {
  if (typeof stored !== 'object' || stored === null) return [];
  const { stamp: storedStamp, entries } = stored as { stamp?: unknown; entries?: unknown };
  if (storedStamp !== stamp || !Array.isArray(entries)) return [];
  const result: [string, unknown][] = [];
  for (const entry of entries as unknown[]) {
    if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== 'string' || !spec.valid(entry[1])) return [];
    result.push([entry[0], entry[1]]);
  }
  return result;
}

/** Parses a file's text into its tables, or `null` when it is not one. */
function parseFile(text: string | null): Record<string, unknown> | null {
  if (!text) return null;
  try {
    const parsed = JSON.parse(text) as { format?: unknown; tables?: unknown };
    if (parsed?.format !== FORMAT || typeof parsed.tables !== 'object' || parsed.tables === null) return null;
    return parsed.tables as Record<string, unknown>;
  } catch {
    return null;
  }
}

/**
 * What the loader calls: `read` with the file's text when the plugin is loaded; `write` at exit with the file's text
 * then (another process may have written it since), which returns the text to write, or `null` when this process
 * added nothing. The tables of the file that this process never opened are written back as they were.
 */
export const keptResults = {
  read(text: string | null): void {
    loaded = true;
    readBack = parseFile(text) ?? {};
  },
  write(current: string | null): string | null {
    for (const table of tables.values()) {
      for (const [key, compute] of table.later) {
        let value: unknown;
        try {
          value = compute();
        } catch {
          value = undefined;
        }
        // (Checked as a value read back is: a result of the wrong shape is never written.)
        if (value !== undefined && table.spec.valid(value)) {
          table.added.delete(key);
          table.added.set(key, value);
        }
      }
    }
    const added = [...tables.values()].some((table) => table.added.size > 0 && table.stamp !== null);
    if (!added) return null;
    const out: Record<string, unknown> = { ...(parseFile(current) ?? {}) };
    for (const [name, table] of tables) {
      if (table.added.size === 0 || table.stamp === null) continue;
      // Another process's results of the same stamp, then this one's (newest last), at most the table's bound.
      const merged = new Map(entriesOf(out[name], table.stamp, table.spec));
      for (const [key, value] of table.added) {
        merged.delete(key);
        merged.set(key, value);
      }
      out[name] = { stamp: table.stamp, entries: [...merged].slice(-(table.spec.maxEntries ?? MAX_ENTRIES)) };
    }
    return JSON.stringify({ format: FORMAT, tables: out });
  },
};
