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
  /**
   * What turning it off costs: `attack` when the header stops an attack on its own (reported in `recommended`),
   * `depth` when it is defence in depth that products turn off on purpose (reported only when asked, as `strict`
   * does), `none` when turning it off changes nothing a browser does today (never reported).
   */
  weight: 'attack' | 'depth' | 'none';
  /** Why it has that weight (the rule's doc repeats it). */
  why: string;
  /**
   * The CSP directive that does its job in current browsers, as helmet's `directives` name it (camelCase and
   * kebab-case): turning it off is no weakening when the same helmet call's CSP sets that directive.
   */
  cspDirective?: readonly string[];
}

export const HELMET_VERSION_READ = '8.3.0';

export const HELMET_PROTECTIONS: readonly HelmetProtection[] = [
  { name: 'contentSecurityPolicy', header: 'Content-Security-Policy', weight: 'attack', why: 'limits where scripts may come from: the last line against cross-site scripting' },
  { name: 'crossOriginEmbedderPolicy', header: 'Cross-Origin-Embedder-Policy', offByDefault: true, weight: 'depth', why: 'off by default; it only enables cross-origin isolation' },
  { name: 'crossOriginOpenerPolicy', header: 'Cross-Origin-Opener-Policy', weight: 'depth', why: 'isolates the window from pages it opens or that open it; OAuth and payment pop-ups need it off' },
  { name: 'crossOriginResourcePolicy', header: 'Cross-Origin-Resource-Policy', weight: 'depth', why: 'stops other sites from embedding the responses; CDNs, public APIs and embeds turn it off on purpose' },
  { name: 'originAgentCluster', header: 'Origin-Agent-Cluster', weight: 'depth', why: 'a hint to isolate the origin in its own process; browsers may ignore it' },
  { name: 'referrerPolicy', header: 'Referrer-Policy', weight: 'attack', why: 'keeps tokens and private paths in URLs from leaking to other sites in the Referer header' },
  { name: 'strictTransportSecurity', alias: 'hsts', header: 'Strict-Transport-Security', weight: 'attack', why: 'stops SSL stripping: without it a network attacker can downgrade the first request to HTTP' },
  { name: 'xContentTypeOptions', alias: 'noSniff', header: 'X-Content-Type-Options', weight: 'attack', why: 'stops browsers from running an uploaded or mistyped file as script or HTML (MIME sniffing)' },
  { name: 'xDnsPrefetchControl', alias: 'dnsPrefetchControl', header: 'X-DNS-Prefetch-Control', weight: 'depth', why: 'a privacy setting for DNS prefetching of links, often turned on for speed' },
  { name: 'xDownloadOptions', alias: 'ieNoOpen', header: 'X-Download-Options', weight: 'depth', why: 'read only by Internet Explorer 8' },
  { name: 'xFrameOptions', alias: 'frameguard', header: 'X-Frame-Options', weight: 'attack', why: 'stops clickjacking: without it (or CSP frame-ancestors) any site can frame the pages', cspDirective: ['frameAncestors', 'frame-ancestors'] },
  { name: 'xPermittedCrossDomainPolicies', alias: 'permittedCrossDomainPolicies', header: 'X-Permitted-Cross-Domain-Policies', weight: 'depth', why: 'read only by Adobe Flash and Acrobat' },
  { name: 'xPoweredBy', alias: 'hidePoweredBy', header: 'X-Powered-By', weight: 'depth', why: 'hiding the framework name only slows down fingerprinting' },
  { name: 'xXssProtection', alias: 'xssFilter', header: 'X-XSS-Protection', weight: 'none', why: "helmet only ever sends '0', which turns the old browser filter off; leaving the header out changes nothing in current browsers" },
];

/**
 * Middleware outside helmet that sets one of helmet's headers. lusca 1.7 (its README and `index.js`): `lusca.csp()`,
 * `lusca.hsts()`, `lusca.xframe()`, `lusca.nosniff()`, `lusca.referrerPolicy()`, and `lusca(options)` with the same
 * keys, where `false` turns one off. `label` names the package in messages.
 */
