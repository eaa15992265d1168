// Tooltips that work with a mouse, a finger and a keyboard: a mark's SVG
// <title> becomes its `data-tip`, shown in a floating box on hover, on tap and
// on keyboard focus, hidden with Escape or a tap elsewhere.

/** Moves the <title> of every mark under `root` into `data-tip` (no doubled native tooltip). */
export function tipify(root: Element): void {
  root.querySelectorAll('svg g > title, svg .mark > title').forEach((title) => {
    const owner = title.parentElement;
    if (owner === null) return;
    owner.setAttribute('data-tip', title.textContent ?? '');
    title.remove();
  });
}

/** Installs the one tooltip box of the page. */
export function installTooltips(doc: Document): void {
  const box = doc.createElement('div');
  box.className = 'tip';
  box.setAttribute('role', 'tooltip');
  box.hidden = true;
  doc.body.append(box);
  let shown: Element | null = null;
  const show = (target: Element, x: number, y: number) => {
    shown = target;
    box.textContent = target.getAttribute('data-tip');
    box.hidden = false;
    const width = Math.min(320, doc.documentElement.clientWidth - 16);
    box.style.maxWidth = `${width}px`;
    const left = Math.max(8, Math.min(x + 12, doc.documentElement.clientWidth - box.offsetWidth - 8));
    box.style.left = `${left + window.scrollX}px`;
    box.style.top = `${y + 14 + window.scrollY}px`;
  };
  const hide = () => {
    shown = null;
    box.hidden = true;
  };
  const tipOf = (node: EventTarget | null) => (node instanceof Element ? node.closest('[data-tip]') : null);
  doc.addEventListener('pointerover', (event) => {
    if (event.pointerType !== 'mouse') return;
    const target = tipOf(event.target);
    if (target !== null) show(target, event.clientX, event.clientY);
    else if (shown !== null) hide();
  });
  doc.addEventListener('click', (event) => {
    const target = tipOf(event.target);
    if (target !== null) show(target, event.clientX, event.clientY);
    else hide();
  });
  doc.addEventListener('focusin', (event) => {
    const target = tipOf(event.target);
    if (target === null) return hide();
    const rect = target.getBoundingClientRect();
    show(target, rect.left + rect.width / 2, rect.bottom);
  });
  doc.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') hide();
  });
}
