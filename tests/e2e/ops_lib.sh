# Fixtures for the ops end-to-end tests (sourced after lib.sh): exports of
# a service desk, a queue system, monitoring, an asset register and its
# management system, an invoice list and a backup log, generated so that
# the figures styr computes from them are the ones the seed documents
# print. docs/ops-indicators.md ("The fixtures") says how each figure is
# made up.

# ops_db NAME — the example database with the shipped profiles and the
# example ops configuration (examples/sydnarke-ops).
ops_db() {
	example_db "$1"
	"$STYR" load "$1" "$TOP/data/ops-profiles" >/dev/null
	"$STYR" load "$1" "$TOP/examples/sydnarke-ops" >/dev/null
}

# Date arithmetic for awk: civil date <-> day number.
OPS_AWK_DATES='
function days(y, m, d) { y -= m <= 2; era = int((y >= 0 ? y : y - 399) / 400); yoe = y - era * 400;
	doy = int((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
	doe = yoe * 365 + int(yoe / 4) - int(yoe / 100) + doy; return era * 146097 + doe - 719468 }
function civil(z,   era, doe, yoe, y, doy, mp, d, m) { z += 719468;
	era = int((z >= 0 ? z : z - 146096) / 146097); doe = z - era * 146097;
	yoe = int((doe - int(doe / 1460) + int(doe / 36524) - int(doe / 146096)) / 365);
	y = yoe + era * 400; doy = doe - (365 * yoe + int(yoe / 4) - int(yoe / 100));
	mp = int((5 * doy + 2) / 153); d = doy - int((153 * mp + 2) / 5) + 1;
	m = mp + (mp < 10 ? 3 : -9); return sprintf("%04d-%02d-%02d", y + (m <= 2), m, d) }
function day(s) { return days(substr(s, 1, 4) + 0, substr(s, 6, 2) + 0, substr(s, 9, 2) + 0) }
function plus(s, n) { return civil(day(s) + n) }
function hm(m) { return sprintf("%02d:%02d", int(m / 60), m % 60) }
'

# ops_gen_2020 DIR — the 2020 exports (Efecte tickets and history, calls,
# Efecte and SCCM computers, invoices, backup log).
ops_gen_2020() {
	dir=$1
	awk "$OPS_AWK_DATES"'
	function t(id, type, prio, created, status, resolved, group, sol) {
		printf "%s;%s;%s;%s;%s;%s;;%s;%s;\n", id, type, prio, created, status, resolved, group, sol > T }
	function h(id, at, field, new, vis) { printf "%s;%s;%s;%s;;%s\n", id, at, field, new, vis > H }
	BEGIN {
		T = "'"$dir"'/tickets-2020.csv"; H = "'"$dir"'/history-2020.csv"
		print "Ärende-ID;Ärendetyp;Prioritet;Skapad;Status;Avklarad;Stängd;Tilldelad grupp;Lösning;Levererad" > T
		print "Ärende-ID;Tidpunkt;Attribut;Nytt värde;Gammalt värde;Synlighet" > H
		# 30 incidents, 10 a priority, one Monday each, 08:00 to Tuesday
		# 09:00 (10 business hours); the reply 9 of 10 times in time
		split("Akut Hög Normal", P, " "); split("20 90 300", ok, " "); split("45 150 540", late, " ")
		for(p = 1; p <= 3; p++) for(i = 0; i < 10; i++) {
			mon = plus("2020-01-13", 7 * i); id = sprintf("INC-R%d%02d", p, i)
			t(id, "Incident", P[p], mon " 08:00", "Avklarad", plus(mon, 1) " 09:00", "Servicedesk", "Åtgärdat")
			h(id, mon " 08:01", "Tilldelad grupp", "Servicedesk", "")
			h(id, mon " 08:05", "Status", "Pågår", "")
			h(id, mon " " hm(480 + (i < 9 ? ok[p] : late[p])), "Meddelande till kund", "Vi har tagit emot ärendet", "Kund")
			h(id, plus(mon, 1) " 09:00", "Status", "Avklarad", "")
		}
		# 68 requests resolved by the end of March: 11 by the service desk
		# alone, 57 also by Nätverk
		for(j = 0; j < 68; j++) {
			c = plus("2020-02-03", j % 50); id = sprintf("REQ-F%02d", j)
			t(id, "Tjänsteförfrågan", "Normal", c " 09:00", "Avklarad", plus(c, 3) " 10:00", j < 11 ? "Servicedesk" : "Nätverk", "Levererat")
			h(id, c " 09:01", "Tilldelad grupp", "Servicedesk", "")
			h(id, c " 09:30", "Status", "Pågår", "")
			if(j >= 11) h(id, c " 11:00", "Tilldelad grupp", "Nätverk", "")
			h(id, plus(c, 3) " 10:00", "Status", "Avklarad", "")
		}
		# skipped the status routine: Ny straight to Avklarad, two by the
		# end of April and four more in May and June
		split("2020-03-02 2020-03-03 2020-05-04 2020-05-05 2020-05-06 2020-06-08", V, " ")
		for(j = 1; j <= 6; j++) {
			id = sprintf("REQ-V%d", j)
			t(id, "Tjänsteförfrågan", "Normal", V[j] " 09:00", "Avklarad", V[j] " 13:00", "Servicedesk", "Löst i telefon")
			h(id, V[j] " 09:01", "Tilldelad grupp", "Servicedesk", "")
			h(id, V[j] " 13:00", "Status", "Avklarad", "")
		}
		# the oldest open ticket at 2020-04-30, from 5 December 2019
		t("INC-OLD1", "Incident", "Låg", "2019-12-05 10:00", "Avklarad", "2020-05-15 10:00", "Servicedesk", "Åtgärdat")
		h("INC-OLD1", "2019-12-05 10:30", "Status", "Pågår", "")
		h("INC-OLD1", "2020-05-15 10:00", "Status", "Avklarad", "")
		# 25 open from 20 January to 7 March, 37 from 2 April to 8 May,
		# all resolved in August
		for(i = 0; i < 62; i++) {
			c = i < 25 ? plus("2020-01-20", 2 * i) : plus("2020-04-02", i - 25)
			id = sprintf("%s-%02d", i < 25 ? "OPEN-A" : "OPEN-B", i)
			r = (i < 25 ? "2020-08-10" : "2020-08-20") " 10:00"
			t(id, i % 2 ? "Tjänsteförfrågan" : "Incident", "Låg", c " 10:00", "Avklarad", r, "Servicedesk", "Åtgärdat")
			h(id, c " 11:00", "Status", "Pågår", "")
			h(id, r, "Status", "Avklarad", "")
		}
		# changes, open until September, are not in the control of old tickets
		for(i = 1; i <= 3; i++) {
			t("CHG-" i, "Förändring", "Normal", "2020-01-0" (i + 4) " 10:00", "Avklarad", "2020-09-01 10:00", "Server", "")
			h("CHG-" i, "2020-01-0" (i + 4) " 11:00", "Status", "Pågår", "")
			h("CHG-" i, "2020-09-01 10:00", "Status", "Avklarad", "")
		}
	}'
	# calls January to April: 100 counted, 64 answered within 20 s
	awk "$OPS_AWK_DATES"'BEGIN {
		C = "'"$dir"'/calls-2020.csv"; print "at,wait,result,queue,id" > C
		n = 0
		for(i = 0; i < 105; i++) {
			if(i < 64) { w = i % 21; r = "answered" }
			else if(i < 84) { w = 21 + i % 40; r = "answered" }
			else if(i < 90) { w = 61 + i; r = "answered" }
			else if(i < 100) { w = 6 + i % 30; r = "abandoned" }
			else { w = i % 6; r = "abandoned" }
			printf "%s %s,%d,%s,Servicedesk,%d\n", plus("2020-01-07", i % 100), hm(480 + i), w, r, i > C
		}
	}'
	# computers: 3 219 in both, 7 only in Efecte, 2 only in SCCM; retired
	# machines and screens in Efecte and inactive clients in SCCM are not
	# counted
	awk 'BEGIN {
		E = "'"$dir"'/efecte-datorer.csv"; S = "'"$dir"'/sccm-datorer.csv"
		print "Datornamn;Serienummer;CI-typ;Status" > E
		print "Name,Serial Number,Client Activity" > S
		for(i = 1; i <= 3219; i++) {
			printf "SN-%05d;X%06d;%s;I bruk\n", i, i, i % 3 ? "Bärbar dator" : "Stationär dator" > E
			printf "%s,X%06d,Active\n", i == 10 ? "sn-00010" : sprintf("SN-%05d", i), i > S
		}
		for(i = 1; i <= 7; i++) printf "LAP-900%d;Y%06d;Bärbar dator;I lager\n", i, i > E
		for(i = 1; i <= 40; i++) printf "OLD-%03d;Z%06d;Stationär dator;Avvecklad\n", i, i > E
		for(i = 1; i <= 15; i++) printf "MON-%03d;M%06d;Skärm;I bruk\n", i, i > E
		print "VM-TEST1,V1,Active" > S; print "VM-TEST2,V2,Active" > S
		for(i = 1; i <= 12; i++) printf "GONE-%02d,G%02d,Inactive\n", i, i > S
	}'
	# supplier invoices 2020, among them the ten of the report's samples
	cat > "$dir/fakturor-2020.csv" <<'INV'
number;supplier;date;amount;text
839678893;Teliasonera Sverige AB;2020-02-12;12 480,00;Telefonist ACE IT förv.
44444210;Atea;2020-03-03;86 250,00;VMWare
7605965;Tieto;2020-01-28;45 000,00;TEIS
300179298;Askersunds bostäder;2020-04-01;9 875,00;Lokalhyra Lilla Bergsgatan
407500330081;Hewlett-Packard Leasing;2020-04-15;31 200,00;server
44618557;Atea;2020-09-10;52 300,00;Aruba Airwave licenser
45232;Svensk E-Identitet AB;2020-10-01;4 500,00;Löpande avgifter Infomentor
INV-SE-00000235;Efecte AB;2020-11-05;28 000,00;Teknisk konsultation (ESM, ESS)
1175313;Oracle Svenska AB;2020-11-20;64 800,00;Oraclelicenser
714267218;Partner54;2020-12-02;7 320,00;Skrivare
44445100;Atea;2020-02-20;15 600,00;Datorer
44446230;Atea;2020-06-11;24 900,00;Datorer
839901122;Teliasonera Sverige AB;2020-05-12;12 480,00;Telefonist ACE IT förv.
7609911;Tieto;2020-06-30;45 000,00;TEIS
300181100;Askersunds bostäder;2020-07-01;9 875,00;Lokalhyra Lilla Bergsgatan
INV
	# backups: Filserver and Databaser nightly; Databaser failed on 14
	# March, Filserver did not run on 2 April
	awk "$OPS_AWK_DATES"'BEGIN {
		B = "'"$dir"'/backup-2020.csv"; print "job,start,end,result" > B
		for(d = day("2020-01-01"); d <= day("2020-12-31"); d++) {
			s = civil(d)
			if(s != "2020-04-02") printf "Filserver,%s 22:00,%s 23:10,success\n", s, s > B
			printf "Databaser,%s 23:30,%s 23:55,%s\n", s, s, s == "2020-03-14" ? "failed" : "success" > B
		}
	}'
}

