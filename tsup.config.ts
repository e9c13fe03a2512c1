import { defineConfig } from "tsup";

export default defineConfig({
  entry: { cli: "src/cli.ts" },
  format: ["esm"],
  target: "node20",
  platform: "node",
  outDir: "dist",
  clean: true,
  // Dependencies stay external: a clone installs them anyway, and
  // lazily imported ones must not be pulled into the startup path.
  splitting: true,
  sourcemap: false,
  dts: false,
});
