/**
 * No hard-coded English in the interface: every word a user sees in components/ comes from the
 * locales (public/_locales, through `t`). Each component's source is parsed with TypeScript and
 * its JSX searched for words written in: text between tags, the attributes a user sees or hears
 * (aria-label, title, placeholder, alt, and the `label`-like props components pass on), and string
 * literals put into the markup. Proper names that are the same in every language (the brand) and
 * key names in <kbd> are allowed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const SEEN_ATTRIBUTES = new Set(['aria-label', 'aria-valuetext', 'aria-roledescription', 'title', 'placeholder', 'alt', 'label', 'all', 'summary', 'action', 'text']);
const ALLOWED = new Set(['Counterpoint', 'Esc', 'Enter', 'Tab']);
const WORD = /[A-Za-z]{2,}/;

function hasWords(text: string): boolean {
  const rest = text.replace(/\b(Counterpoint|Esc|Enter|Tab)\b/g, '');
  return WORD.test(rest) && !ALLOWED.has(text.trim());
}

/** Words written into the markup of one .tsx source: "line: text". */
export function hardCodedText(source: string, fileName = 'x.tsx'): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => found.push(`${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${text.trim()}`);
  const inKbd = (node: ts.Node) => {
    const el = node.parent;
    return ts.isJsxElement(el) && el.openingElement.tagName.getText() === 'kbd';
  };
  /** A literal shown as it is: in a {…} of the markup or a seen attribute, through ?:, && and ||. */
  const shown = (node: ts.Node): boolean => {
    const passes = (p: ts.Node, child: ts.Node) =>
      ts.isParenthesizedExpression(p) ||
      (ts.isConditionalExpression(p) && p.condition !== child) ||
      (ts.isBinaryExpression(p) && [ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(p.operatorToken.kind));
    let child: ts.Node = node;
    let p = node.parent;
    while (p && passes(p, child)) {
      child = p;
      p = p.parent;
    }
    if (!p) return false;
    if (ts.isJsxExpression(p)) {
      const owner = p.parent;
      return ts.isJsxAttribute(owner) ? SEEN_ATTRIBUTES.has(owner.name.getText()) : !inKbd(p);
    }
    return ts.isJsxAttribute(p) && SEEN_ATTRIBUTES.has(p.name.getText());
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasWords(node.text) && !inKbd(node)) report(node, node.text);
    else if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && hasWords(node.text) && shown(node)) report(node, node.text);
    else if (ts.isTemplateExpression(node) && shown(node)) {
      const parts = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
      if (hasWords(parts)) report(node, node.getText());
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}


function componentFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? componentFiles(join(dir, e.name)) : e.name.endsWith('.tsx') && !e.name.endsWith('.test.tsx') ? [join(dir, e.name)] : [],
  );
}

describe('no hard-coded English in components/', () => {
  it('finds words in text, seen attributes and shown literals, not in classes, keys or calls to t', () => {
    const code = `
      export const A = ({ on }: { on: boolean }) => (
        <div class={on ? 'icon on' : 'icon'} aria-label="Close card" data-x="some thing">
          Loading sources
          <kbd>Enter</kbd> {t('cardClose')} {on ? 'Pinned' : t('x')} {on === 'ready' && t('y')}
          <input placeholder={\`Search \${on}\`} type="search" />
          <h1>Counterpoint</h1>
        </div>
      );`;
    expect(hardCodedText(code)).toEqual(['3: Close card', '4: Loading sources', '5: Pinned', '6: `Search ${on}`']);
  });

  const files = componentFiles(join(ROOT, 'components')).map((f) => relative(ROOT, f));
  it.each(files)('%s says nothing in English of its own', (file) => {
    expect(hardCodedText(readFileSync(join(ROOT, file), 'utf8'), file)).toEqual([]);
  });
});
