import { INDEX_TTL_MS, MAX_ANALYSES } from './limits';

/**
 * The lints a project has seen, for its caches that are checked again after `INDEX_TTL_MS` (the import index, the
 * tsconfig and workspace lookups): a run is a sequence of lints each of a file not linted before in it, each starting
 * within `INDEX_TTL_MS` of the previous one, as a CLI lint goes through a package. A lint of a file linted before in
 * the run (what an editor does on every edit, and `--fix` on every pass), a pause, or `MAX_ANALYSES` files end it and
 * start the next run. A cache checked during a run is kept past its lifetime until that run ends: a lint of Ghost's
 * 1,711 files takes longer than `INDEX_TTL_MS`, and each expiry walked and stat'ed the whole package again (its index
 * has no other way to see an import added to another file, which an editor's next lint of a file sees as before).
 */
export class LintRun {
  /** The lint of each file in the current run (a number per lint: `lintNumber`). */
  private files = new Map<string, number>();
  /** When the last lint started (`Date.now()`). */
  private at = -Infinity;
  /** How many runs have started: a cache keeps the number of the run it was checked in. */
  private runs = 0;

  /**
   * A lint of `file` starts, or goes on (`lint`: the same number for every call of one lint). `true` when it ends the
   * run before (a new run starts with it).
   */
  note(file: string, lint: number): boolean {
    const known = this.files.get(file);
    if (known === lint) return false;
    const now = Date.now();
    let ended = false;
    if (known !== undefined || now - this.at > INDEX_TTL_MS || this.files.size >= MAX_ANALYSES) {
      ended = this.files.size > 0;
      this.runs++;
      this.files = new Map();
    }
    this.files.set(file, lint);
    this.at = now;
    return ended;
  }

  /** How many files the current run has linted (the one being linted included). */
  linted(): number {
    return this.files.size;
  }

  /** The run a cache is checked in (`keeps` of that number is true until the run ends). */
  current(): number {
    return this.runs;
  }

  /** Whether a cache checked in run `run` (`current()` then) may be kept past its lifetime: that run goes on. */
  keeps(run: number, now: number): boolean {
    return run === this.runs && now - this.at <= INDEX_TTL_MS;
  }
}

const lintNumbers = new WeakMap<object, number>();
let lints = 0;

/** A number of its own for each lint, from the syntax tree ESLint parsed for it (the same for every rule of the lint). */
export function lintNumber(ast: object): number {
  let number = lintNumbers.get(ast);
  if (number === undefined) {
    number = ++lints;
    lintNumbers.set(ast, number);
  }
  return number;
}