export const OTHER_HEADER_MIDDLEWARES: readonly { module: string; method: string; optionKey: string; header: string; label: string }[] = [
  { module: 'lusca', method: 'csp', optionKey: 'csp', header: 'Content-Security-Policy', label: 'lusca' },
  { module: 'lusca', method: 'hsts', optionKey: 'hsts', header: 'Strict-Transport-Security', label: 'lusca' },
  { module: 'lusca', method: 'xframe', optionKey: 'xframe', header: 'X-Frame-Options', label: 'lusca' },
  { module: 'lusca', method: 'nosniff', optionKey: 'nosniff', header: 'X-Content-Type-Options', label: 'lusca' },
  { module: 'lusca', method: 'referrerPolicy', optionKey: 'referrerPolicy', header: 'Referrer-Policy', label: 'lusca' },
];

/** The defence-in-depth protections, by both names: what the rule's `defenceInDepth` option may list. */
export const HELMET_DEPTH_NAMES: readonly string[] = HELMET_PROTECTIONS.filter((p) => p.weight === 'depth' && !p.offByDefault).flatMap((p) =>
  p.alias ? [p.name, p.alias] : [p.name],
);

/** Every name a protection goes by: both option keys and standalone middlewares (`helmet.hsts()`). */
export const HELMET_MIDDLEWARE_NAMES: ReadonlySet<string> = new Set(
  HELMET_PROTECTIONS.flatMap((p) => (p.alias ? [p.name, p.alias] : [p.name])),
);

/** The option keys (current and older) that hide `X-Powered-By`. */
export const HELMET_POWERED_BY_KEYS = ['xPoweredBy', 'hidePoweredBy'] as const;

/** The canonical protection for any of its names (`hsts` → `strictTransportSecurity`). */
export function helmetProtection(name: string): HelmetProtection | undefined {
  return HELMET_PROTECTIONS.find((p) => p.name === name || p.alias === name);
}

/**
 * Middlewares and `helmet(options)` keys that helmet no longer has. Calling one of the middlewares throws
 * (`helmet.hpkp is not a function`); the option keys are ignored, so the header the code asks for never comes.
 */
export interface RemovedHelmetApi {
  name: string;
  /** The helmet version that removed it. */
  removedIn: string;
  /** Why it went. */
  why: string;
  /** What to use instead. */
  replacement: string;
}

export const HELMET_REMOVED_APIS: readonly RemovedHelmetApi[] = [
  {
    name: 'hpkp',
    removedIn: '4.0.0',
    why: 'browsers dropped HTTP Public Key Pinning, and a wrong pin locked users out of the site',
    replacement: 'remove it (browsers enforce Certificate Transparency themselves)',
  },
  {
    name: 'noCache',
    removedIn: '4.0.0',
    why: 'caching is not a security header',
    replacement: "the standalone 'nocache' package, on the routes that must not be cached",
  },
  {
    name: 'featurePolicy',
    removedIn: '4.0.0',
    why: 'browsers replaced Feature-Policy with Permissions-Policy',
    replacement: "a Permissions-Policy header (for example the 'permissions-policy' package)",
  },
  {
    name: 'expectCt',
    removedIn: '7.0.0',
    why: 'Expect-CT is obsolete',
    replacement: 'remove it (browsers enforce Certificate Transparency themselves)',
  },
];

/**
 * Middlewares that take no options since helmet 4.0.0: old options are ignored. `xssFilter({ setOnOldIE })`
 * asked for the old XSS filter, which helmet now turns off (`X-XSS-Protection: 0`) whatever it is given.
 */
export const HELMET_NO_OPTIONS_SINCE_4: ReadonlySet<string> = new Set([
  'xXssProtection', 'xssFilter', 'xPoweredBy', 'hidePoweredBy',
]);

/** Standalone packages helmet used to bundle whose use is obsolete or harmful, with what replaced them. */
export const OBSOLETE_HELMET_PACKAGES: readonly { module: string; what: string; replacement: string }[] = [
  {
    module: 'hpkp',
    what: 'HTTP Public Key Pinning, which browsers dropped (a wrong pin locks users out of the site)',
    replacement: 'remove it (browsers enforce Certificate Transparency themselves)',
  },
  {
    module: 'expect-ct',
    what: 'Expect-CT, which is obsolete',
    replacement: 'remove it (browsers enforce Certificate Transparency themselves)',
  },
  {
    module: 'feature-policy',
    what: 'Feature-Policy, which browsers replaced with Permissions-Policy',
    replacement: "a Permissions-Policy header (for example the 'permissions-policy' package)",
  },
];

