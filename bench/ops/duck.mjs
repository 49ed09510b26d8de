// duck.mjs — bench/ops: the ticket indicators of docs/ops-indicators.md
// computed by DuckDB from the same CSV files styr imports, written
// independently of styr's C: the Swedish calendar, summer time and the
// business-hours clock are built here in JavaScript, the replay of each
// ticket is SQL with window functions.
//
//   node duck.mjs DIR FROM TO THREADS  ->  JSON {measure: value} on stdout
import { DuckDBInstance } from '@duckdb/node-api';

const [dir, fromS, toS, threads] = process.argv.slice(2);
const DAY = 86400;

// ---- calendar --------------------------------------------------------
const dayNo = (y, m, d) => Math.floor(Date.UTC(y, m - 1, d) / 1000 / DAY);
const ymd = (n) => { const t = new Date(n * DAY * 1000); return [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()]; };
const weekday = (n) => ((new Date(n * DAY * 1000).getUTCDay() + 6) % 7) + 1; // 1 Monday
function easter(y) { // anonymous Gregorian algorithm
	const a = y % 19, b = Math.floor(y / 100), c = y % 100, d = Math.floor(b / 4), e = b % 4;
	const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3);
	const h = (19 * a + b - d - g + 15) % 30, i = Math.floor(c / 4), k = c % 4;
	const l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
	const month = Math.floor((h + l - 7 * m + 114) / 31), day = ((h + l - 7 * m + 114) % 31) + 1;
	return dayNo(y, month, day);
}
const lastSunday = (y, m) => { let n = dayNo(y, m + 1, 1) - 1; while(weekday(n) !== 7) n--; return n; };
function closedDays(y) { // holidays and eves that can fall on a weekday
	const e = easter(y), s = new Set([dayNo(y, 1, 1), dayNo(y, 1, 6), e - 2, e + 1, e + 39,
		dayNo(y, 5, 1), dayNo(y, 6, 6), dayNo(y, 12, 24), dayNo(y, 12, 25), dayNo(y, 12, 26),
		dayNo(y, 12, 31)]);
	for(let d = 19; d <= 25; d++) if(weekday(dayNo(y, 6, d)) === 5) s.add(dayNo(y, 6, d)); // midsommarafton
	return s;
}
// summer time: last Sunday of March 01:00 UTC to last Sunday of October 01:00 UTC
const summer = (y) => [lastSunday(y, 3) * DAY + 3600, lastSunday(y, 10) * DAY + 3600];
const utcOf = (loc) => { const [a, b] = summer(ymd(Math.floor(loc / DAY))[0]); const s = loc - 7200; return s >= a && s < b ? s : loc - 3600; };

const [fy, fm, fd] = fromS.split('-').map(Number), [ty, tm, td] = toS.split('-').map(Number);
const d0 = dayNo(fy - 1, 12, 1), d1 = dayNo(ty + 1, 6, 30);
const closed = new Map();
const isWorking = (n) => { const y = ymd(n)[0]; if(!closed.has(y)) closed.set(y, closedDays(y)); return weekday(n) <= 5 && !closed.get(y).has(n); };
const rows = [];
let cum = 0;
const cumOf = new Map();
for(let n = d0; n <= d1; n++) {
	let op = 0, cl = 0;
	if(isWorking(n)) { op = utcOf(n * DAY + 8 * 3600); cl = utcOf(n * DAY + 17 * 3600); }
	cumOf.set(n, cum);
	// the order deadline: the end of the second working day after n
	let w = n, k = 0;
	while(k < 2) { w++; if(isWorking(w)) k++; }
	rows.push(`(${n}, ${cum}, ${op}, ${cl}, ${utcOf((w + 1) * DAY)})`);
	cum += cl - op;
}
const from = utcOf(dayNo(fy, fm, fd) * DAY), cutDay = dayNo(ty, tm, td) + 1, cut = utcOf(cutDay * DAY);
const bcut = cumOf.get(cutDay);
const [cy, cm, cd] = ymd(cutDay);
const pm = cm === 1 ? [cy - 1, 12] : [cy, cm - 1];
const dim = new Date(Date.UTC(pm[0], pm[1], 0)).getUTCDate();
const monthAgo = utcOf(dayNo(pm[0], pm[1], Math.min(cd, dim)) * DAY);
const years = [];
for(let y = fy - 1; y <= ty + 1; y++) years.push(summer(y));
const utcSql = (loc) => `${loc} - CASE WHEN ${years.map(([a, b]) => `(${loc} - 7200 >= ${a} AND ${loc} - 7200 < ${b})`).join(' OR ')} THEN 7200 ELSE 3600 END`;
const btSql = (utc, d) => `${d}.cum + CASE WHEN ${d}.cl > ${d}.op THEN greatest(0, least(${utc}, ${d}.cl) - ${d}.op) ELSE 0 END`;

