import * as inspector from 'inspector';
import * as path from 'path';
import { fileURLToPath } from 'url';

interface ProfileNode {
  id: number;
  callFrame: { url: string; functionName: string };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function post<T>(session: inspector.Session, method: string, params: object = {}): Promise<T> {
  return new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result as T))));
}

/** Where a piece of code is, for the table: a source file of the linter, or what the runtime does for it. */
function placeOf(node: ProfileNode, sources: string): string {
  const { url, functionName } = node.callFrame;
  if (functionName === '(garbage collector)') return 'collecting garbage';
  if (functionName.startsWith('RegExp: ')) return 'regular expressions (compiled)';
  const file = url.startsWith('file:') ? fileURLToPath(url) : url;
  if (file.startsWith(sources + path.sep)) return path.relative(sources, file).replace(/\.js$/, '.ts');
  if (['open', 'read', 'close', 'fstat'].includes(functionName)) return 'Node: reading the files';
  if (file.startsWith('node:')) return "Node's own modules";
  return 'other';
}

/**
 * Runs `work` under V8's sampling profiler and shares its time out by where it was spent (self time), most first:
 * the parts a faster analysis would have to change.
 */
export async function timeByFile(work: () => void, sources: string): Promise<{ place: string; share: number }[]> {
  const session = new inspector.Session();
  session.connect();
  try {
    await post(session, 'Profiler.enable');
    await post(session, 'Profiler.setSamplingInterval', { interval: 100 });
    await post(session, 'Profiler.start');
    work();
    const { profile } = await post<{ profile: Profile }>(session, 'Profiler.stop');
    const places = new Map<number, string>(profile.nodes.map((node) => [node.id, placeOf(node, sources)]));
    const time = new Map<string, number>();
    let total = 0;
    profile.samples.forEach((id, index) => {
      const place = places.get(id) ?? 'other';
      if (place === 'other') return;
      const delta = profile.timeDeltas[index] ?? 0;
      time.set(place, (time.get(place) ?? 0) + delta);
      total += delta;
    });
    return [...time].map(([place, spent]) => ({ place, share: spent / total })).sort((a, b) => b.share - a.share);
  } finally {
    session.disconnect();
  }
}
