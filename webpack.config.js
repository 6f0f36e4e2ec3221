// Builds the task pane (dist/). The production URL of the add-in comes from ADDIN_URL at build time
// and is written into the copied manifest; the dev server serves https://localhost:3000.
const fs = require('fs');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { addinUrl, rewriteManifest } = require('./scripts/manifest-url');

module.exports = (env, argv) => {
  const production = argv.mode === 'production';
  const url = addinUrl(process.env.ADDIN_URL);
  return {
    mode: production ? 'production' : 'development',
    devtool: production ? 'source-map' : 'eval-source-map',
    entry: { taskpane: './src/taskpane/index.tsx' },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      clean: true,
    },
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'esnext', sourceMap: true } } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => rewriteManifest(content, url),
          },
        ],
      }),
    ],
    devServer: {
      // A certificate desktop Excel trusts where scripts/start.js found one (office-addin-dev-certs);
      // otherwise webpack-dev-server's own self-signed one.
      server: process.env.FINSAM_HTTPS_CERT
        ? {
            type: 'https',
            options: {
              cert: fs.readFileSync(process.env.FINSAM_HTTPS_CERT),
              key: fs.readFileSync(/** @type {string} */ (process.env.FINSAM_HTTPS_KEY)),
              ca: process.env.FINSAM_HTTPS_CA ? fs.readFileSync(process.env.FINSAM_HTTPS_CA) : undefined,
            },
          }
        : 'https',
      host: 'localhost',
      port: Number(process.env.PORT || 3000),
      headers: { 'Access-Control-Allow-Origin': '*' },
      client: { overlay: false },
      open: false,
      hot: false,
    },
  };
};
