/** `npm run bench`: runs every benchmark in one process and prints figures and ratios measured in this run. */
import { runStoreBench } from './store-bench.js';
import { runPodStartupBench } from './pod-startup-bench.js';

const started = Date.now();
await runStoreBench();
await runPodStartupBench();
console.log(`\nbench finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(0);
