/**
 * `settings['secure-express']` in a user's config: facts about the program that this file cannot show.
 */
export interface PluginSettings {
  /**
   * Names of middleware that the user applies upstream of this file or under their own name (a limiter or CSRF
   * protection mounted in another module); rules that look for middleware before a route accept them.
   */
  middleware: {
    rateLimit: readonly string[];
    csrf: readonly string[];
    validation: readonly string[];
  };
  /**
   * Protections that every app and router of the linted files receives upstream, from code that this file does not
   * show (a parent app in another module, a gateway): scope it to a routes folder with `files` in the config.
   * Rules that look for that protection before a route then report nothing.
   */
  upstream: readonly UpstreamProtection[];
  /**
   * Whether functions shaped like Express handlers (`(req, res)`, `(err, req, res, next)`, `({ body }, res)`) that
   * are not registered in the file count as handlers for the request-data rules. `false` turns that guess off;
   * registered, typed (`req: Request`) and Node-server handlers are still followed.
   */
  handlerShapes: boolean;
  /** Follow the app across the files of its package (src/project); `false` turns it off. */
  crossFile: boolean;
  /**
   * Whether the whole-app model's parse of another file is handed to ESLint when ESLint lints that file later in the
   * same run with the same text and config (src/project/shared-parses.ts); `false` parses other files apart.
   */
  shareParses: boolean;
  /** More entry files of the package, relative to its root (besides `main`, `bin`, `exports` and `scripts`). */
  entries: readonly string[];
  /**
   * Functions the project trusts as checks, by the name they are called by (`is_relative_url`, `utils.isSafePath`),
   * per danger they rule out when they return true: for functions the plugin cannot read (another package's) or
   * reads as no check. The guarded rules (`no-open-redirect`, `no-path-traversal`, `no-reflected-xss`,
   * `no-nosql-injection`) count a call of one in a condition as that check of the request data in its arguments.
   */
  checks: Readonly<Record<TrustedCheck, readonly string[]>>;
}

/** The dangers a trusted check may rule out (`settings['secure-express'].checks`). */
export type TrustedCheck = 'redirect' | 'path' | 'xss' | 'nosql';

const TRUSTED_CHECKS: readonly TrustedCheck[] = ['redirect', 'path', 'xss', 'nosql'];

export type UpstreamProtection = 'rateLimit' | 'csrf' | 'validation';

const UPSTREAM: readonly string[] = ['rateLimit', 'csrf', 'validation'];

const EMPTY: PluginSettings = {
  middleware: { rateLimit: [], csrf: [], validation: [] },
  upstream: [],
  handlerShapes: true,
  crossFile: true,
  shareParses: true,
  entries: [],
  checks: { redirect: [], path: [], xss: [], nosql: [] },
};

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** What each `settings['secure-express']` object reads as: every rule of every file asks, and configs reuse the object. */
const readCache = new WeakMap<object, PluginSettings>();

/** Reads `settings['secure-express']`, ignoring anything malformed. */
export function readSettings(settings: Readonly<Record<string, unknown>> | undefined): PluginSettings {
  const own = settings?.['secure-express'];
  if (!own || typeof own !== 'object') return EMPTY;
  let read = readCache.get(own);
  if (!read) {
    read = readOwn(own);
    readCache.set(own, read);
  }
  return read;
}

function readOwn(own: object): PluginSettings {
  const middleware = (own as { middleware?: unknown }).middleware;
  const upstream = stringList((own as { upstream?: unknown }).upstream).filter((u): u is UpstreamProtection =>
    UPSTREAM.includes(u),
  );
  const m = middleware && typeof middleware === 'object' ? (middleware as Record<string, unknown>) : {};
  return {
    middleware: {
      rateLimit: stringList(m.rateLimit),
      csrf: stringList(m.csrf),
      validation: stringList(m.validation),
    },
    upstream,
    handlerShapes: (own as { handlerShapes?: unknown }).handlerShapes !== false,
    crossFile: (own as { crossFile?: unknown }).crossFile !== false,
    shareParses: (own as { shareParses?: unknown }).shareParses !== false,
    entries: stringList((own as { entries?: unknown }).entries),
    checks: trustedChecks((own as { checks?: unknown }).checks),
  };
}

function trustedChecks(value: unknown): PluginSettings['checks'] {
  const c = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  return { redirect: stringList(c.redirect), path: stringList(c.path), xss: stringList(c.xss), nosql: stringList(c.nosql) };
}

/**
 * The keys `settings['secure-express']` may hold, each with the keys or values it may hold in turn (`null`: any
 * value, checked by its reader). A key read anywhere in the plugin is listed here, so that a misspelt one is
 * reported instead of silently ignored: `crossFile`/`entries` are read by the project model (src/project),
 * `handlerShapes` by the handler-shape guess.
 */
const KNOWN_SETTINGS: Readonly<
  Record<string, { keys?: readonly string[]; names?: string; values?: readonly string[]; type?: 'boolean' | 'strings' } | null>
> = {
  middleware: { keys: ['rateLimit', 'csrf', 'validation'], names: 'middleware names' },
  checks: { keys: TRUSTED_CHECKS, names: 'function names' },
  upstream: { values: UPSTREAM },
  crossFile: { type: 'boolean' },
  shareParses: { type: 'boolean' },
  entries: { type: 'strings' },
  handlerShapes: { type: 'boolean' },
};

const ROOT = "settings['secure-express']";