// ---- SQL -------------------------------------------------------------
// a database file and a memory limit, as styr has: it spills to disk rather
// than take the machine's memory
const inst = await DuckDBInstance.create(`${dir}/duck.duckdb`, {
	threads: String(threads || 2), memory_limit: process.env.OPS_BENCH_DUCKDB_MEMORY || '4GB',
	temp_directory: `${dir}/duck.tmp`,
});
const con = await inst.connect();
const q = async (sql) => (await con.runAndReadAll(sql)).getRowObjectsJson();
const DONE = "('resolved', 'closed', 'cancelled')", OPEN = "('new', 'active', 'paused')";
const RANK = (x) => `CASE ${x} WHEN 'critical' THEN 1 WHEN 'high' THEN 2 WHEN 'normal' THEN 3 WHEN 'low' THEN 4 END`;

await con.run(`CREATE TABLE days(d BIGINT, cum BIGINT, op BIGINT, cl BIGINT, deadline BIGINT)`);
await con.run(`INSERT INTO days VALUES ${rows.join(',')}`);
// tickets and events with their instant (UTC) and business clock reading
await con.run(`CREATE TABLE tk AS
	SELECT t.id AS ticket, t.type, ${RANK('t.priority')} AS prio, t.grp, t.c,
	       ${btSql('t.c', 'd')} AS bc, d.deadline
	FROM (SELECT id, type, priority, "group" AS grp, loc, ${utcSql('loc')} AS c
	      FROM (SELECT *, epoch(created)::BIGINT AS loc
	            FROM read_csv('${dir}/tickets.csv', header = true, delim = ',',
	                 columns = {'id': 'VARCHAR', 'type': 'VARCHAR', 'priority': 'VARCHAR',
	                            'created': 'TIMESTAMP', 'group': 'VARCHAR'}))) t
	JOIN days d ON d.d = t.loc // ${DAY}`);
await con.run(`CREATE TABLE ev AS
	SELECT h.ticket, h.ts, ${btSql('h.ts', 'd')} AS b, h.field, h.new, h.old,
	       h.ts * 100000000 + h.n AS ord
	FROM (SELECT ticket, field, new, old, n, loc, ${utcSql('loc')} AS ts
	      FROM (SELECT *, epoch("at")::BIGINT AS loc
	            FROM read_csv('${dir}/history.csv', header = true, delim = ',',
	                 columns = {'ticket': 'VARCHAR', 'at': 'TIMESTAMP', 'field': 'VARCHAR',
	                            'new': 'VARCHAR', 'old': 'VARCHAR', 'n': 'BIGINT'}))) h
	JOIN days d ON d.d = h.loc // ${DAY}`);

// the status timeline up to the cut-off: creation as "new", then each change
await con.run(`CREATE TABLE seg AS
	SELECT ticket, ts, b, s, lag(s) OVER w AS ps, lead(s) OVER w AS ns,
	       coalesce(lead(b) OVER w, ${bcut}) AS nb
	FROM (SELECT ticket, c AS ts, bc AS b, 'new' AS s, -1 AS ord FROM tk
	      UNION ALL
	      SELECT ticket, ts, b, new, ord FROM ev WHERE field = 'status' AND ts < ${cut})
	WINDOW w AS (PARTITION BY ticket ORDER BY ts, ord)`);
await con.run(`CREATE TABLE rp AS
	SELECT ticket,
	       sum(CASE WHEN s IN ('new', 'active') THEN nb - b ELSE 0 END) AS work,
	       max(CASE WHEN s IN ${DONE} AND (ps IS NULL OR ps NOT IN ${DONE}) THEN ts END) AS entered,
	       max(CASE WHEN ns IS NULL THEN s END) AS state
	FROM seg GROUP BY ticket`);
