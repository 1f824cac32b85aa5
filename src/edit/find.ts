/** An activity named on the command line (`1.1` or `ROADMAP-ID:1.1`) among the loaded roadmaps. */
import type { Activity, Roadmap } from '../model.js';
import { inert } from '../text/inert.js';
import { closest } from '../suggest.js';

export interface Found {
  readonly roadmap: Roadmap;
  readonly activity: Activity;
}

const activitiesOf = (r: Roadmap) => r.stages.flatMap((s) => s.activities);
const quoteAll = (names: readonly string[]) => names.map((n) => `'${inert(n)}'`).join(', ');

export type FindResult = ({ readonly ok: true } & Found) | { readonly ok: false; readonly message: string };

const fail = (message: string): FindResult => ({ ok: false, message });

export function findActivity(roadmaps: readonly Roadmap[], query: string): FindResult {
  const colon = query.indexOf(':');
  const roadmapId = colon >= 0 ? query.slice(0, colon) : null;
  const id = colon >= 0 ? query.slice(colon + 1) : query;
  let within = roadmaps;
  if (roadmapId !== null) {
    within = roadmaps.filter((r) => r.id === roadmapId);
    if (within.length === 0) {
      const near = closest(
        roadmapId,
        roadmaps.map((r) => r.id),
      );
      return fail(`no roadmap '${inert(roadmapId)}'${near.length ? `; did you mean ${quoteAll(near)}?` : ''} (roadmaps: ${quoteAll(roadmaps.map((r) => r.id))})`);
    }
  }
  const matches = within.flatMap((roadmap) =>
    activitiesOf(roadmap)
      .filter((a) => a.id === id)
      .map((activity) => ({ roadmap, activity })),
  );
  const [only] = matches;
  if (only && matches.length === 1) return { ok: true, ...only };
  if (matches.length > 1) {
    const names = matches.map((m) => `${m.roadmap.id}:${m.activity.id}`);
    return fail(`activity '${inert(id)}' is in several roadmaps: ${quoteAll(names)}; name one as ROADMAP-ID:ACTIVITY-ID`);
  }
  const stage = within.flatMap((r) => r.stages).find((s) => s.id === id);
  if (stage) return fail(`'${inert(id)}' is a stage; edits apply to activities (its activities: ${stage.activities.map((a) => inert(a.id)).join(', ')})`);
  const qualify = within.length > 1;
  const near = closest(id, new Set(within.flatMap((r) => activitiesOf(r).map((a) => a.id)))).flatMap((n) =>
    qualify ? within.filter((r) => activitiesOf(r).some((a) => a.id === n)).map((r) => `${r.id}:${n}`) : [n],
  );
  const where = within.length === 1 ? ` in roadmap ${inert(within[0]!.id)}` : '';
  return fail(`no activity '${inert(id)}'${where}${near.length ? `; did you mean ${quoteAll(near)}?` : ''}`);
}
