// The package's own manifest is the single source of the plugin's name and version.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const manifest = require('../package.json') as { name: string; version: string };

export const PLUGIN_NAME = manifest.name;
export const PLUGIN_VERSION = manifest.version;
export const NAMESPACE = 'secure-express';
