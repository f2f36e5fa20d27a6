/**
 * `npm run demo`: builds the extension unless a build newer than every source file is there,
 * opens the project's sample news page (tests/fixtures/news.html, fiction written for the
 * project) in headless Chromium with the extension, rests the pointer on "Raqqa", saves what the
 * reader sees to demo.png and prints the card's text.
 *
 *   node scripts/demo.mjs [--dark] [--word Mosul] [--out demo.png]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { highlightCount, launchChromium, readCard, ROOT, serveDir, textRect } from './browser.mjs';

const { values: args } = parseArgs({
  options: {
    dark: { type: 'boolean', default: false },
    word: { type: 'string', default: 'Raqqa' },
    out: { type: 'string', default: join(ROOT, 'demo.png') },
    rebuild: { type: 'boolean', default: false },
  },
});
const BUILD = join(ROOT, '.output/chrome-mv3');
const SOURCES = ['entrypoints', 'components', 'lib', 'platform', 'corpus', 'public', 'wxt.config.ts', 'package.json'];

function newestSource(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestSource(join(path, name))));
}

function ensureBuild() {
  const manifest = join(BUILD, 'manifest.json');
  const fresh =
    !args.rebuild &&
    existsSync(manifest) &&
    statSync(manifest).mtimeMs > Math.max(...SOURCES.map((s) => join(ROOT, s)).filter(existsSync).map(newestSource));
  if (fresh) return console.log('Using the build in .output/ (newer than every source file).');
  console.log('Building the extension (npm run build)…');
  const run = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (run.status !== 0) throw new Error('npm run build failed');
}

async function main() {
  ensureBuild();
  const server = await serveDir(join(ROOT, 'tests/fixtures'));
  const browser = await launchChromium({ extensionDir: BUILD, colorScheme: args.dark ? 'dark' : 'light' });
  try {
    const page = await browser.context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.origin}/news.html`, { waitUntil: 'load' });
    let underlined = 0;
    for (let i = 0; i < 50 && underlined === 0; i++) {
      underlined = await highlightCount(page);
      if (!underlined) await page.waitForTimeout(100);
    }
    if (!underlined) throw new Error('no mention was underlined: is the extension loaded?');
    await page.waitForTimeout(300);
    underlined = await highlightCount(page);

    // The second "Raqqa" is in the first paragraph; rest the pointer there like a reader.
    const at = await textRect(page, args.word, args.word === 'Raqqa' ? 1 : 0);
    if (!at) throw new Error(`"${args.word}" is not on the page`);
    await page.mouse.move(at.x - 30, at.y + 40);
    await page.mouse.move(at.x, at.y, { steps: 6 });
    let card = null;
    for (let i = 0; i < 60 && !(card && !card.busy); i++) {
      await page.waitForTimeout(100);
      card = await readCard(page);
    }
    if (!card) throw new Error('no card opened');
    await page.screenshot({ path: args.out });

    const rule = '─'.repeat(72);
    console.log(`\nCounterpoint demo: tests/fixtures/news.html in headless Chromium with the extension`);
    console.log(`${underlined} mentions underlined. Pointer resting on "${args.word}" opened this card (${card.role}, "${card.name}", closed shadow root):`);
    console.log(rule);
    console.log(card.text.replace(/\n{2,}/g, '\n'));
    console.log(rule);
    console.log(`Screenshot: ${relative(process.cwd(), args.out) || args.out}`);
    if (errors.length) console.log(`Page errors: ${errors.join('; ')}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((err) => {
  console.error(`demo failed: ${err.message}`);
  process.exit(1);
});
