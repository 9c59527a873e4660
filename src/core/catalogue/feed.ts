/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom feeds read with fast-xml-parser into one item shape.
 * A feed item is either a whole CFP (its content) or a link to a CFP page.
 */
import { XMLParser } from 'fast-xml-parser';
import { createError } from '../errors.js';

export interface FeedItem {
  title?: string;
  /** The item's page (RSS `link`, Atom `link rel=alternate`). */
  link?: string;
  /** guid / Atom id, else the link. */
  id?: string;
  /** HTML or text body: `content:encoded` / Atom `content`, else description / summary. */
  content?: string;
  published?: string;
}

export interface ParsedFeed {
  title?: string;
  items: FeedItem[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  // Feeds carry HTML escaped inside elements; leave tags inside CDATA and text alone.
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => ['item', 'entry', 'link'].includes(name),
  trimValues: true,
});

type Node = Record<string, unknown>;

function text(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string' || typeof v === 'number') return String(v).trim() || undefined;
  if (Array.isArray(v)) return text(v[0]);
  if (typeof v === 'object') return text((v as Node)['#text']);
  return undefined;
}

function atomLink(v: unknown): string | undefined {
  const links = (Array.isArray(v) ? v : [v]).filter((l): l is Node => typeof l === 'object' && l !== null);
  const alt = links.find((l) => (l['@_rel'] ?? 'alternate') === 'alternate') ?? links[0];
  return typeof alt?.['@_href'] === 'string' ? alt['@_href'] : undefined;
}

function absolute(link: string | undefined, base: string): string | undefined {
  if (!link) return undefined;
  try {
    return new URL(link, base).href;
  } catch {
    return undefined;
  }
}

/**
 * Parse a feed. Throws BAD_INPUT when the document is not RSS or Atom.
 *
 * @example
 * parseFeed(xml, 'https://example.org/feed.xml').items[0] // { title, link, id, content, published }
 */
export function parseFeed(xml: string, baseUrl: string): ParsedFeed {
  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch (err) {
    throw createError('BAD_INPUT', `${baseUrl}: not a readable XML feed (${(err as Error).message.split('\n')[0]})`, { cause: err });
  }
  const rss = doc.rss as Node | undefined;
  const rdf = doc['rdf:RDF'] as Node | undefined;
  const atom = doc.feed as Node | undefined;
  if (rss || rdf) {
    const channel = ((rss?.channel ?? rdf?.channel) as Node | undefined) ?? {};
    const items = ((rss ? channel.item : rdf?.item) as Node[] | undefined) ?? [];
    return {
      title: text(channel.title),
      items: items.map((i) => {
        const link = absolute(text(i.link), baseUrl);
        const guid = text(i.guid);
        return {
          title: text(i.title),
          link,
          id: guid ?? link,
          content: text(i['content:encoded']) ?? text(i.description),
          published: text(i.pubDate) ?? text(i['dc:date']),
        };
      }),
    };
  }
  if (atom) {
    const entries = (atom.entry as Node[] | undefined) ?? [];
    return {
      title: text(atom.title),
      items: entries.map((e) => {
        const link = absolute(atomLink(e.link), baseUrl);
        return { title: text(e.title), link, id: text(e.id) ?? link, content: text(e.content) ?? text(e.summary), published: text(e.published) ?? text(e.updated) };
      }),
    };
  }
  throw createError('BAD_INPUT', `${baseUrl}: not an RSS or Atom feed`);
}
