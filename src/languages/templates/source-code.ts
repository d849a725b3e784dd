import {
  VISITOR_KEYS,
  type LineIndex,
  type SourceLocation,
  type TemplateComment,
  type TemplateNode,
  type TemplateRoot,
} from './ast';

/** An `eslint-disable` family comment, as ESLint reads it from a language's source code. */
interface Directive {
  type: 'disable' | 'enable' | 'disable-line' | 'disable-next-line';
  node: TemplateComment;
  value: string;
  justification: string;
}

const DIRECTIVE = /^\s*eslint-(disable-next-line|disable-line|disable|enable)(?:\s+|$)/u;

/** One step of ESLint's traversal of a non-JavaScript language: enter (phase 1) or leave (phase 2) a node. */
interface VisitStep {
  kind: 1;
  target: TemplateNode;
  phase: 1 | 2;
  args: [TemplateNode, TemplateNode | undefined];
}

/** The `SourceCode` that rules of the templates language receive as `context.sourceCode`. */
export class TemplateSourceCode {
  readonly text: string;
  readonly ast: TemplateRoot;
  readonly lines: string[];
  readonly visitorKeys = VISITOR_KEYS;
  private readonly parents = new WeakMap<TemplateNode, TemplateNode>();

  constructor(text: string, ast: TemplateRoot, index: LineIndex) {
    this.text = text;
    this.ast = ast;
    this.lines = index.lines();
    for (const child of ast.body) this.parents.set(child, ast);
  }

  /**
   * `eslint-disable`, `eslint-enable`, `eslint-disable-line` and `eslint-disable-next-line` in template comments
   * (`<%# eslint-disable-next-line rule %>`, `//- eslint-disable-next-line rule`, `{{!-- eslint-disable-line --}}`),
   * with an optional `-- justification`.
   */
  getDisableDirectives(): { directives: Directive[]; problems: [] } {
    const directives: Directive[] = [];
    for (const node of this.ast.comments) {
      const match = DIRECTIVE.exec(node.value);
      if (!match) continue;
      const rest = node.value.slice(match[0].length);
      const dashes = rest.search(/\s--\s|^--\s/u);
      const value = (dashes === -1 ? rest : rest.slice(0, dashes)).trim();
      const justification = dashes === -1 ? '' : rest.slice(dashes).replace(/^\s*--\s/u, '').trim();
      const type = match[1] as Directive['type'];
      // A `-line` directive must sit on one line, as ESLint requires of JavaScript comments.
      if ((type === 'disable-line' || type === 'disable-next-line') && node.loc.start.line !== node.loc.end.line) continue;
      directives.push({ type, node, value, justification });
    }
    return { directives, problems: [] };
  }

  getLoc(node: TemplateNode | TemplateComment): SourceLocation {
    return node.loc;
  }

  getRange(node: TemplateNode | TemplateComment): [number, number] {
    return node.range;
  }

  getText(node?: TemplateNode): string {
    return node ? this.text.slice(node.range[0], node.range[1]) : this.text;
  }

  getParent(node: TemplateNode): TemplateNode | undefined {
    return this.parents.get(node);
  }

  getAncestors(node: TemplateNode): TemplateNode[] {
    const parent = this.parents.get(node);
    return parent ? [parent] : [];
  }

  *traverse(): Iterable<VisitStep> {
    const root = this.ast;
    yield { kind: 1, target: root, phase: 1, args: [root, undefined] };
    for (const child of root.body) {
      yield { kind: 1, target: child, phase: 1, args: [child, root] };
      yield { kind: 1, target: child, phase: 2, args: [child, root] };
    }
    yield { kind: 1, target: root, phase: 2, args: [root, undefined] };
  }
}
