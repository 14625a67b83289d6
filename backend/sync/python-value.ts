import type { SyntaxNode } from '@lezer/common';
import { numberLiteralValue, stringLiteralValue } from './python-literal.ts';

/**
 * A binding's value: a literal (str, int or float, True/False, None); a name or dotted name whose value is
 * another binding's (`VERSION`, `utils.CI_WIKI_NAME`), which python-resolve.ts follows; or unknown where
 * it is anything else (a call, an operation, a container).
 */
export type PythonValue =
  | { kind: 'literal'; value: Literal; line: number }
  | { kind: 'name'; name: string; line: number }
  | { kind: 'unknown'; line: number; text: string };

export type Literal = string | number | boolean | null | readonly Literal[];

/**
 * The value of an expression when it is a literal as ast.literal_eval reads one (a str, with adjacent
 * strings joined; a number, signed; True, False, None; a list or tuple of these; in parentheses or not),
 * else undefined.
 */
export function literalOf(node: SyntaxNode, text: string): Literal | undefined {
  const token = text.slice(node.from, node.to);
  switch (node.name) {
    case 'String':
      return stringLiteralValue(token);
    case 'ContinuedString': {
      let joined = '';
      for (const part of parts(node)) {
        const value = part.name === 'String' ? stringLiteralValue(text.slice(part.from, part.to)) : undefined;
        if (value === undefined) return undefined;
        joined += value;
      }
      return joined;
    }
    case 'Number':
      return numberLiteralValue(token);
    case 'Boolean':
      return token === 'True';
    case 'None':
      return null;
    case 'UnaryExpression': {
      const [operator, operand] = parts(node);
      const sign = operator && text.slice(operator.from, operator.to);
      if (!operand || (sign !== '-' && sign !== '+')) return undefined;
      const value = literalOf(operand, text);
      if (typeof value !== 'number') return undefined;
      return sign === '-' ? -value : value;
    }
    case 'ArrayExpression':
    case 'TupleExpression': {
      const items: Literal[] = [];
      for (const item of parts(node)) {
        if (['(', ')', '[', ']', ','].includes(item.name)) continue;
        const value = literalOf(item, text);
        if (value === undefined) return undefined;
        items.push(value);
      }
      return items;
    }
    case 'ParenthesizedExpression': {
      const inner = unparenthesized(node);
      return inner ? literalOf(inner, text) : undefined;
    }
    default:
      return undefined;
  }
}

/** `a`, `a.b.c` (in parentheses or not) as a dotted name, else undefined. */
export function dottedNameOf(node: SyntaxNode, text: string): string | undefined {
  if (node.name === 'VariableName') return text.slice(node.from, node.to);
  if (node.name === 'ParenthesizedExpression') {
    const inner = unparenthesized(node);
    return inner ? dottedNameOf(inner, text) : undefined;
  }
  if (node.name !== 'MemberExpression') return undefined;
  const [object, dot, property] = parts(node);
  if (!object || dot?.name !== '.' || property?.name !== 'PropertyName') return undefined;
  const head = dottedNameOf(object, text);
  return head === undefined ? undefined : `${head}.${text.slice(property.from, property.to)}`;
}

function parts(node: SyntaxNode): SyntaxNode[] {
  const children: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.name !== 'Comment') children.push(child);
  }
  return children;
}

function unparenthesized(node: SyntaxNode): SyntaxNode | undefined {
  const inner = parts(node).filter((part) => part.name !== '(' && part.name !== ')');
  return inner.length === 1 ? inner[0] : undefined;
}
