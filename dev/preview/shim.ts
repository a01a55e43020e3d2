// The google.script.run stand-in injected into pages the preview serves: immutable runners posting JSON to /run/<name>.

/**
 * Browser code, kept as plain JavaScript text (not a function's toString) so no build helper leaks in.
 * Every call is timed (window.reconnectRuns) so bench/sidebar.ts can subtract the server's share.
 */
const SHIM = `
(function (names) {
  var runs = (window.reconnectRuns = []);
  function fail(state, error) {
    if (state.failure) state.failure(error, state.userObject);
    else if (!state.failureSet) console.error(error);
  }
  function copy(state, patch) {
    var next = {};
    for (var k in state) next[k] = state[k];
    for (var p in patch) next[p] = patch[p];
    return next;
  }
  function runner(state) {
    var r = {
      withSuccessHandler: function (fn) { return runner(copy(state, { success: fn })); },
      withFailureHandler: function (fn) { return runner(copy(state, { failure: fn, failureSet: true })); },
      withUserObject: function (obj) { return runner(copy(state, { userObject: obj })); },
    };
    names.forEach(function (name) {
      r[name] = function () {
        var args = Array.prototype.slice.call(arguments);
        var started = performance.now();
        var body;
        try {
          body = JSON.stringify({ args: args, dates: args.map(hasDate) });
        } catch (e) {
          setTimeout(function () { fail(state, e); }, 0);
          return;
        }
        // The page watches for a question the run may ask while it is under way.
        try { window.parent.postMessage({ type: 'reconnect:running', name: name }, '*'); } catch (e) {}
        fetch('/run/' + encodeURIComponent(name), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: body,
        })
          .then(function (response) { return response.json(); })
          .then(
            function (result) {
              runs.push({ name: name, start: started, end: performance.now(), serverMs: result.serverMs });
              try { window.parent.postMessage({ type: 'reconnect:ran', name: name }, '*'); } catch (e) {}
              if (result.ok) { if (state.success) state.success(result.value, state.userObject); }
              else fail(state, new Error(result.error));
            },
            function (error) {
              try { window.parent.postMessage({ type: 'reconnect:ran', name: name }, '*'); } catch (e) {}
              fail(state, error);
            }
          );
      };
    });
    return r;
  }
  // JSON would quietly turn a Date into a string; the real bridge refuses it, so the server must know.
  function hasDate(value) {
    if (value instanceof Date) return true;
    if (value && typeof value === 'object') {
      for (var k in value) if (hasDate(value[k])) return true;
    }
    return false;
  }
  function post(path) {
    fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }).then(function () {
      try { window.parent.postMessage({ type: 'reconnect:ran', name: path }, '*'); } catch (e) {}
    });
  }
  window.google = {
    script: {
      run: runner({}),
      host: {
        close: function () { post('/api/host/close?frame=' + encodeURIComponent(window.name || '')); },
        setHeight: function () {},
        setWidth: function () {},
        editor: { focus: function () {} },
        origin: location.origin,
      },
    },
  };
})(__NAMES__);
`;

/** The shim as a script tag for the given server function names. */
export function shimTag(functionNames: string[]): string {
  const names = JSON.stringify(functionNames).replace(/</g, '\\u003c');
  return `<script>${SHIM.replace('__NAMES__', () => names)}</script>`;
}

/** The page with the shim placed before any of its own scripts can run. */
export function injectShim(html: string, functionNames: string[]): string {
  const tag = shimTag(functionNames);
  const head = /<head[^>]*>/i.exec(html);
  if (head)
    return (
      html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length)
    );
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  if (doctype) return doctype[0] + tag + html.slice(doctype[0].length);
  return tag + html;
}
