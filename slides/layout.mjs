// Measures rendered decks the way a projector shows them: each slide of dist/NAME.html at 1280x720 in
// headless Chromium. It judges nothing; it prints what it measured, one tab-separated line per finding,
// and slides/check (SlideLayoutTest) decides what fails:
//   slide   DECK  N  TITLE                                   one per slide
//   overflow DECK N  PX  WHAT                                content that sticks out of the slide's content box
//   code    DECK  N  PX  TEXT                                the smallest code text on the slide, as shown
//   diagram DECK  N  PX  TEXT                                the smallest diagram text on the slide, as shown
// PX is in pixels of a 1280x720 slide. Usage: node layout.mjs dist/NAME.html ...
// With SHOTS=DIR set, it also saves what it measured: DIR/NAME-N.png, one 1280x720 picture per slide.
// Needs node_modules (npm ci) and Chromium (CHROME_PATH, default /usr/bin/chromium).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer';

const settings = JSON.parse(fs.readFileSync(new URL('./puppeteer.json', import.meta.url), 'utf8'));
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH || settings.executablePath,
  args: settings.args,
  headless: true,
});
const clean = (text) => text.replace(/\s+/g, ' ').trim().slice(0, 60);

try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 720 });
  const scratch = await browser.newPage();
  for (const html of process.argv.slice(2)) {
    const deck = path.basename(html, '.html') + '.md';
    await page.bringToFront(); // a page in the background gets no frames: layout that waits for one never happens
    await page.goto(pathToFileURL(path.resolve(html)).href, { waitUntil: 'load' });
    const slides = await page.evaluate(measureSlides);
    if (process.env.SHOTS) {
      fs.mkdirSync(process.env.SHOTS, { recursive: true });
      const shots = await browser.newPage();
      await shots.setViewport({ width: 1280, height: 720 });
      await shots.bringToFront();
      await shots.goto(pathToFileURL(path.resolve(html)).href, { waitUntil: 'load' });
      await shots.addStyleTag({ content: '.bespoke-marp-osc { display: none !important; }' }); // the viewer's buttons
      for (const slide of slides) {
        await shots.evaluate((n) => { location.hash = '#' + n; }, slide.n);
        await new Promise((resolve) => setTimeout(resolve, 300));
        await shots.screenshot({ path: path.join(process.env.SHOTS, `${path.basename(html, '.html')}-${slide.n}.png`) });
      }
      await shots.close();
    }
    for (const slide of slides) {
      console.log(['slide', deck, slide.n, clean(slide.title)].join('\t'));
      for (const o of slide.overflows) {
        console.log(['overflow', deck, slide.n, o.px.toFixed(1), clean(o.what)].join('\t'));
      }
      if (slide.code) {
        console.log(['code', deck, slide.n, slide.code.px.toFixed(1), clean(slide.code.text)].join('\t'));
      }
      let smallest = null;
      for (const image of slide.images) {
        const file = path.resolve(path.dirname(html), decodeURIComponent(new URL(image.src).pathname));
        const text = await diagramText(scratch, fs.readFileSync(file, 'utf8'));
        if (text && image.width > 0) {
          const px = text.px * image.width / text.viewBoxWidth;
          if (!smallest || px < smallest.px) smallest = { px, text: text.text };
        }
      }
      if (smallest) {
        console.log(['diagram', deck, slide.n, smallest.px.toFixed(1), clean(smallest.text)].join('\t'));
      }
    }
  }
} finally {
  await browser.close();
}

/** In the deck's page: every slide, laid out as the viewer shows it (all at once, on top of each other). */
async function measureSlides() {
  const show = document.createElement('style');
  show.textContent = '.bespoke-marp-slide { content-visibility: visible !important; display: block !important; }';
  document.head.append(show);
  await document.fonts.ready;
  // Marp scales some elements (fitted headings) once they are laid out: give it two frames.
  for (let i = 0; i < 2; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
  const sections = [...document.querySelectorAll('svg[data-marpit-svg] > foreignObject > section')];
  const results = [];
  for (let i = 0; i < sections.length; i++) {
    const section = sections[i];
    const box = section.getBoundingClientRect();
    const scale = box.width / 1280; // 1 at a 1280x720 window; kept so the figures are per 1280x720 slide
    const style = getComputedStyle(section);
    const content = {
      left: box.left + parseFloat(style.paddingLeft) * scale,
      right: box.right - parseFloat(style.paddingRight) * scale,
      top: box.top + parseFloat(style.paddingTop) * scale,
      bottom: box.bottom - parseFloat(style.paddingBottom) * scale,
    };
    const describe = (el) => {
      const img = el.matches('img') ? el : el.querySelector('img');
      const text = el.textContent.trim() || (img ? 'the image ' + img.getAttribute('src') : '');
      return el.tagName.toLowerCase() + ': ' + text;
    };
    // Every element, floats and images included; reported once per top-level block, by its worst part.
    const overflows = [];
    for (const block of section.children) {
      if (block.matches('header, footer, script, style')) continue;
      let worst = 0;
      for (const el of [block, ...block.querySelectorAll('*')]) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        const out = Math.max(content.top - r.top, r.bottom - content.bottom, content.left - r.left, r.right - content.right) / scale;
        worst = Math.max(worst, out);
      }
      if (worst > 1) overflows.push({ px: worst, what: describe(block) });
    }
    // Code wider than its block: cut off, or scrolled, either way not on the screen.
    for (const pre of section.querySelectorAll('pre, marp-pre')) {
      const wide = pre.scrollWidth - pre.clientWidth;
      if (wide > 1) overflows.push({ px: wide, what: 'a code line wider than its block: ' + pre.textContent });
    }
    // Code text as shown: its font size times any scaling on the way (Marp's auto-scaling shrinks wide code).
    let code = null;
    for (const el of section.querySelectorAll(':is(pre, marp-pre) code')) {
      if (!el.textContent.trim()) continue;
      const shown = el.getBoundingClientRect().height / (el.offsetHeight || 1) / scale;
      const px = parseFloat(getComputedStyle(el).fontSize) * shown;
      if (!code || px < code.px) code = { px, text: el.textContent.trim().split('\n')[0] };
    }
    const images = [...section.querySelectorAll('img')]
      .filter((img) => /\.svg$/i.test(new URL(img.src).pathname))
      .map((img) => ({ src: img.src, width: img.getBoundingClientRect().width / scale }));
    const heading = section.querySelector('h1, h2, h3');
    results.push({ n: i + 1, title: heading ? heading.textContent : '', overflows, code, images });
  }
  return results;
}

/** The smallest text of one SVG diagram, in its own units, and the width of its viewBox. */
async function diagramText(page, svg) {
  await page.setContent('<!doctype html><html><body style="margin:0">' + svg + '</body></html>');
  return page.evaluate(async () => {
    await document.fonts.ready;
    const root = document.querySelector('svg');
    const viewBoxWidth = root.viewBox.baseVal.width || root.getBoundingClientRect().width;
    let smallest = null;
    for (const el of root.querySelectorAll('*')) {
      const own = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('').trim();
      if (!own) continue;
      if (el.closest('style, title, desc')) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      const px = parseFloat(getComputedStyle(el).fontSize);
      if (!smallest || px < smallest.px) smallest = { px, text: own };
    }
    return smallest && { ...smallest, viewBoxWidth };
  });
}