// the clock of the first response, the first priority and the groups
await con.run(`CREATE TABLE fe AS
	SELECT ticket, count(*) AS nev,
	       min(ts) FILTER (WHERE field = 'reply' AND ts < ${cut}) AS reply,
	       arg_min(b, ord) FILTER (WHERE field = 'reply' AND ts < ${cut}) AS reply_b,
	       min(ts) FILTER (WHERE field = 'status' AND new <> 'new' AND ts < ${cut}) AS lft,
	       arg_min(b, ord) FILTER (WHERE field = 'status' AND new <> 'new' AND ts < ${cut}) AS lft_b,
	       min(ts) FILTER (WHERE field IN ('group', 'assignee') AND ts < ${cut}) AS asg,
	       arg_min(b, ord) FILTER (WHERE field IN ('group', 'assignee') AND ts < ${cut}) AS asg_b,
	       arg_min(${RANK("coalesce(nullif(old, ''), new)")}, ord) FILTER (WHERE field = 'priority') AS first_prio
	FROM ev GROUP BY ticket`);
await con.run(`CREATE TABLE t2 AS
	SELECT tk.ticket, tk.type, tk.c, tk.bc, tk.deadline, tk.grp,
	       coalesce(fe.nev, 0) AS nev, rp.work, rp.entered, rp.state,
	       CASE WHEN fe.reply IS NOT NULL THEN 1 WHEN fe.lft IS NOT NULL THEN 2
	            WHEN fe.asg IS NOT NULL THEN 3 ELSE 0 END AS stopk,
	       coalesce(fe.reply, fe.lft, fe.asg) AS stop,
	       coalesce(fe.reply_b, fe.lft_b, fe.asg_b, ${bcut}) - tk.bc AS resp,
	       coalesce(fe.first_prio, tk.prio) AS prio0
	FROM tk LEFT JOIN rp USING (ticket) LEFT JOIN fe USING (ticket)`);
await con.run(`CREATE TABLE raised AS
	SELECT e.ticket, min(${RANK('e.new')}) AS r
	FROM ev e JOIN t2 USING (ticket)
	WHERE e.field = 'priority' AND (CASE WHEN t2.stop IS NOT NULL THEN e.ts <= t2.stop ELSE e.ts < ${cut} END)
	GROUP BY e.ticket`);
await con.run(`CREATE TABLE grp AS
	SELECT e.ticket, bool_and(e.new = 'Servicedesk') AS strict, arg_max(e.new, e.ord) AS last
	FROM ev e JOIN t2 USING (ticket)
	WHERE e.field = 'group' AND t2.state IN ('resolved', 'closed') AND e.ts <= t2.entered
	GROUP BY e.ticket`);
await con.run(`CREATE TABLE f AS
	SELECT t2.*, least(t2.prio0, coalesce(raised.r, 9)) AS prio,
	       t2.state IN ('resolved', 'closed') AS resolved,
	       t2.entered >= ${from} AND t2.entered < ${cut} AS res_in,
	       t2.c >= ${from} AND t2.c < ${cut} AS new_in,
	       coalesce(grp.strict, t2.grp = 'Servicedesk') AS strict,
	       coalesce(grp.last, t2.grp) = 'Servicedesk' AS loose
	FROM t2 LEFT JOIN raised USING (ticket) LEFT JOIN grp USING (ticket)`);

// ---- the figures -----------------------------------------------------
const out = {};
const group3 = (n) => { const s = n.toString(); return s.replace(/\B(?=(\d{3})+(?!\d))/g, ' '); };
// v / 10^dec as Swedish text, v a BigInt already rounded
const dec = (v, d) => { if(!d) return group3(v); const p = 10n ** BigInt(d); return `${group3(v / p)},${(v % p).toString().padStart(d, '0')}`; };
// num / den * 10^scale rounded half away from zero (num, den >= 0)
const div = (num, den, scale) => { const n = num * 10n ** BigInt(scale); return (2n * n + den) / (2n * den); };
const pctv = (num, den) => den > 0n ? `${dec(div(num * 100n, den, 2), 2)} %` : null;

const h = (await q(`SELECT count(*)::VARCHAR AS n, coalesce(sum(work // 60), 0)::VARCHAR AS s
	FROM f WHERE type = 'incident' AND resolved AND res_in`))[0];
