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
}

const EMPTY: PluginSettings = { middleware: { rateLimit: [], csrf: [], validation: [] } };

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Reads `settings['secure-express']`, ignoring anything malformed. */
export function readSettings(settings: Readonly<Record<string, unknown>> | undefined): PluginSettings {
  const own = settings?.['secure-express'];
  if (!own || typeof own !== 'object') return EMPTY;
  const middleware = (own as { middleware?: unknown }).middleware;
  if (!middleware || typeof middleware !== 'object') return EMPTY;
  const m = middleware as Record<string, unknown>;
  return {
    middleware: {
      rateLimit: stringList(m.rateLimit),
      csrf: stringList(m.csrf),
      validation: stringList(m.validation),
    },
  };
}
