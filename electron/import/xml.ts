import { SaxesParser } from 'saxes';
import type { Result } from '../../shared/result';
import { err, ok } from '../../shared/result';

/**
 * The XML of an .xlsx part, as events (saxes: a strict, streaming, non-validating parser). No DTD
 * is processed, so no entity can expand ("billion laughs" has nothing to work with) and nothing
 * outside the file is ever fetched. Element names are given without their namespace prefix:
 * some generators write `<x:row>` where Excel writes `<row>`.
 */
export interface XmlHandlers {
  open(name: string, attributes: Readonly<Record<string, string>>): void;
  close?(name: string): void;
  text?(text: string): void;
}

export interface XmlReader {
  /** more of the document; an error (not well-formed) answers 'unreadable' */
  write(chunk: Buffer | string): Result<void, 'unreadable'>;
  /** the end of the document: it must be complete */
  end(): Result<void, 'unreadable'>;
}

const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

export function xmlReader(handlers: XmlHandlers): XmlReader {
  const parser = new SaxesParser<{ xmlns: false; position: false }>({
    xmlns: false,
    position: false,
  });
  parser.on('opentag', (tag) => handlers.open(localName(tag.name), tag.attributes));
  const { close, text } = handlers;
  if (close) parser.on('closetag', (tag) => close(localName(tag.name)));
  if (text) {
    parser.on('text', text);
    parser.on('cdata', text);
  }
  // An .xlsx part is UTF-8 (ECMA-376 Part 2, 8.1.4 allows UTF-16 too; Excel never writes it).
  const utf8 = new TextDecoder('utf-8');
  const attempt = (work: () => void): Result<void, 'unreadable'> => {
    try {
      work();
      return ok(undefined);
    } catch {
      return err('unreadable');
    }
  };
  return {
    write: (chunk) =>
      attempt(() => {
        parser.write(typeof chunk === 'string' ? chunk : utf8.decode(chunk, { stream: true }));
      }),
    end: () =>
      attempt(() => {
        const rest = utf8.decode();
        if (rest !== '') parser.write(rest);
        parser.close();
      }),
  };
}

/** Unzips a part piece by piece (./zip.ts unzipEntryInChunks); false from `onChunk` stops it. */
export type ChunkFeed<E> = (onChunk: (chunk: Buffer) => boolean) => Promise<Result<void, E>>;

/**
 * A part's XML as it is unzipped. `stopped` says the handlers have read enough (or refused what
 * they read): nothing more is unzipped, and what the rest of the last chunk holds, even
 * malformed, does not matter.
 */
export async function readXmlChunks<E>(
  feed: ChunkFeed<E>,
  handlers: XmlHandlers,
  stopped: () => boolean = () => false,
): Promise<Result<void, E | 'unreadable'>> {
  const reader = xmlReader(handlers);
  let unreadable = false;
  const fed = await feed((chunk) => {
    if (!reader.write(chunk).ok && !stopped()) unreadable = true;
    return !unreadable && !stopped();
  });
  if (!fed.ok) return fed;
  if (unreadable) return err('unreadable');
  return stopped() ? ok(undefined) : reader.end();
}
