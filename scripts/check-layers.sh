#!/bin/sh
# Refuse an #include that crosses a forbidden line between the folders of
# src/ (ARCHITECTURE.md, "Layers"):
#   base      includes base only (libc and nothing of styr's above it);
#   db, doc   include base and themselves;
#   cli       includes base, db, doc and itself: no module;
#   a module  includes base, db, doc, org, itself and the modules its
#             descriptor declares in `.depends` (src/M/module_M.c), each of
#             which must stand above it in src/modules.c; only its cmd_*.c
#             files (its front door) may include cli/;
#   web       the web front door (src/web), a module that stands last in
#             src/modules.c: it may include every module (through its
#             `.depends`), and so no module can include it.
# Prints one line per violation, "file:line: includes X (allowed: ...)",
# and exits 1 when there is any.
#
#   scripts/check-layers.sh [SRC_DIR]
set -u
src=${1:-$(cd "$(dirname "$0")/.." && pwd)/src}
[ -f "$src/modules.c" ] || { echo "check-layers: $src/modules.c is missing" >&2; exit 2; }
modules=$(sed -n 's/^[[:space:]]*X(\([a-z_]*\)).*/\1/p' "$src/modules.c")
[ -n "$modules" ] || { echo "check-layers: no X(module) lines in $src/modules.c" >&2; exit 2; }
bad=0
above=""

declared() { # the names in the .depends line of module $1
	sed -n 's/.*\.depends = [^{]*{\(.*\)}.*/\1/p' "$src/$1/module_$1.c" |
		grep -o '"[a-z_]*"' | tr -d '"' | tr '\n' ' '
}

check_dir() { # folder, allowed folders, allowed for cmd_*.c only
	dir=$1 allowed=$2 front=$3
	for f in "$src/$dir"/*.c "$src/$dir"/*.h; do
		[ -f "$f" ] || continue
		ok="$allowed"
		case "$(basename "$f")" in cmd_*.c) ok="$ok $front" ;; esac
		grep -n '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' "$f" |
		while IFS= read -r line; do
			n=${line%%:*}
			inc=$(printf '%s\n' "$line" | sed 's/.*include[[:space:]]*"\([^"]*\)".*/\1/')
			top=${inc%%/*}
			[ "$top" = "$inc" ] && top=$dir    # same-folder include
			case " $ok " in *" $top "*) continue ;; esac
			echo "src/$dir/$(basename "$f"):$n: includes $inc (allowed: $ok)"
		done
	done
}

out=$( {
	check_dir base "base" ""
	check_dir db "base db" ""
	check_dir doc "base doc" ""
	check_dir cli "base db doc cli" ""
	for m in $modules; do
		[ -d "$src/$m" ] || { echo "src/modules.c: module $m has no folder src/$m"; continue; }
		deps=$(declared "$m")
		# The web front door may use every module above it.
		[ "$m" = web ] && deps=$above
		for d in $deps; do
			case " $above " in *" $d "*) ;; *)
				echo "src/$m/module_$m.c: depends on $d, which is not above $m in src/modules.c" ;;
			esac
		done
		check_dir "$m" "base db doc org $m $deps" "cli"
		above="$above $m"
	done
	last=$(echo $modules | awk '{print $NF}')
	[ -d "$src/web" ] && [ "$last" != web ] &&
		echo "src/modules.c: web is a front door and must be the last module, not $last"
	for f in "$src"/*.c; do
		grep -n '#[[:space:]]*include[[:space:]]*"' "$f" | grep -v '"db/module.h"' |
			sed "s|^\([0-9]*\):.*\"\(.*\)\".*|src/$(basename "$f"):\1: includes \2 (allowed: db/module.h)|"
	done
} )
if [ -n "$out" ]; then
	printf '%s\n' "$out"
	echo "check-layers: $(printf '%s\n' "$out" | wc -l) forbidden include(s)"
	exit 1
fi
echo "check-layers: ok ($(echo $modules | wc -w) modules)"