const hn = BigInt(h.n), hs = BigInt(h.s);
const rank = (p) => (BigInt(p) * hn + 99n) / 100n;
const nth = async (r) => BigInt((await q(`SELECT m::VARCHAR AS m FROM (SELECT work // 60 AS m,
	row_number() OVER (ORDER BY work // 60) AS rn FROM f WHERE type = 'incident' AND resolved AND res_in)
	WHERE rn = ${r}`))[0].m);
out['handling.mean'] = hn ? `${dec(div(hs, 60n * hn, 1), 1)} h` : null;
out['handling.median'] = hn ? `${dec(div(await nth(rank(50)), 60n, 1), 1)} h` : null;
out['handling.p90'] = hn ? `${dec(div(await nth(rank(90)), 60n, 1), 1)} h` : null;

const limits = { 1: 1800, 2: 7200, 3: 28800 };
const names = { 1: 'critical', 2: 'high', 3: 'normal' };
const r = await q(`SELECT prio::VARCHAR AS p,
	count(*) FILTER (WHERE (stop IS NOT NULL OR resp > lim) AND resp <= lim)::VARCHAR AS met,
	count(*) FILTER (WHERE (stop IS NOT NULL OR resp > lim) AND resp > lim)::VARCHAR AS missed
	FROM (SELECT *, CASE prio WHEN 1 THEN ${limits[1]} WHEN 2 THEN ${limits[2]} WHEN 3 THEN ${limits[3]} END AS lim
	      FROM f WHERE type = 'incident' AND new_in AND nev > 0 AND prio IN (1, 2, 3))
	GROUP BY prio`);
for(const p of [1, 2, 3]) {
	const x = r.find((y) => Number(y.p) === p) || { met: '0', missed: '0' };
	out[`response.${names[p]}`] = pctv(BigInt(x.met), BigInt(x.met) + BigInt(x.missed));
}
const dk = (await q(`SELECT count(*)::VARCHAR AS n, count(*) FILTER (WHERE strict)::VARCHAR AS s,
	count(*) FILTER (WHERE loose)::VARCHAR AS l, count(*) FILTER (WHERE strict IS NULL)::VARCHAR AS u
	FROM f WHERE type IN ('incident', 'request', 'order') AND resolved AND res_in`))[0];
out['desk.strict'] = pctv(BigInt(dk.s), BigInt(dk.n) - BigInt(dk.u));
out['desk.loose'] = pctv(BigInt(dk.l), BigInt(dk.n) - BigInt(dk.u));
const op = (await q(`SELECT
	count(*) FILTER (WHERE type = 'incident')::VARCHAR AS i,
	count(*) FILTER (WHERE type IN ('request', 'order'))::VARCHAR AS r,
	count(*) FILTER (WHERE type = 'change')::VARCHAR AS ch,
	count(*) FILTER (WHERE type = 'incident' AND c < ${monthAgo})::VARCHAR AS oi,
	count(*) FILTER (WHERE type IN ('request', 'order') AND c < ${monthAgo})::VARCHAR AS ori,
	count(*) FILTER (WHERE type = 'change' AND c < ${monthAgo})::VARCHAR AS oc
	FROM f WHERE c < ${cut} AND state IN ${OPEN}`))[0];
out['open.incidents'] = `${group3(BigInt(op.i))} st`;
out['open.requests'] = `${group3(BigInt(op.r))} st`;
out['open.changes'] = `${group3(BigInt(op.ch))} st`;
out['old.incidents'] = `${group3(BigInt(op.oi))} st`;
out['old.requests'] = `${group3(BigInt(op.ori))} st`;
out['old.changes'] = `${group3(BigInt(op.oc))} st`;
const od = (await q(`SELECT
	count(*) FILTER (WHERE resolved AND entered < deadline)::VARCHAR AS ok,
	count(*) FILTER (WHERE (resolved AND entered >= deadline) OR (NOT resolved AND deadline <= ${cut}))::VARCHAR AS late
	FROM f WHERE type = 'order' AND new_in`))[0];
out['orders.on-time'] = pctv(BigInt(od.ok), BigInt(od.ok) + BigInt(od.late));
const n = (await q(`SELECT count(*)::VARCHAR AS t FROM tk`))[0].t;
process.stdout.write(JSON.stringify({ tickets: Number(n), figures: out }, null, 1) + '\n');
