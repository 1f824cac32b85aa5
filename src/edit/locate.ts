/** Finding an activity (and one of its windows) in the positioned tree of a roadmap file. */
import type { PMap, PNode } from '../load/yaml.js';
import { pairOf, refused, type Refused } from './source.js';

function mapItems(node: PNode | undefined): PMap[] {
  return node?.kind === 'seq' ? node.items.filter((n): n is PMap => n.kind === 'map') : [];
}

/** The mapping of activity `id` (ids are unique in a valid roadmap). */
export function activityNode(root: PNode, id: string): PMap | Refused {
  if (root.kind === 'map') {
    for (const stage of mapItems(pairOf(root, 'stages')?.value)) {
      for (const activity of mapItems(pairOf(stage, 'activities')?.value)) {
        const v = pairOf(activity, 'id')?.value;
        if (v?.kind === 'scalar' && v.value === id) return activity;
      }
    }
  }
  return refused(`activity ${id} is not in the file`);
}

/** Item `index` (0-based) of the activity's `windows:` list: a mapping, or a window written as a string. */
export function windowNode(activity: PMap, index: number): PNode | Refused {
  const list = pairOf(activity, 'windows')?.value;
  const item = list?.kind === 'seq' ? list.items[index] : undefined;
  if (!item) return refused(`the activity has no window ${index + 1}`);
  // Written elsewhere and reached through a YAML alias: an edit there would change every user of the anchor.
  if (item.start < activity.start || item.end > activity.end) {
    return refused('this window is written through a YAML alias (*name), shared with other activities; edit the file by hand');
  }
  return item;
}