/** One thing in `settings['secure-express']` that the plugin cannot use and so ignores. */
export interface SettingsProblem {
  /** Where, as the user writes it: `settings['secure-express'].middleware.rateLimits`. */
  readonly where: string;
  /** What is wrong and what it probably should be. */
  readonly what: string;
}

const problemsBySettings = new WeakMap<object, readonly SettingsProblem[]>();

/**
 * What in `settings['secure-express']` is ignored: unknown keys (with the known key they are probably a typo of),
 * values of the wrong type, unknown `upstream` protections. Never throws; computed once per settings object.
 */
export function settingsProblems(settings: Readonly<Record<string, unknown>> | undefined): readonly SettingsProblem[] {
  const own = settings?.['secure-express'];
  if (own === undefined) return [];
  if (own === null || typeof own !== 'object' || Array.isArray(own)) {
    return [{ where: ROOT, what: 'is not an object, so the whole setting is ignored' }];
  }
  const cached = problemsBySettings.get(own);
  if (cached) return cached;
  const problems: SettingsProblem[] = [];
  for (const [key, value] of Object.entries(own as Record<string, unknown>)) {
    if (!Object.hasOwn(KNOWN_SETTINGS, key)) {
      problems.push({ where: `${ROOT}.${key}`, what: `is not a setting of the plugin and is ignored${guess(key, Object.keys(KNOWN_SETTINGS))}` });
      continue;
    }
    const shape = KNOWN_SETTINGS[key];
    // (`crossFile: 'no'` is no `false`: the whole-app model stays on. Said, not guessed.)
    if (shape?.type === 'boolean' && typeof value !== 'boolean') {
      problems.push({ where: `${ROOT}.${key}`, what: `should be true or false, and ${describe(value)} is read as true (the default)` });
      continue;
    }
    if (shape?.type === 'strings' && (!Array.isArray(value) || value.some((item) => typeof item !== 'string'))) {
      problems.push({ where: `${ROOT}.${key}`, what: 'should be an array of file paths (strings); what is not a string is ignored' });
      continue;
    }
    if (shape?.keys) {
      if (!value || typeof value !== 'object' || Array.isArray(value)) {
        problems.push({ where: `${ROOT}.${key}`, what: `should be an object with ${list(shape.keys)}, and is ignored` });
        continue;
      }
      for (const [inner, names] of Object.entries(value as Record<string, unknown>)) {
        const where = `${ROOT}.${key}.${inner}`;
        if (!shape.keys.includes(inner)) {
          problems.push({ where, what: `is not one of ${list(shape.keys)} and is ignored${guess(inner, shape.keys)}` });
        } else if (!Array.isArray(names) || names.some((n) => typeof n !== 'string')) {
          problems.push({ where, what: `should be an array of ${shape.names ?? 'names'} (strings); what is not a string is ignored` });
        }
      }
    }
    if (shape?.values) {
      if (!Array.isArray(value)) {
        problems.push({ where: `${ROOT}.${key}`, what: `should be an array of ${list(shape.values)}, and is ignored` });
        continue;
      }
      for (const item of value) {
        if (typeof item === 'string' && shape.values.includes(item)) continue;
        const text = typeof item === 'string' ? `'${item}'` : String(JSON.stringify(item));
        problems.push({
          where: `${ROOT}.${key}`,
          what: `lists ${text}, which is not one of ${list(shape.values)} and is ignored${typeof item === 'string' ? guess(item, shape.values) : ''}`,
        });
      }
    }
  }
  problemsBySettings.set(own, problems);
  return problems;
}

/** Files whose settings problems a rule has already reported (one report per problem per file, whatever rule). */
const reportedFiles = new WeakSet<object>();

/**
 * The settings problems to report in this file: all of them for the first rule that asks (rules that read the
 * settings ask when the settings apply to the file), none after that, so each problem is reported once per file.
 */
export function claimSettingsProblems(context: {
  readonly sourceCode: { readonly ast: object };
  readonly settings: Readonly<Record<string, unknown>> | undefined;
}): readonly SettingsProblem[] {
  const program = context.sourceCode.ast;
  if (reportedFiles.has(program)) return [];
  reportedFiles.add(program);
  return settingsProblems(context.settings);
}

/** The text of the `invalidSettings` message of the rules that read the settings. */
export const INVALID_SETTINGS_MESSAGE = '{{where}} {{what}}.';

/** Where the rules report settings problems: the file's first line (the settings are the file's config). */
export const SETTINGS_REPORT_LOC = { line: 1, column: 0 } as const;

/** A value as the user wrote it in a config (`'no'`, `0`, `null`). */
function describe(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : String(JSON.stringify(value) ?? value);
}

function list(names: readonly string[]): string {
  return names.map((n) => `'${n}'`).join(', ');
}

/** `' (did you mean 'rateLimit'?)'` when a known name is close to `name` (case, a typo or two), else `''`. */
function guess(name: string, known: readonly string[]): string {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = candidate.toLowerCase() === name.toLowerCase() ? 0 : editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  // One edit for short names (so 'cors' is not taken for 'csrf'), more for long ones.
  const length = best?.length ?? 0;
  const allowed = length <= 4 ? 1 : Math.max(2, Math.floor(length / 4));
  return best !== null && bestDistance <= allowed ? ` (did you mean '${best}'?)` : '';
}

/** Edit distance between two short keys, a swap of neighbours counting as one edit (`csfr` → `csrf`). */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}
