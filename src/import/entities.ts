/**
 * Responsible cells in prose ("OGP Azerbaijan Platform and interested NGOs with the
 * support of state bodies") into entity ids: split on commas and "and", "with the
 * support of" into support, "(hereinafter -CCC)" / "(AZACA)" as ids, and later
 * mentions resolved to the same entity: exact name, then alias or id, then a close
 * match (which is reported).
 */
import { distance } from 'fastest-levenshtein';
import { ENTITY_ID } from '../load/format.js';
import { squeeze } from './document.js';

export interface Entity {
  readonly id: string;
  readonly name: string;
  readonly aliases: string[];
}

export interface Resolved {
  readonly responsible: string[];
  readonly support: string[];
  /** Interpretations to report; `review` ones need the editor. */
  readonly notes: { readonly text: string; readonly review: boolean }[];
}

const SUPPORT = /\s*,?\s*\b(?:with|under) the (?:support|assistance|participation) of\s+/i;
const SHORT = /\s*\((?:hereinafter(?: referred to as)?\s*[-–—:]?\s*(?:the\s+)?)?["“”']?([A-Z][A-Za-z0-9-]{1,15})["“”']?\)\s*$/;
const STOP = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'with', 'to', 'a', 'an', 'by', 'other', 'as']);
const key = (name: string) => squeeze(name).toLowerCase();

/** "state- owned" is a line break the document kept, not two words. */
const clean = (text: string) => squeeze(text.replace(/(\p{L})- (\p{L})/gu, '$1-$2').replace(/^[,;.\s]+|[,;.\s]+$/g, ''));

function splitNames(text: string): string[] {
  return text
    .split(/\s*(?:,|;|\n|\band\b|&)\s*/i)
    .map(clean)
    .filter((n) => n !== '');
}

/** An id from the name: its acronym when it has two capitalised words or more, else its words. */
export function acronym(name: string): string {
  const words = name.split(/\s+/).filter((w) => w !== '' && !STOP.has(w.toLowerCase()));
  const capital = words.filter((w) => /^\p{Lu}/u.test(w));
  let id: string;
  if (capital.length >= 2) {
    const chunks: string[] = [];
    let initials = '';
    for (const w of capital) {
      const upper = (w.match(/\p{Lu}/gu) ?? []).length;
      if (upper >= 2 && upper >= w.replace(/[^\p{L}]/gu, '').length - 1) {
        if (initials) chunks.push(initials);
        initials = '';
        chunks.push(w.replace(/[^\p{L}\p{N}]/gu, ''));
      } else initials += w.charAt(0);
    }
    if (initials) chunks.push(initials);
    id = chunks.join('-');
  } else {
    // "interested NGOs": a word written in capitals names the entity by itself.
    const shouted = words.find((w) => (w.match(/\p{Lu}/gu) ?? []).length >= 2);
    id = shouted ?? words.slice(0, 3).join('-');
  }
  id = id
    .replace(/[əƏ]/g, 'E')
    .replace(/ı/g, 'I')
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9-]/g, '')
    .toUpperCase()
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return ENTITY_ID.test(id) ? id.slice(0, 40) : 'ENTITY';
}

export class Entities {
  readonly list: Entity[] = [];
  // Indexes, so that a document of thousands of rows costs no more than its rows.
  private readonly names = new Map<string, Entity>();
  private readonly others = new Map<string, Entity>();
  private readonly taken = new Set<string>();

  private add(e: Entity): void {
    this.list.push(e);
    this.names.set(key(e.name), e);
    for (const a of [e.id, ...e.aliases]) this.alias(e, a);
  }

  private alias(e: Entity, name: string): void {
    if (!this.others.has(key(name))) this.others.set(key(name), e);
    this.taken.add(name);
  }

  private byKey(name: string): Entity | undefined {
    return this.names.get(key(name));
  }

  private byAlias(name: string): Entity | undefined {
    return this.others.get(key(name));
  }

  private close(name: string): Entity | undefined {
    const k = key(name);
    let best: [Entity, number] | undefined;
    // Bounded: a document of thousands of distinct names must not cost their square.
    if (k.length > 200) return undefined;
    for (const e of this.list.slice(0, 300)) {
      const d = distance(k, key(e.name));
      if (d <= Math.max(1, Math.floor(k.length * 0.15)) && (!best || d < best[1])) best = [e, d];
    }
    return best?.[0];
  }

  private unique(id: string): string {
    if (!this.taken.has(id)) return id;
    for (let n = 2; ; n++) if (!this.taken.has(`${id}-${n}`)) return `${id}-${n}`;
  }

  /** One name: an entity known already, or a new one. */
  private one(raw: string, notes: Resolved['notes']): string {
    const short = SHORT.exec(raw);
    const name = short ? clean(raw.slice(0, short.index)) : raw;
    const found = this.byKey(name) ?? this.byAlias(name) ?? (short ? this.byAlias(short[1]!) : undefined);
    if (found) return found.id;
    const near = short || name.length < 6 ? undefined : this.close(name);
    if (near) {
      notes.push({ text: `"${name}" taken as ${near.id} ("${near.name}"), a close match`, review: true });
      // Not an alias yet: byAlias would have found it.
      near.aliases.push(name);
      this.alias(near, name);
      return near.id;
    }
    const wanted = short && ENTITY_ID.test(short[1]!) ? short[1]! : acronym(name);
    const id = this.unique(wanted);
    const aliases = short && short[1] !== id ? [short[1]!] : [];
    const display = name.charAt(0).toLocaleUpperCase() + name.slice(1);
    this.add({ id, name: display, aliases });
    notes.push({ text: `new entity ${id}: "${display}"${short ? ` (${short[1]} as written in the document)` : ' (id from its name)'}`, review: false });
    return id;
  }

  resolve(cell: string): Resolved {
    const notes: Resolved['notes'] = [];
    const [main = '', ...rest] = cell.split(SUPPORT);
    const ids = (text: string) => [...new Set(splitNames(text).map((n) => this.one(n, notes)))];
    return { responsible: ids(main), support: ids(rest.join(', ')), notes };
  }
}
