#!/usr/bin/env node
// CommonJS (bin/package.json): no ES module loader to start before the code-cached bundle runs
require("../dist/launch.cjs").launch(process.argv, require("../package.json").version);
