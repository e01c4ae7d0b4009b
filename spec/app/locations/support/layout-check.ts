import type { Frame, Page } from 'playwright-core';

/**
 * Layout checks run inside the app's frame, on the DOM as Chromium laid it out. Each returns the problems it saw as
 * sentences naming the element, so that a failing spec says what to fix.
 */

/** The app's own document (the iframe `#zaf-app` of a desk page). */
export async function appFrame(page: Page): Promise<Frame> {
  const frame = await (await page.locator('#zaf-app').elementHandle())?.contentFrame();
  if (!frame) throw new Error('the desk page has no app frame');
  return frame;
}

/**
 * What does not fit, in the frame as laid out now:
 * - the page scrolling sideways, or an element reaching past the frame's right edge;
 * - an element reaching past the right edge of its parent's box (a word or a control wider than its card or cell);
 * - an element whose own content is wider (or, clipped, taller) than its box: hidden, scrolled, or cut with an
 *   ellipsis in a control or heading (a button or tab whose label cannot be read whole), or a word running out of a
 *   table cell over the next one;
 * - two controls (buttons, inputs, selects, tabs, labels) of one layer (the page, or a modal over it) drawn over
 *   each other.
 * Visually hidden helpers (1 px boxes) and positioned overlays (menus, tooltips) are left out.
 */
export function layoutProblems(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const problems: string[] = [];
    const root = document.documentElement;
    const viewportRight = root.clientWidth;
    const describe = (el: Element) => {
      const data = [...el.attributes]
        .filter((a) => a.name.startsWith('data-') && !a.name.startsWith('data-garden'))
        .map((a) => `[${a.name}${a.value ? `="${a.value.slice(0, 30)}"` : ''}]`)
        .join('');
      const role = el.getAttribute('role') ? `[role=${el.getAttribute('role')}]` : '';
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ');
      return `<${el.tagName.toLowerCase()}${role}${data}> “${text.length > 50 ? `${text.slice(0, 50)}…` : text}”`;
    };
    if (root.scrollWidth > viewportRight + 1) problems.push(`the page scrolls sideways: ${root.scrollWidth} px wide in a ${viewportRight} px frame`);

    const shown = (el: Element, style: CSSStyleDeclaration) =>
      style.display !== 'none' && style.visibility !== 'hidden' && style.visibility !== 'collapse' && el.getClientRects().length > 0;
    const READ_WHOLE = 'button, [role="tab"], label, th, h1, h2, h3, h4, legend, summary, option, a';
    const CONTROLS = 'button, input:not([type="hidden"]), select, textarea, [role="tab"], label';
    /** The fixed box (a modal's backdrop) an element is drawn in, else the page: controls of two layers may overlap. */
    const layerOf = (el: Element): Element => {
      for (let at: Element | null = el; at; at = at.parentElement) if (getComputedStyle(at).position === 'fixed') return at;
      return document.body;
    };
    const controls: { el: Element; rect: DOMRect; layer: Element }[] = [];
    /** Elements already said to reach too far: what is inside them goes along, and is not listed again. */
    const tooWide: Element[] = [];
    const insideTooWide = (el: Element) => tooWide.some((outer) => outer.contains(el));

    for (const el of document.body.querySelectorAll('*')) {
      const style = getComputedStyle(el);
      if (!shown(el, style)) continue;
      const rect = el.getBoundingClientRect();
      if (rect.width <= 1 || rect.height <= 1) continue; // visually hidden (clip to 1 px), e.g. live regions
      if (style.position === 'fixed' || style.position === 'absolute') continue; // overlays, drawn on purpose over others
      if (el.closest('svg') && el.tagName.toLowerCase() !== 'svg') continue; // chart marks and labels

      let parent = el.parentElement;
      while (parent && getComputedStyle(parent).display === 'contents') parent = parent.parentElement;
      const parentRight = parent && parent !== document.body ? parent.getBoundingClientRect().right : viewportRight;
      if (!insideTooWide(el)) {
        if (rect.right > viewportRight + 1) {
          problems.push(`${describe(el)} reaches ${Math.round(rect.right - viewportRight)} px past the frame's right edge`);
          tooWide.push(el);
        } else if (parent && rect.right > parentRight + 1) {
          problems.push(`${describe(el)} reaches ${Math.round(rect.right - parentRight)} px past the right edge of ${describe(parent)}`);
          tooWide.push(el);
        }
      }

      const clipsX = style.overflowX !== 'visible';
      const clipsY = style.overflowY === 'hidden' || style.overflowY === 'clip';
      if (clipsX && el.scrollWidth > el.clientWidth + 1 && el !== root && el !== document.body) {
        const how = style.overflowX === 'auto' || style.overflowX === 'scroll' ? 'scrolls sideways' : style.textOverflow === 'ellipsis' ? 'is cut with an ellipsis' : 'is cut off';
        if (how !== 'is cut with an ellipsis' || el.matches(READ_WHOLE) || el.closest(READ_WHOLE)) {
          // Name what sticks out: the outermost descendant past the box's right edge.
          const edge = rect.left + el.clientLeft + el.clientWidth;
          const culprit = [...el.querySelectorAll('*')].find((inner) => inner.getBoundingClientRect().right > edge + 1);
          problems.push(`${describe(el)} ${how}: ${el.scrollWidth} px of content in ${el.clientWidth} px${culprit ? `, from ${describe(culprit)}` : ''}`);
        }
      }
      // A box that shows its overflow (a table cell, a heading) with a word longer than its width: the word runs
      // over its neighbour.
      const ownText = [...el.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '');
      if (!clipsX && ownText && !style.display.startsWith('inline') && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1)
        problems.push(`${describe(el)} has text wider than its box, running over what is beside it: ${el.scrollWidth} px of text in ${el.clientWidth} px`);
      if (clipsY && el.scrollHeight > el.clientHeight + 1 && el.tagName.toLowerCase() !== 'textarea')
        problems.push(`${describe(el)} is cut off at the bottom: ${el.scrollHeight} px of content in ${el.clientHeight} px`);
      if (el.matches(CONTROLS)) controls.push({ el, rect, layer: layerOf(el) });
    }

    for (let i = 0; i < controls.length; i++) {
      for (let j = i + 1; j < controls.length; j++) {
        const a = controls[i] as (typeof controls)[number];
        const b = controls[j] as (typeof controls)[number];
        if (a.layer !== b.layer || a.el.contains(b.el) || b.el.contains(a.el)) continue;
        if ((a.el as HTMLLabelElement).control === b.el || (b.el as HTMLLabelElement).control === a.el) continue;
        const overlapX = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left);
        const overlapY = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top);
        if (overlapX > 1 && overlapY > 1) problems.push(`${describe(a.el)} and ${describe(b.el)} overlap`);
      }
    }
    return problems;
  });
}

