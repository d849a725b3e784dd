/**
 * helmet's options and standalone middlewares, read from helmet 8.3.0 (see FACTS.md). Each protection has its
 * current name and, where helmet still accepts one, the older alias: `false` under either name turns it off.
 */
export interface HelmetProtection {
  /** The option and middleware name in helmet 8. */
  name: string;
  /** The older name helmet still accepts for the same option and middleware. */
  alias?: string;
  /** The response header it sets or removes. */
  header: string;
  /** Off unless turned on (helmet 7+): turning it off is not a weakening. */
  offByDefault?: boolean;
}

export const HELMET_VERSION_READ = '8.3.0';

export const HELMET_PROTECTIONS: readonly HelmetProtection[] = [
  { name: 'contentSecurityPolicy', header: 'Content-Security-Policy' },
  { name: 'crossOriginEmbedderPolicy', header: 'Cross-Origin-Embedder-Policy', offByDefault: true },
  { name: 'crossOriginOpenerPolicy', header: 'Cross-Origin-Opener-Policy' },
  { name: 'crossOriginResourcePolicy', header: 'Cross-Origin-Resource-Policy' },
  { name: 'originAgentCluster', header: 'Origin-Agent-Cluster' },
  { name: 'referrerPolicy', header: 'Referrer-Policy' },
  { name: 'strictTransportSecurity', alias: 'hsts', header: 'Strict-Transport-Security' },
  { name: 'xContentTypeOptions', alias: 'noSniff', header: 'X-Content-Type-Options' },
  { name: 'xDnsPrefetchControl', alias: 'dnsPrefetchControl', header: 'X-DNS-Prefetch-Control' },
  { name: 'xDownloadOptions', alias: 'ieNoOpen', header: 'X-Download-Options' },
  { name: 'xFrameOptions', alias: 'frameguard', header: 'X-Frame-Options' },
  { name: 'xPermittedCrossDomainPolicies', alias: 'permittedCrossDomainPolicies', header: 'X-Permitted-Cross-Domain-Policies' },
  { name: 'xPoweredBy', alias: 'hidePoweredBy', header: 'X-Powered-By' },
  { name: 'xXssProtection', alias: 'xssFilter', header: 'X-XSS-Protection' },
];

/** Every name a protection goes by: both option keys and standalone middlewares (`helmet.hsts()`). */
export const HELMET_MIDDLEWARE_NAMES: ReadonlySet<string> = new Set(
  HELMET_PROTECTIONS.flatMap((p) => (p.alias ? [p.name, p.alias] : [p.name])),
);

/** The option keys (current and older) that hide `X-Powered-By`. */
export const HELMET_POWERED_BY_KEYS = ['xPoweredBy', 'hidePoweredBy'] as const;
