/**
 * Markdown → the plain text a passage shows: what a reader sees, not the markup. Headings,
 * emphasis, links, images, block quotes, list bullets and HTML tags are reduced to their text;
 * paragraphs stay separated by blank lines (the passage chunker never crosses them). Pure and
 * deliberately small: a document's words matter here, not its layout.
 */

export function markdownToText(md: string): { text: string; heading?: string } {
  let heading: string | undefined;
  const out: string[] = [];
  let fenced = false;
  for (const raw of md.split('\n')) {
    if (/^\s*(```|~~~)/.test(raw)) {
      fenced = !fenced;
      continue;
    }
    if (fenced) {
      out.push(raw);
      continue;
    }
    let line = raw;
    const h = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (h) {
      line = h[1]!;
      if (heading === undefined && /^\s{0,3}#\s/.test(raw)) {
        heading = inline(line);
        continue; // the title is metadata, not a passage
      }
    }
    if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) {
      out.push('');
      continue;
    }
    line = line.replace(/^\s{0,3}>\s?/, '').replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '');
    out.push(inline(line));
  }
  const text = out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return heading === undefined ? { text } : { text, heading };
}

function inline(s: string): string {
  return s
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])[*_](?=\S)(.+?)(?<=\S)[*_](?![\w*])/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1');
}
