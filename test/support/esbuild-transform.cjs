// Jest transform: TypeScript to CommonJS with esbuild (fast; `npm run check` does the type-checking).
const esbuild = require('esbuild');

module.exports = {
  process(source, filename) {
    const result = esbuild.transformSync(source, {
      loader: 'ts',
      format: 'cjs',
      target: 'node20',
      sourcemap: 'inline',
      sourcefile: filename,
    });
    return { code: result.code };
  },
  getCacheKey(source, filename) {
    return require('crypto')
      .createHash('sha1')
      .update(source)
      .update(filename)
      .update('v1')
      .digest('hex');
  },
};
