/**
 * The command line as one file, dist/scorecheck.js, which bin/scorecheck.js
 * loads: one file to read and compile instead of ~100 modules resolved one
 * by one (bench/RESULTS.md, cli_one_file_vs_node). The marked-copy writer is
 * in the same file but evaluated only with --annotate (a webpackMode
 * "eager" import in src/cli/main.ts).
 *
 *   npm run build:cli   (also runs tsc -p tsconfig.cli.json for dist/cli, which
 *                        test/browser/run.js loads module by module)
 */
const path = require('path');

module.exports = {
  name: 'cli',
  mode: 'production',
  target: 'node20',
  entry: './src/cli/main.ts',
  output: {
    path: path.resolve(__dirname, 'dist'),
    filename: 'scorecheck.js',
    library: { type: 'commonjs2' },
  },
  // package.json is found from the bundle's real folder (src/cli/main.ts packageVersion).
  node: { __dirname: false },
  resolve: { extensions: ['.ts', '.js'] },
  module: {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        use: {
          loader: 'ts-loader',
          options: { configFile: 'tsconfig.cli.json', transpileOnly: true, compilerOptions: { module: 'ES2020' } },
        },
      },
    ],
  },
  // Stack traces that name our functions; minifying saves little parse time for a local tool.
  optimization: { minimize: false },
  performance: { hints: false },
  devtool: false,
};
