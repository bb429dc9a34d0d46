/** A minimal GEXF reader for the tests: elements with decoded attributes, in document order. */
import { Parser } from 'htmlparser2';

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  parent?: XmlElement;
}

export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#root', attributes: {}, children: [] };
  let current = root;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const element: XmlElement = { name, attributes, children: [], parent: current };
        current.children.push(element);
        current = element;
      },
      onclosetag() {
        current = current.parent ?? root;
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  return root;
}

export function findAll(element: XmlElement, name: string, found: XmlElement[] = []): XmlElement[] {
  for (const child of element.children) {
    if (child.name === name) found.push(child);
    findAll(child, name, found);
  }
  return found;
}

/** attvalues of a <node>/<edge> keyed by the column title. */
export function attvaluesByTitle(element: XmlElement, titles: Map<string, string>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const value of findAll(element, 'attvalue')) {
    const title = titles.get(value.attributes.for ?? '');
    if (title) values[title] = value.attributes.value ?? '';
  }
  return values;
}

/** Column id → title for one attribute class. */
export function columnTitles(root: XmlElement, cls: 'node' | 'edge'): Map<string, string> {
  const titles = new Map<string, string>();
  for (const block of findAll(root, 'attributes')) {
    if (block.attributes.class !== cls) continue;
    for (const column of block.children) titles.set(column.attributes.id ?? '', column.attributes.title ?? '');
  }
  return titles;
}
