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
  /** Follow the app across the files of its package (src/project); `false` turns it off. */
  crossFile: boolean;
  /** More entry files of the package, relative to its root (besides `main`, `bin`, `exports` and `scripts`). */
  entries: readonly string[];
}

export type UpstreamProtection = 'rateLimit' | 'csrf' | 'validation';

const UPSTREAM: readonly string[] = ['rateLimit', 'csrf', 'validation'];

const EMPTY: PluginSettings = { middleware: { rateLimit: [], csrf: [], validation: [] }, upstream: [], crossFile: true, entries: [] };

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Reads `settings['secure-express']`, ignoring anything malformed. */
export function readSettings(settings: Readonly<Record<string, unknown>> | undefined): PluginSettings {
  const own = settings?.['secure-express'];
  if (!own || typeof own !== 'object') return EMPTY;
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
    crossFile: (own as { crossFile?: unknown }).crossFile !== false,
    entries: stringList((own as { entries?: unknown }).entries),
  };
}
