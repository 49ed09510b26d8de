# Helpers for the economy's end-to-end tests (2000–2100), sourced after
# lib.sh.

# row FILE NAME FIGURES… — the table row NAME in FILE reads exactly
# FIGURES (compared with the spaces between columns and in "1 923" set
# aside). A name the text renderer wrapped is given as "FIRST|REST": the
# row's line starts with FIRST and the line after it reads REST.
row() {
	f=$1; name=$2; shift 2
	first=${name%%|*}
	if [ "$first" = "$name" ]; then
		line=$(grep -F -- "$name " "$f" | head -n 1)
	else
		line=$(grep -F -x -B 1 -- "${name#*|}" "$f" | grep -F -- "$first " | head -n 1)
	fi
	got=$(printf '%s' "${line#"$first"}" | sed 's/^ *//; s/  */ /g; s/ \([0-9][0-9][0-9]\)\b/\1/g')
	want=$(printf '%s' "$*" | sed 's/ \([0-9][0-9][0-9]\)\b/\1/g')
	[ "$got" = "$want" ] || { cat "$f"; fail "row $name: got '$got', want '$want'"; }
}
