import type { Node } from 'jsonc-parser';
import { firstIndexWhere, type Position, type Range } from '../core/text';

/**
 * Positions in a configuration file's text, as an editor counts them: lines end at LF, CRLF or a lone CR. The line
 * starts are found once, so that a file of many problems is not read again from its start for each of them.
 */
export class TextPositions {
  private starts: number[] | null = null;

  constructor(private readonly text: string) {}

  positionAt(offset: number): Position {
    const starts = (this.starts ??= lineStarts(this.text));
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const low = firstIndexWhere(starts.length, (index) => (starts[index] as number) > clamped) - 1;
    // an offset between a CR and its LF stands at the end of the line, as in the editor
    const next = starts[low + 1];
    const end = next === undefined ? this.text.length : next - (this.text.charCodeAt(next - 2) === 13 && this.text.charCodeAt(next - 1) === 10 ? 2 : 1);
    return { line: low, character: Math.min(clamped, end) - (starts[low] as number) };
  }

  rangeAt(offset: number, length: number): Range {
    return { start: this.positionAt(offset), end: this.positionAt(offset + length) };
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 13 /* \r */) {
      if (text.charCodeAt(index + 1) === 10) index++;
      starts.push(index + 1);
    } else if (code === 10) starts.push(index + 1);
  }
  return starts;
}

/**
 * The nodes of a parsed JSON tree by path, as jsonc-parser's findNodeAtLocation finds them, with each object's keys
 * indexed the first time it is searched: a search per problem that read every key of the object made a file of many
 * problems quadratic (20 000 unknown rules took 24 s). Of a key written twice, the last counts, as in the value read.
 */
export class NodeFinder {
  private readonly keys = new WeakMap<Node, Map<string, Node>>();

  constructor(readonly root: Node) {}

  find(path: readonly (string | number)[]): Node | undefined {
    let node: Node | undefined = this.root;
    for (const segment of path) {
      if (!node) return undefined;
      if (typeof segment === 'number') node = node.type === 'array' ? node.children?.[segment] : undefined;
      else node = node.type === 'object' ? this.keysOf(node).get(segment) : undefined;
    }
    return node;
  }

  private keysOf(object: Node): Map<string, Node> {
    let keys = this.keys.get(object);
    if (!keys) {
      keys = new Map();
      for (const property of object.children ?? []) {
        const [key, value] = property.children ?? [];
        if (key && value && property.children?.length === 2) keys.set(String(key.value), value);
      }
      this.keys.set(object, keys);
    }
    return keys;
  }
}
