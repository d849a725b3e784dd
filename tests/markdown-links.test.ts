import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

// Every relative link of the shipped and contributor docs resolves: the file exists and a `#anchor` names a heading
// of it, slugged as GitHub (and npm) slug them. Links to web pages are not fetched.
const root = path.resolve(__dirname, '..');

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return markdownFiles(file);
    return name.endsWith('.md') ? [file] : [];
  });
}

const files = [
  path.join(root, 'README.md'),
  path.join(root, 'CONTRIBUTING.md'),
  ...markdownFiles(path.join(root, 'docs')),
  ...markdownFiles(path.join(root, 'examples')).filter((f) => !f.includes(`${path.sep}node_modules${path.sep}`)),
].filter((f) => existsSync(f));

/** The text outside fenced code blocks, line by line (fence lines and code lines become empty). */
function proseLines(text: string): string[] {
  let fence: string | undefined;
  return text.split('\n').map((line) => {
    const open = /^\s*(`{3,}|~{3,})/u.exec(line)?.[1];
    if (fence) {
      if (open && open[0] === fence[0] && open.length >= fence.length) fence = undefined;
      return '';
    }
    if (open) {
      fence = open;
      return '';
    }
    return line;
  });
}

/** GitHub's heading slug: lower case, punctuation dropped, spaces to hyphens; repeats get `-1`, `-2`, ... */
export function slug(heading: string): string {
  return heading
    .replace(/\[([^\]]*)\]\([^)]*\)/gu, '$1')
    .replace(/<[^>]+>/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /gu, '-');
}

const anchorCache = new Map<string, Set<string>>();
function anchorsOf(file: string): Set<string> {
  let anchors = anchorCache.get(file);
  if (anchors) return anchors;
  anchors = new Set();
  const seen = new Map<string, number>();
  for (const line of proseLines(readFileSync(file, 'utf8'))) {
    const heading = /^#{1,6}\s+(.+?)\s*#*\s*$/u.exec(line)?.[1];
    if (heading) {
      const base = slug(heading);
      const count = seen.get(base) ?? 0;
      seen.set(base, count + 1);
      anchors.add(count === 0 ? base : `${base}-${count}`);
    }
    for (const m of line.matchAll(/<a\s+(?:id|name)="([^"]+)"/gu)) anchors.add(m[1]!);
  }
  anchorCache.set(file, anchors);
  return anchors;
}

/** The relative link targets of a file, with their line numbers (inline code spans skipped). */
function linksOf(file: string): { line: number; target: string }[] {
  return proseLines(readFileSync(file, 'utf8')).flatMap((text, index) => {
    const prose = text.replace(/(`+)[\s\S]*?\1/gu, '');
    const targets = [
      ...[...prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/gu)].map((m) => m[1]!),
      ...[...prose.matchAll(/^\s*\[[^\]]+\]:\s+(\S+)/gu)].map((m) => m[1]!),
    ];
    return targets.filter((t) => !/^[a-z][a-z0-9+.-]*:/iu.test(t)).map((target) => ({ line: index + 1, target }));
  });
}

/** What is wrong with a link, or undefined when it resolves. */
function problem(file: string, target: string): string | undefined {
  const [pathPart, anchor] = target.split('#', 2) as [string, string | undefined];
  const resolved = pathPart ? path.resolve(path.dirname(file), decodeURIComponent(pathPart)) : file;
  if (!existsSync(resolved)) return 'no such file';
  if (anchor === undefined || !resolved.endsWith('.md')) return undefined;
  return anchorsOf(resolved).has(decodeURIComponent(anchor)) ? undefined : `no heading '#${anchor}'`;
}

describe('relative links of the markdown docs', () => {
  it('checks the README, CONTRIBUTING.md and docs/', () => {
    expect(files.map((f) => path.relative(root, f))).toEqual(
      expect.arrayContaining(['README.md', 'docs/whole-app-analysis.md', 'docs/frameworks.md', 'docs/rules/require-helmet.md']),
    );
  });

  it('slugs headings as GitHub does', () => {
    expect(slug('Whole-app analysis')).toBe('whole-app-analysis');
    expect(slug('`tsconfig.json` `paths` and `baseUrl`')).toBe('tsconfigjson-paths-and-baseurl');
    expect(slug("A router returned by a route module's exported function")).toBe(
      'a-router-returned-by-a-route-modules-exported-function',
    );
    expect(slug('Entry files without an extension (`bin/www`)')).toBe('entry-files-without-an-extension-binwww');
  });

  it('finds a broken file link and a broken anchor (the check can fail)', () => {
    const readme = path.join(root, 'README.md');
    expect(problem(readme, 'docs/nowhere.md')).toBe('no such file');
    expect(problem(readme, 'docs/whole-app-analysis.md#nowhere')).toBe("no heading '#nowhere'");
    expect(problem(readme, '#install')).toBeUndefined();
  });

  it.each(files.map((f) => [path.relative(root, f), f]))('%s: every relative link and #anchor resolves', (_, file) => {
    const broken = linksOf(file)
      .map(({ line, target }) => ({ line, target, problem: problem(file, target) }))
      .filter((link) => link.problem !== undefined)
      .map((link) => `${link.line}: ${link.target} (${link.problem})`);
    expect(broken).toEqual([]);
  });
});
