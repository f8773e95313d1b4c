/**
 * Tooltips for every chart, prerendered or redrawn, by mouse, touch and keyboard (issue #20
 * item 14). The marks already carry their text as SVG <title> (value, CI, n, period, outcome),
 * written by the chart modules; this action turns it into a visible tip:
 * - pointer (mouse or touch): the mark under the pointer or finger shows its tip;
 * - keyboard: the chart is one tab stop; arrow keys step through its marks, Home/End jump,
 *   Escape hides. The tip is also announced through a polite live region.
 * Working from the drawn SVG (not from Plot's pointer interaction) means the prerendered charts
 * get tips without loading Plot, and a redraw needs no re-wiring: marks are looked up per event.
 * The <title> elements are moved to data-tip, so the browser's own delayed tooltip does not
 * double the visible one; the chart's text alternative is its aria-label, not these titles.
 *
 * `node` wraps the chart's role="img" element, which becomes the tab stop; the tip and the live
 * region sit beside it, since the children of an image are not read.
 */
let seq = 0;

export function chartTips(node: HTMLElement, opts: { hint: string }) {
	let index = -1;
	const image = node.querySelector<HTMLElement>('[role="img"]') ?? node;
	const tip = document.createElement('div');
	tip.className = 'chart-tip';
	tip.hidden = true;
	tip.setAttribute('aria-hidden', 'true');
	const live = document.createElement('p');
	live.className = 'visually-hidden';
	live.setAttribute('aria-live', 'polite');
	const hint = document.createElement('span');
	hint.className = 'visually-hidden';
	hint.id = `chart-tip-hint-${++seq}`;
	hint.textContent = opts.hint;
	node.append(tip, live, hint);
	image.tabIndex = 0;
	image.setAttribute('aria-describedby', hint.id);
	image.setAttribute('aria-keyshortcuts', 'ArrowLeft ArrowRight Home End Escape');

	function marks(): SVGGraphicsElement[] {
		const found = [...node.querySelectorAll<SVGGraphicsElement>('svg [data-value]')];
		for (const el of found) {
			const title = el.querySelector(':scope > title');
			if (title) {
				el.dataset.tip = title.textContent ?? '';
				title.remove();
			}
		}
		return found.filter((el) => el.dataset.tip);
	}

	function show(el: SVGGraphicsElement, announce: boolean) {
		const text = el.dataset.tip ?? '';
		tip.textContent = text;
		tip.hidden = false;
		const box = node.getBoundingClientRect();
		const at = el.getBoundingClientRect();
		// Centre above the mark, kept inside the chart's box.
		const x = at.left + at.width / 2 - box.left;
		const y = at.top - box.top;
		tip.style.left = `${Math.max(4, Math.min(x, box.width - 4))}px`;
		tip.style.top = `${Math.max(0, y)}px`;
		tip.dataset.align = x < box.width * 0.25 ? 'start' : x > box.width * 0.75 ? 'end' : 'middle';
		for (const m of node.querySelectorAll('[data-tip-active]')) m.removeAttribute('data-tip-active');
		el.setAttribute('data-tip-active', '');
		if (announce) live.textContent = text;
	}

	function hide() {
		tip.hidden = true;
		for (const m of node.querySelectorAll('[data-tip-active]')) m.removeAttribute('data-tip-active');
	}

	function markAt(target: EventTarget | null): SVGGraphicsElement | null {
		const el = target instanceof Element ? target.closest<SVGGraphicsElement>('[data-value]') : null;
		return el && node.contains(el) ? el : null;
	}

	const onPointer = (e: PointerEvent) => {
		const all = marks();
		const el = markAt(e.target);
		if (el) {
			index = all.indexOf(el);
			show(el, false);
		} else if (e.type === 'pointerdown') hide();
	};
	const onLeave = (e: PointerEvent) => {
		if (e.pointerType === 'mouse') hide();
	};
	const onKey = (e: KeyboardEvent) => {
		const all = marks();
		if (!all.length) return;
		const step: Record<string, number | 'first' | 'last'> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1, Home: 'first', End: 'last' };
		if (e.key === 'Escape') return hide();
		const move = step[e.key];
		if (move === undefined) return;
		e.preventDefault();
		index = move === 'first' ? 0 : move === 'last' ? all.length - 1 : index < 0 ? (move > 0 ? 0 : all.length - 1) : (index + move + all.length) % all.length;
		show(all[index], true);
	};

	node.addEventListener('pointerover', onPointer);
	node.addEventListener('pointerdown', onPointer);
	node.addEventListener('pointerleave', onLeave);
	image.addEventListener('keydown', onKey);
	image.addEventListener('blur', hide);
	return {
		update(next: { hint: string }) {
			hint.textContent = next.hint;
		},
		destroy() {
			node.removeEventListener('pointerover', onPointer);
			node.removeEventListener('pointerdown', onPointer);
			node.removeEventListener('pointerleave', onLeave);
			image.removeEventListener('keydown', onKey);
			image.removeEventListener('blur', hide);
			tip.remove();
			live.remove();
			hint.remove();
		}
	};
}
