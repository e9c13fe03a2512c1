import type { Plugin } from "esbuild";
import { defineConfig } from "tsup";

/**
 * commander requires node:child_process when it loads, for the executable
 * subcommands sysdiag never uses; loading it (with the streams and node:net) is
 * 2 ms of every `--help` and usage error. It gets a stand-in that requires the
 * real module only if a property of it is ever read.
 */
const lazyChildProcess: Plugin = {
  name: "lazy-child-process",
  setup(build) {
    build.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]commander[\\/]/.test(args.importer)
        ? { path: "child_process", namespace: "lazy-builtin" }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "lazy-builtin" }, (args) => ({
      contents: `module.exports = new Proxy({}, { get: (_, key) => require("node:${args.path}")[key] });`,
      loader: "js",
    }));
  },
};

export default defineConfig({
  entry: { cli: "src/cli/main.ts" },
  // CommonJS: Node starts a CommonJS entry about 7 ms sooner than an ES module
  // one (no ES module loader to set up), a third of what `sysdiag --version` may take.
  format: ["cjs"],
  target: "node20",
  platform: "node",
  outDir: "dist",
  clean: true,
  // Everything is bundled: resolving a module in node_modules costs more than
  // parsing it, and the package then installs with no dependencies at all.
  noExternal: [/.*/],
  // One file, not chunks. esbuild still keeps each dynamically imported module
  // behind a function run on first use, so a command runs only the code it needs;
  // one file is one read, compiled with the code cache for its kind of command line
  // (bin/sysdiag.cjs), where 40 chunks cost a module resolution each. tsup's CommonJS splitting also rewrites
  // every `?.` and `??` into helper calls (sucrase), 15% of a lint.
  splitting: false,
  // No import.meta.url shim (a URL made at every start-up): the code asks for
  // __filename, which Node gives a CommonJS module, and uses import.meta only when
  // run from source, where it is an ES module.
  shims: false,
  minify: true,
  // For bug reports: an internal error's stack names src/ files and lines through it
  // (src/cli/stack.ts); scripts/code-cache.cjs keeps only what a stack needs.
  sourcemap: true,
  dts: false,
  // import() of a Node module (node:child_process, when a command needs it) becomes
  // require(): bin/sysdiag.cjs compiles the bundle with vm.Script, where an import()
  // has no loader to go to.
  esbuildOptions(options) {
    options.supported = { ...options.supported, "dynamic-import": false };
    options.logOverride = { ...options.logOverride, "empty-import-meta": "silent" };
    // The map names the source files; their text is in the repository, not the package.
    options.sourcesContent = false;
  },
  // Built-ins keep their `node:` prefix, so that the plugin below sees them.
  removeNodeProtocol: false,
  esbuildPlugins: [lazyChildProcess],
  onSuccess: "node scripts/code-cache.cjs",
});
