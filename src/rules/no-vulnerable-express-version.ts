import type { TSESTree } from '@typescript-eslint/utils';
import gt from 'semver/functions/gt';
import major from 'semver/functions/major';
import intersects from 'semver/ranges/intersects';
import minVersion from 'semver/ranges/min-version';
import validRange from 'semver/ranges/valid';

import {
  ADVISORIES,
  ADVISORIES_REVIEWED,
  DEPENDENCY_SECTIONS,
  DEPRECATED_PACKAGES,
  type Advisory,
} from '../data/advisories';
import { NAMESPACE } from '../meta';
import { createRule } from '../util/create-rule';

type Options = [{ ignoreAdvisories?: string[] }];
type MessageIds = 'vulnerable' | 'deprecated';

/** The slice of `@eslint/json`'s AST (momoa) that the rule reads. */
interface JsonNode {
  type: string;
  loc: TSESTree.SourceLocation;
}
interface JsonString extends JsonNode {
  type: 'String';
  value: string;
}
interface JsonMember extends JsonNode {
  type: 'Member';
  name: JsonNode & { value?: string; name?: string };
  value: JsonNode;
}
interface JsonObject extends JsonNode {
  type: 'Object';
  members: JsonMember[];
}
interface JsonDocument extends JsonNode {
  type: 'Document';
  body: JsonNode;
}

const WATCHED = new Set([...ADVISORIES.map((a) => a.package), ...DEPRECATED_PACKAGES.map((d) => d.package)]);

export default createRule<Options, MessageIds>({
  name: 'no-vulnerable-express-version',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow `package.json` version ranges of Express and its middleware that admit versions with known advisories or that are deprecated',
      recommended: 'recommended',
    },
    // `secure-express/json` is @eslint/json's language as this plugin registers it (the shipped configs use it);
    // the `json/*` names are for a user who runs the rule with their own `@eslint/json` plugin.
    languages: [`${NAMESPACE}/json`, 'json/json', 'json/jsonc', 'json/json5'],
    schema: [
      {
        type: 'object',
        properties: {
          ignoreAdvisories: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'Advisory ids (CVE or GHSA) not to report, for a risk that was assessed and accepted (say why next to the setting).',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ ignoreAdvisories: [] }],
    messages: {
      vulnerable:
        "'{{name}}@{{range}}' admits versions with known advisories: {{advisories}}. Require at least {{fixed}} (advisory table reviewed {{reviewed}}; run `npm audit` too).",
      deprecated: "'{{name}}@{{range}}' is deprecated: {{reason}}. Move to {{replacement}}.",
    },
  },
  defaultOptions: [{ ignoreAdvisories: [] }],
  create(context, [{ ignoreAdvisories = [] }]) {
    const ignored = new Set(ignoreAdvisories);
    return {
      Document(node: JsonDocument) {
        if (node.body.type !== 'Object') return;
        for (const section of (node.body as JsonObject).members) {
          if (!DEPENDENCY_SECTIONS.includes(keyOf(section)) || section.value.type !== 'Object') continue;
          for (const dependency of (section.value as JsonObject).members) {
            const name = keyOf(dependency);
            if (!WATCHED.has(name) || dependency.value.type !== 'String') continue;
            const range = (dependency.value as JsonString).value.trim();
            check(name, range, dependency.value.loc);
          }
        }
      },
    } as Record<string, (node: never) => void>;

    function check(name: string, range: string, loc: TSESTree.SourceLocation): void {
      // `workspace:`, `file:`, `npm:` aliases, git and tarball URLs, dist-tags: not a version range we can read.
      if (range === '' || validRange(range) === null) return;
      const deprecated = DEPRECATED_PACKAGES.find((d) => d.package === name && admits(range, d.range));
      if (deprecated) {
        context.report({
          loc,
          messageId: 'deprecated',
          data: { name, range, reason: deprecated.reason, replacement: deprecated.replacement },
        });
        // Express below 4 is reported as such; its 4.x advisories would only repeat the same advice.
        if (name === 'express' && !admits(range, '>=4.0.0')) return;
      }
      const hits = ADVISORIES.filter(
        (a) => a.package === name && !ignored.has(a.id) && !(a.ghsa && ignored.has(a.ghsa)) && admits(range, a.affected),
      );
      if (hits.length === 0) return;
      context.report({
        loc,
        messageId: 'vulnerable',
        data: {
          name,
          range,
          advisories: describe(hits),
          fixed: firstSafe(range, hits),
          reviewed: ADVISORIES_REVIEWED,
        },
      });
    }
  },
});

function keyOf(member: JsonMember): string {
  return member.name.value ?? member.name.name ?? '';
}

/** Whether the declared range lets the package manager install a version in `affected`. */
function admits(range: string, affected: string): boolean {
  if (affected === '*') return true;
  try {
    return intersects(range, affected, { includePrerelease: true });
  } catch {
    return false;
  }
}

/** `CVE-… (GHSA-…): summary; …`, each advisory once. */
function describe(hits: readonly Advisory[]): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const hit of hits) {
    if (seen.has(hit.id)) continue;
    seen.add(hit.id);
    parts.push(`${hit.id}${hit.ghsa ? ` (${hit.ghsa})` : ''} ${hit.summary}`);
  }
  return parts.join('; ');
}

/**
 * The lowest version the user should require: the highest first-fixed version among the advisories of the
 * release line the range starts in (so `^4.17.1` is told 4.21.2, not a 5.x pre-release).
 */
function firstSafe(range: string, hits: readonly Advisory[]): string {
  const lowest = minVersion(range);
  const sameLine = lowest ? hits.filter((h) => major(h.fixed) === lowest.major) : [];
  const candidates = (sameLine.length > 0 ? sameLine : hits).map((h) => h.fixed);
  return candidates.reduce((a, b) => (gt(b, a) ? b : a));
}
