// The call list's first page: one call, or, on a large sheet with nothing cached, its slices read side by side first (google.script.run runs up to 10 calls at once).
import type { CallList, CallListQuery } from '../../src/shared/api';
import type { Api } from '../api';

/**
 * The page for `query`. When the server asks for slices, every slice is read at once and the list
 * asked for after the last one; a slice that fails only means the server reads the sheet whole.
 * `progress` gets a line to show while the slices are read.
 */
export function fetchCallList(
  api: Api,
  query: CallListQuery,
  progress: (text: string) => void,
): Promise<CallList> {
  if (!api.has('startCallList') || !api.has('warmCallList')) return api.call('getCallList', query);
  return api.call('startCallList', query).then((start) => {
    if ('list' in start) return start.list;
    const { slices, rows } = start;
    let done = 0;
    const say = () =>
      progress(
        `Reading ${rows.toLocaleString('en-US')} clients in ${slices} parts side by side: ${done} done…`,
      );
    say();
    const parts = Array.from({ length: slices }, (_, slice) =>
      api.call('warmCallList', { slice, slices }).then(
        () => {
          done += 1;
          say();
        },
        () => undefined,
      ),
    );
    return Promise.all(parts).then(() => api.call('getCallList', { ...query, slices }));
  });
}
