type Child = Node | string | null | undefined | false;

interface ElementProps {
  className?: string;
  /** Set as textContent: server text never goes through an HTML parser. */
  text?: string;
  attrs?: Record<string, string | number | boolean | undefined>;
  on?: { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };
}

/** Builds an HTML element without innerHTML (safe for server text, fine under Trusted Types). */
export function createElement<K extends keyof HTMLElementTagNameMap>(tag: K, props: ElementProps = {},
  children: Child[] = []): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  applyProps(element, props);
  for (const child of children) if (child) element.append(child);
  return element;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Builds an SVG element (charts and icons) with attributes only, never markup strings. */
export function createSvgElement(tag: string, attrs: Record<string, string | number> = {}, children: Child[] = []): SVGElement {
  const element = document.createElementNS(SVG_NS, tag) as SVGElement;
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, String(value));
  for (const child of children) if (child) element.append(child);
  return element;
}

function applyProps(element: HTMLElement, props: ElementProps): void {
  if (props.className) element.className = props.className;
  if (props.text !== undefined) element.textContent = props.text;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const [name, listener] of Object.entries(props.on ?? {})) {
    element.addEventListener(name, listener as EventListener);
  }
}
