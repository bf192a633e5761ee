/*
 * Builds the add-in into dist/: functions.js and functions.json (the custom functions and their metadata,
 * generated from the JSDoc), functions-sv.json (the Swedish metadata), taskpane.js and taskpane.html (the one
 * page of the shared runtime, which loads every bundle), engine.js (the engine and decimal.js, once, for both),
 * runtime.js (webpack's module loader, shared by both), the help pages, the manifest and the icons.
 *
 * Every URL points at https://localhost:3000/ for development (`npm start`, `npm run build`);
 * `npm run package -- --url https://HOST/PATH/` builds with `--env baseUrl=…` for a real server (without
 * source maps, so that nothing in the package names the development server).
 */
/* global require, module, process, __dirname */

const fs = require("fs");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

// The add-in's own build steps are TypeScript (scripts/addin/), loaded through tsx.
require("tsx/cjs/api").register();
const { AddinFilesPlugin } = require("./scripts/addin/webpackPlugin.ts");
const { DEV_BASE_URL, productionBaseUrl } = require("./scripts/addin/baseUrl.ts");

const DEV_SERVER_PORT = Number(process.env.npm_package_config_dev_server_port || 3000);

/**
 * The certificate for https://localhost. scripts/start.js prepares one and names its files in
 * ADDIN_HTTPS_KEY / ADDIN_HTTPS_CERT (/ ADDIN_HTTPS_CA); otherwise, as under office-addin-debugging,
 * office-addin-dev-certs makes and trusts its own. Only asked for when serving: a build needs no certificate.
 */
async function httpsOptions() {
  const { ADDIN_HTTPS_KEY: key, ADDIN_HTTPS_CERT: cert, ADDIN_HTTPS_CA: ca } = process.env;
  if (key && cert) {
    return {
      key: fs.readFileSync(key),
      cert: fs.readFileSync(cert),
      ...(ca ? { ca: fs.readFileSync(ca) } : {}),
    };
  }
  const devCerts = require("office-addin-dev-certs");
  const options = await devCerts.getHttpsServerOptions();
  return { ca: options.ca, key: options.key, cert: options.cert };
}

module.exports = async (env) => {
  const serving = Boolean(env.WEBPACK_SERVE);
  const baseUrl = env.baseUrl ? productionBaseUrl(env.baseUrl) : DEV_BASE_URL;
  const production = baseUrl !== DEV_BASE_URL;
  return {
    devtool: production ? false : "source-map",
    entry: {
      taskpane: ["./src/taskpane/taskpane.ts", "./src/taskpane/taskpane.html"],
      // The fallback first, so that functions.js's CustomFunctions.associate calls have a target without office.js.
      functions: ["./src/functions/runtimeFallback.ts", "./src/functions/functions.ts"],
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".js", ".html"],
    },
    optimization: {
      // One runtime for both entries, so a module used by both (the engine, decimal.js) is loaded and run once;
      // such modules go to engine.js instead of into taskpane.js and functions.js each.
      runtimeChunk: "single",
      splitChunks: {
        cacheGroups: {
          default: false,
          defaultVendors: false,
          engine: { name: "engine", chunks: "all", minChunks: 2, minSize: 0, enforce: true },
        },
      },
    },
    performance: {
      // taskpane.js carries the engine, the workbook plan and the bundled data (about 280 KiB minified), loaded
      // once from the add-in's own server: warn only when it grows well beyond that.
      maxAssetSize: 512 * 1024,
      maxEntrypointSize: 512 * 1024,
    },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // Type-checked: a type error fails the build. Only the bundled files are checked, against the
            // browser's types (no node, no jest).
            options: { configFile: "tsconfig.build.json", onlyCompileBundledFiles: true },
          },
        },
        {
          test: /\.html$/,
          exclude: /node_modules/,
          use: "html-loader",
        },
        {
          // The stylesheet linked from taskpane.html keeps its name, so the page and dist/ always agree.
          test: /\.css$/,
          type: "asset/resource",
          generator: { filename: "[name][ext]" },
        },
        {
          // The bundled data (data/2010, data/demo) go into taskpane.js as text: the pane builds the workbook
          // without fetching anything.
          test: /\.csv$/,
          type: "asset/source",
        },
        {
          test: /\.(png|jpg|jpeg|gif|ico)$/,
          type: "asset/resource",
          generator: { filename: "assets/[name][ext][query]" },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["runtime", "engine", "taskpane", "functions"],
        chunksSortMode: "manual",
      }),
      new CopyWebpackPlugin({
        patterns: [{ from: "assets/*.png", to: "assets/[name][ext]" }],
      }),
      // functions-sv.json, the help pages and manifest.xml for the base URL.
      new AddinFilesPlugin({ baseUrl }),
    ],
    devServer: {
      headers: { "Access-Control-Allow-Origin": "*" },
      host: "localhost",
      port: DEV_SERVER_PORT,
      static: false,
      server: serving ? { type: "https", options: await httpsOptions() } : "https",
    },
  };
};