/**
 * helmet 4.0.0 dropped X-Frame-Options' `ALLOW-FROM` (browsers never agreed on it) and throws on it since; CSP's
 * `frame-ancestors` replaced it.
 */
export const X_FRAME_OPTIONS_REMOVED_ACTION = 'allow-from';

/**
 * HSTS facts (helmet 8.3.0): `maxAge` is in seconds, 365 days by default; `includeSubDomains` is on by default;
 * the misspelt `includeSubdomains` throws since 8.0.0. 180 days is the shortest max-age that the HSTS preload
 * list and most hardening guides accept.
 */
export const HSTS_DEFAULT_MAX_AGE = 365 * 24 * 60 * 60;
export const HSTS_MIN_MAX_AGE = 180 * 24 * 60 * 60;
export const HSTS_MISSPELT_KEYS: Readonly<Record<string, string>> = { includeSubdomains: 'includeSubDomains' };

/**
 * helmet 8.3.0's default CSP directives (`useDefaults: true`, the default): the ones that decide the script and
 * object policy when the user does not set them. Its default `style-src` is `'self' https: 'unsafe-inline'`.
 */
export const CSP_DEFAULT_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'object-src': ["'none'"],
  'style-src': ["'self'", 'https:', "'unsafe-inline'"],
};

/**
 * CSP keywords that must be single-quoted: helmet 8 throws on `self` and friends written without quotes, and
 * helmet 7 and earlier send the bare word, which browsers read as a host name (a host called `self` that matches
 * nothing). So the policy that was sent is stricter than the quoted keyword, and what quoting does decides how
 * the plugin offers it:
 * - `fix`: quoting gives what the author meant and turns on nothing risky: `'self'` (the page's own origin,
 *   helmet's default), `'none'`, `'report-sample'` (adds a code sample to violation reports, runs nothing).
 * - `suggest`: quoting changes which scripts load, so it is the author's call: `'strict-dynamic'` makes CSP3
 *   browsers ignore host sources and `'self'` (scripts without a nonce or hash stop loading) and lets trusted
 *   scripts load others; `'inline-speculation-rules'` allows inline speculation rules.
 * - `remove`: quoting would allow what CSP exists to stop (inline scripts and handlers, `eval`, inline event
 *   handlers by hash, WebAssembly compilation): the bare word is a mistake either way, so the suggestion
 *   removes it, and nothing ever quotes it.
 */
/**
 * Bare keywords whose quoted form lets sources load that the bare word (a host name matching nothing) kept out on
 * helmet 7 and earlier: quoting is a fix only where the package's helmet is 8 or later, which throws on the bare
 * word at startup (so nothing was being sent); elsewhere a source would start working, so it is a suggestion.
 */
export const CSP_KEYWORDS_THAT_START_WORKING: ReadonlySet<string> = new Set(['self']);
/** The first helmet major that throws on a bare CSP keyword. */
export const HELMET_THROWS_ON_BARE_KEYWORDS_SINCE = 8;

export const CSP_BARE_KEYWORDS: Readonly<Record<string, 'fix' | 'suggest' | 'remove'>> = {
  self: 'fix',
  none: 'fix',
  'report-sample': 'fix',
  'strict-dynamic': 'suggest',
  'inline-speculation-rules': 'suggest',
  'unsafe-inline': 'remove',
  'unsafe-eval': 'remove',
  'unsafe-hashes': 'remove',
  'wasm-unsafe-eval': 'remove',
};

/** Sources that let any origin (or inline `data:` URLs) provide script or plugin content. */
export const CSP_UNSAFE_SOURCES: ReadonlySet<string> = new Set(['*', 'data:', 'http:']);

/**
 * Middlewares outside helmet that turn the old browser XSS filter on (`X-XSS-Protection: 1; mode=block`), which
 * attackers could abuse to leak data or break pages and which current browsers removed. lusca 1.7
 * (`lib/xssprotection.js`): `lusca.xssProtection(options)` and `lusca({ xssProtection: options })` send
 * `1; mode=block` unless `options.enabled` is `false`; `true` or no options keep the default.
 */
export const OLD_XSS_FILTER_MIDDLEWARES: readonly { module: string; path: readonly string[]; optionKey: string; label: string }[] = [
  { module: 'lusca', path: ['xssProtection'], optionKey: 'xssProtection', label: 'lusca' },
];