# ops_gen_2024 DIR — the 2024 exports (Efecte tickets in Windows-1252 and
# history, calls, availability).
ops_gen_2024() {
	dir=$1
	awk "$OPS_AWK_DATES"'
	function t(id, type, prio, created, status, resolved, closed) {
		printf "%s;%s;%s;%s;%s;%s;%s;Servicedesk;Klart;\n", id, type, prio, created, status, resolved, closed > T }
	function h(id, at, new) { printf "%s;%s;Status;%s;;\n", id, at, new > H }
	BEGIN {
		T = "'"$dir"'/tickets-2024.utf8"; H = "'"$dir"'/history-2024.csv"
		print "Ärende-ID;Ärendetyp;Prioritet;Skapad;Status;Avklarad;Stängd;Tilldelad grupp;Lösning;Levererad" > T
		print "Ärende-ID;Tidpunkt;Attribut;Nytt värde;Gammalt värde;Synlighet" > H
		# handling time: ten weeks of 9 and 27 business hours, mean 18 h
		for(w = 0; w < 10; w++) {
			mon = plus("2024-01-08", 7 * w)
			t("INC-A" w, "Incident", "Normal", mon " 08:00", "Avklarad", mon " 17:00", "")
			h("INC-A" w, mon " 08:10", "Pågår"); h("INC-A" w, mon " 17:00", "Avklarad")
			t("INC-B" w, "Incident", "Normal", mon " 08:00", "Avklarad", plus(mon, 2) " 17:00", "")
			h("INC-B" w, mon " 08:30", "Pågår"); h("INC-B" w, plus(mon, 2) " 17:00", "Avklarad")
		}
		# 18 h with 4 h waiting for the customer
		t("INC-P", "Incident", "Normal", "2024-03-19 08:00", "Avklarad", "2024-03-21 12:00", "")
		h("INC-P", "2024-03-19 08:15", "Pågår"); h("INC-P", "2024-03-20 12:00", "Väntar på kund")
		h("INC-P", "2024-03-20 16:00", "Pågår"); h("INC-P", "2024-03-21 12:00", "Avklarad")
		# 18 h with a reopening: resolved Monday 16:00, reopened Tuesday 09:00
		t("INC-R", "Incident", "Normal", "2024-04-08 08:00", "Avklarad", "2024-04-10 10:00", "")
		h("INC-R", "2024-04-08 08:05", "Pågår"); h("INC-R", "2024-04-08 16:00", "Avklarad")
		h("INC-R", "2024-04-09 09:00", "Pågår"); h("INC-R", "2024-04-10 10:00", "Avklarad")
		# 18 h from Kristi himmelsfärds dag over the klämdag and the weekend
		t("INC-H", "Incident", "Normal", "2024-05-09 10:00", "Avklarad", "2024-05-14 17:00", "")
		h("INC-H", "2024-05-13 08:30", "Pågår"); h("INC-H", "2024-05-14 17:00", "Avklarad")
		# open at the end of 2024: 111 incidents, 161 requests (with
		# orders), 19 changes
		split("Ny Pågår Väntar på kund", S, " ")
		for(i = 0; i < 111; i++) t(sprintf("INC-O%03d", i), "Incident", "Normal", plus("2024-10-01", i % 90) " 09:00", "Pågår", "", "")
		for(i = 0; i < 161; i++) t(sprintf("REQ-O%03d", i), i % 10 ? "Tjänsteförfrågan" : "Beställning", "Normal", plus("2024-09-01", i % 120) " 10:00", "Ny", "", "")
		for(i = 0; i < 19; i++) t(sprintf("CHG-O%02d", i), "Förändring", "Normal", plus("2024-11-01", i) " 13:00", "Pågår", "", "")
		# not open: resolved, closed, cancelled, and one resolved in
		# December (in 18 h) and reopened in January 2025
		for(i = 0; i < 40; i++) t(sprintf("REQ-C%02d", i), "Tjänsteförfrågan", "Normal", plus("2024-06-03", i) " 10:00", "Stängd", plus("2024-06-03", i + 1) " 10:00", plus("2024-06-03", i + 6) " 10:00")
		for(i = 0; i < 10; i++) t(sprintf("CHG-C%02d", i), "Förändring", "Normal", plus("2024-08-05", i) " 10:00", "Avklarad", plus("2024-08-05", i + 3) " 10:00", "")
		t("INC-X1", "Incident", "Normal", "2024-11-04 10:00", "Avbruten", "", "2024-11-04 11:00")
		t("INC-X2", "Incident", "Normal", "2024-12-18 08:00", "Pågår", "", "")
		h("INC-X2", "2024-12-18 08:10", "Pågår"); h("INC-X2", "2024-12-19 17:00", "Avklarad")
		h("INC-X2", "2025-01-03 09:00", "Pågår")
	}'
	iconv -f UTF-8 -t WINDOWS-1252 "$dir/tickets-2024.utf8" > "$dir/tickets-2024.csv"
	# calls: 420 offered, 20 abandoned within 5 s; of the other 400, 258
	# answered within 20 s and 320 within 60 s; two in the repeated hour
	awk "$OPS_AWK_DATES"'BEGIN {
		C = "'"$dir"'/calls-2024.csv"; print "at;wait;result;queue;id" > C
		for(i = 0; i < 418; i++) {
			if(i < 257) { w = i % 21; r = "answered" }
			else if(i < 319) { w = 21 + i % 40; r = "answered" }
			else if(i < 369) { w = 61 + i % 200; r = "answered" }
			else if(i < 399) { w = 6 + i % 100; r = "abandoned" }
			else { w = i % 6; r = "abandoned" }
			printf "%s %s;0:%02d:%02d;%s;Servicedesk;%d\n", plus("2024-01-02", i % 360), hm(480 + i % 500), int(w / 60), w % 60, r, i > C
		}
		print "2024-10-27 02:30;12;answered;Jour;418" > C
		print "2024-10-27 02:15;3;abandoned;Jour;419" > C
	}'
	cat > "$dir/availability-2024.csv" <<'AV'
service,start,end,kind,category
SRV-FIL01,2024-02-12 06:00,2024-02-13 09:00,down,servrar
SRV-FIL01,2024-06-01 22:00,2024-06-02 06:00,maintenance,servrar
SRV-FIL01,2024-06-02 01:00,2024-06-02 02:00,down,servrar
SRV-FIL01,2024-10-27 01:30,2024-10-27 03:30,down,servrar
AP-nät Hallsberg,2024-08-05 08:00,2024-08-07 10:00,down,accesspunkter
AP-nät Hallsberg,2024-09-10 00:00,2024-09-11 00:00,nodata,accesspunkter
AP-nät Hallsberg,2024-09-12 00:00,2024-09-12 06:00,up,accesspunkter
Microsoft 365,2024-11-18 09:00,2024-11-19 15:00,down,Microsoft-tjänster
AV
}
