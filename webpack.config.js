/*
 * Builds the add-in into dist/: functions.js and functions.json (the custom functions and their metadata,
 * generated from the JSDoc), taskpane.js and taskpane.html (the one page of the shared runtime, which loads
 * both bundles), the manifest and the icons. `webpack serve` serves the same over https on localhost:3000.
 */
/* global require, module, process, __dirname */

const fs = require("fs");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

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
  return {
    devtool: "source-map",
    entry: {
      taskpane: ["./src/taskpane/taskpane.ts", "./src/taskpane/taskpane.html"],
      functions: "./src/functions/functions.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".js", ".html"],
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
        chunks: ["taskpane", "functions"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml" },
          // The functions' @helpurl and the manifest's SupportUrl point at the README on the same server.
          { from: "README.md", to: "README.md", noErrorOnMissing: true },
        ],
      }),
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
