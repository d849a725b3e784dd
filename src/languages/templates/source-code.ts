import { VISITOR_KEYS, type LineIndex, type SourceLocation, type TemplateNode, type TemplateRoot } from './ast';

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

  getLoc(node: TemplateNode): SourceLocation {
    return node.loc;
  }

  getRange(node: TemplateNode): [number, number] {
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
