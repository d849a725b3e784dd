/**
 * TLS options that weaken a connection, read from the Node.js 20 `tls`/`https` documentation and the clients
 * that pass them on (axios `httpsAgent`, got `https: {}`, node-fetch / undici agents, request, the MongoDB driver
 * 6.x, pg 8.x `ssl: {}`). Each row: an option key and the value that turns a check off.
 */
export interface InsecureTlsOption {
  key: string;
  /** The value that weakens the connection. */
  value: boolean | string;
  /** What it turns off. */
  check: 'certificate' | 'hostname' | 'certificate and hostname';
}

export const INSECURE_TLS_OPTIONS: readonly InsecureTlsOption[] = [
  { key: 'rejectUnauthorized', value: false, check: 'certificate' },
  // request / postman-request
  { key: 'strictSSL', value: false, check: 'certificate' },
  // MongoDB driver (and mongoose, which passes them on)
  { key: 'tlsAllowInvalidCertificates', value: true, check: 'certificate' },
  { key: 'tlsAllowInvalidHostnames', value: true, check: 'hostname' },
  { key: 'tlsInsecure', value: true, check: 'certificate and hostname' },
  { key: 'sslValidate', value: false, check: 'certificate' },
  // An environment variable, as a key of `process.env` or of a child process's `env`.
  { key: 'NODE_TLS_REJECT_UNAUTHORIZED', value: '0', check: 'certificate' },
];

/** Protocol versions below TLS 1.2 (`minVersion`, `maxVersion`, `tls.DEFAULT_MIN_VERSION`): deprecated by RFC 8996. */
export const WEAK_TLS_VERSIONS: ReadonlySet<string> = new Set(['SSLv2', 'SSLv3', 'TLSv1', 'TLSv1.1']);

/** Option keys that take a protocol version. */
export const TLS_VERSION_KEYS: ReadonlySet<string> = new Set(['minVersion', 'maxVersion', 'DEFAULT_MIN_VERSION', 'DEFAULT_MAX_VERSION']);

/** `secureProtocol` methods that pin a protocol below TLS 1.2 (OpenSSL method names). */
export const WEAK_SECURE_PROTOCOL = /^(?:SSLv2|SSLv3|TLSv1|TLSv1_1)_(?:client_|server_)?method$/u;

/**
 * Parts of an OpenSSL cipher string that enable broken or no encryption: RC4, RC2, (3)DES, MD5 MACs, NULL
 * ciphers, anonymous key exchange, export-grade and `LOW` suites. A part is a `:`-separated entry or a
 * `-`-separated piece of a suite name (`DES-CBC3-SHA`).
 */
export const WEAK_CIPHER_PARTS: ReadonlySet<string> = new Set([
  'RC4', 'RC2', 'DES', '3DES', 'DES-CBC3', 'MD5', 'NULL', 'aNULL', 'eNULL', 'EXP', 'EXPORT', 'EXPORT40',
  'EXPORT56', 'ADH', 'AECDH', 'LOW',
]);