/** Translation keys (`admin.reports.title`) shown instead of text, in the visible text or in accessible names. */
export function keyNamesShown(frame: Frame, topLevelKeys: readonly string[]): Promise<string[]> {
  return frame.evaluate((tops) => {
    const key = new RegExp(`\\b(?:${tops.join('|')})\\.[a-z_]+(?:\\.[a-z_-]+)*`, 'g');
    const found = new Set<string>();
    for (const match of document.body.innerText.match(key) ?? []) found.add(`shown: ${match}`);
    for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder]')) {
      for (const name of ['aria-label', 'title', 'placeholder']) {
        for (const match of el.getAttribute(name)?.match(key) ?? []) found.add(`in ${name}: ${match}`);
      }
    }
    return [...found];
  }, topLevelKeys);
}

/** Visible text nodes that are, whole, an English text whose translation differs: English left in another locale. */
export function englishShown(frame: Frame, englishOnly: readonly string[]): Promise<string[]> {
  return frame.evaluate((texts) => {
    const english = new Set(texts);
    const found = new Set<string>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').trim();
      const parent = node.parentElement;
      if (!text || !parent || parent.closest('script, style, [hidden]') || parent.getClientRects().length === 0) continue;
      if (english.has(text)) found.add(text);
    }
    return [...found];
  }, englishOnly);
}
