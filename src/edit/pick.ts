/** The roadmap a structure edit targets: `ID` when one roadmap is loaded (or one has it), else `ROADMAP-ID:ID`. */
import type { Roadmap } from '../model.js';
import { closest } from '../suggest.js';
import { inert } from '../text/inert.js';

export type Picked = { readonly ok: true; readonly roadmap: Roadmap; readonly id: string } | { readonly ok: false; readonly message: string };

/** `has` says which roadmaps `id` may mean (e.g. those with such a stage); all, when none has it. */
export function pickRoadmap(roadmaps: readonly Roadmap[], query: string, has: (r: Roadmap, id: string) => boolean = () => true): Picked {
  const colon = query.indexOf(':');
  const id = colon >= 0 ? query.slice(colon + 1) : query;
  if (colon >= 0) {
    const wanted = query.slice(0, colon);
    const roadmap = roadmaps.find((r) => r.id === wanted);
    if (roadmap) return { ok: true, roadmap, id };
    const [near] = closest(
      wanted,
      roadmaps.map((r) => r.id),
      1,
    );
    return { ok: false, message: `no roadmap '${inert(wanted)}'${near ? `; did you mean '${inert(near)}'?` : ''}` };
  }
  const [only] = roadmaps;
  if (only && roadmaps.length === 1) return { ok: true, roadmap: only, id };
  const having = roadmaps.filter((r) => has(r, id));
  if (having.length === 1) return { ok: true, roadmap: having[0]!, id };
  return { ok: false, message: `several roadmaps are loaded: name one as ROADMAP-ID:${inert(id)} (roadmaps: ${roadmaps.map((r) => inert(r.id)).join(', ')})` };
}
