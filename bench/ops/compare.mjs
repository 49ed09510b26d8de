// compare.mjs — bench/ops: styr's figures (styr ops kpi --json) beside
// DuckDB's (duck.mjs); prints them and exits 1 unless they are identical.
import { readFileSync } from 'node:fs';

const styr = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const duck = JSON.parse(readFileSync(process.argv[3], 'utf8')).figures;
let same = 0, differ = 0;
for(const m of Object.keys(duck)) {
	const f = styr.indicators.find((x) => x.measure === m && !x.argument);
	const a = f ? f.value : undefined, b = duck[m];
	const ok = a === b;
	ok ? same++ : differ++;
	console.log(`${ok ? '  ' : '≠ '}${m.padEnd(18)} styr ${String(a).padStart(10)}   duckdb ${String(b).padStart(10)}`);
}
console.log(`${same} figures identical, ${differ} differ`);
process.exit(differ ? 1 : 0);
