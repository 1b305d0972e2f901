#!/bin/sh
# story-numbers.sh -- the numbers of scenarios/README.md's stories, from fresh runs.
#
#   sh tests/story-numbers.sh update [STORY...]   run each story's command (scenarios/story-numbers.spec)
#                                                  and rewrite its table between the README's markers
#   sh tests/story-numbers.sh check [STORY...]    run them and fail when a documented change lies
#                                                  outside the fresh run's 95% paired interval
#   sh tests/story-numbers.sh update --reuse ...  take a story's folder as it is when its run.json
#                                                  says the same command line made it
#   sh tests/story-numbers.sh check --fast        only the stories with a FAST count, with -r FAST:
#                                                  the first FAST of the same replications (common
#                                                  random numbers), so the documented change of all
#                                                  of them must lie in their interval (make check)
#
# SPCSIM names the program (default ./spcsim); outputs go to $STORY_OUT (default build/stories).
# The table of a story holds, per measure, the base's and the variant's means and the paired
# change with its 95% interval, from compare.csv or chain.csv; the line above it says the command,
# the replications and the wall time from the folder's run.json.
set -eu

SPCSIM=${SPCSIM:-./spcsim}
SPEC=${STORY_SPEC:-scenarios/story-numbers.spec}
README=${STORY_README:-scenarios/README.md}
OUT=${STORY_OUT:-build/stories}

mode=${1:-}
[ "$mode" = update ] || [ "$mode" = check ] || { echo "usage: $0 update|check [--fast] [STORY...]" >&2; exit 2; }
shift
fast=0 reuse=0
[ "${1:-}" = --fast ] && { fast=1; shift; }
[ "${1:-}" = --reuse ] && { reuse=1; shift; }
only=" $* "
mkdir -p "$OUT"

# The fresh numbers of a folder: "LABEL<TAB>base<TAB>variant<TAB>diff<TAB>low<TAB>high" per measure.
fresh_rows() { # DIR MEASURES
    csv="$1/compare.csv"
    [ -f "$csv" ] || csv="$1/chain.csv"
    awk -F, -v want="$2" '
        NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
        {
            key = $col["scope"] "/" $col["metric"]
            v = ("variant_mean" in col) ? $col["variant"] : ""   # compare.csv: the variant; chain.csv: one
            if (("kind" in col) && $col["kind"] != "change") next
            if (!(v in seen)) { seen[v] = 1; order[++nv] = v }
            if ((v SUBSEP key) in row) next
            b = ("base_mean" in col) ? $col["base_mean"] : $col["base"]
            w = ("variant_mean" in col) ? $col["variant_mean"] : $col["variant"]
            row[v, key] = b "\t" w "\t" $col["diff"] "\t" $col["diff_ci95_low"] "\t" $col["diff_ci95_high"]
        }
        END {
            n = split(want, m, " ")
            for (k = 1; k <= nv; k++) for (j = 1; j <= n; j++) {
                if (!((order[k] SUBSEP m[j]) in row)) { print "story-numbers: no row " m[j] " in " FILENAME > "/dev/stderr"; exit 1 }
                label = m[j]
                if (nv > 1) { name = order[k]; sub(/.*\//, "", name); sub(/\.cfg$/, "", name); label = name ": " m[j] }
                print label "\t" row[order[k], m[j]]
            }
        }' "$csv"
}

# A number for the table: 4 significant digits, whole above 10,000 (thousands separated).
AWK_FMT='
function commas(s,   r) {
    r = ""
    while (length(s) > 3) { r = "," substr(s, length(s) - 2) r; s = substr(s, 1, length(s) - 3) }
    return s r
}
function fmt(x, sign,   a) {
    if (x == "") return "n/a"
    a = x < 0 ? -x : x
    if (a >= 10000) return (x < 0 ? "-" : (sign ? "+" : "")) commas(sprintf("%.0f", a))
    return sprintf(sign ? "%+.4g" : "%.4g", x)
}'

# The README block of a story (its markers included).
block() { # STORY COMMAND REPS JOBS SECONDS ROWS
    printf '<!-- numbers: %s -->\n' "$1"
    printf '`spcsim %s`: %s replications, %s threads, %s s wall time (`make story-numbers`, from `scenarios/story-numbers.spec`).\n\n' \
        "$2" "$3" "$4" "$5"
    printf '| measure | base | variant | change [95%% paired interval] |\n|---|---:|---:|---|\n'
    printf '%s\n' "$6" | awk -F'\t' "$AWK_FMT"'
        { printf "| %s | %s | %s | %s [%s, %s] |\n", $1, fmt($2, 0), fmt($3, 0), fmt($4, 1), fmt($5, 1), fmt($6, 1) }'
    printf '<!-- /numbers: %s -->\n' "$1"
}

# A member of run.json ("wall_seconds": 12.3 -> 12.3).
json_value() { sed -n "s/^  \"$2\": \"\{0,1\}\([^\",]*\)\"\{0,1\},\{0,1\}\$/\1/p" "$1/run.json" | head -n 1; }

# Replaces the block of a story in the README by the file $2.
splice() { # STORY FILE
    grep -q "^<!-- numbers: $1 -->\$" "$README" || { echo "story-numbers: $README has no block for $1" >&2; return 1; }
    awk -v start="<!-- numbers: $1 -->" -v stop="<!-- /numbers: $1 -->" -v file="$2" '
        $0 == start { while ((getline l < file) > 0) print l; skip = 1; next }
        $0 == stop { skip = 0; next }
        !skip { print }' "$README" > "$README.tmp"
    mv "$README.tmp" "$README"
}

# Every documented change of the story inside the fresh interval (half a unit of the last digit shown).
check_story() { # STORY ROWS
    documented=$(awk -v start="<!-- numbers: $1 -->" -v stop="<!-- /numbers: $1 -->" '
        $0 == start { on = 1; next } $0 == stop { on = 0 }
        on && /^\| / && !/^\| measure/ && !/^\|---/ {
            split($0, f, "|"); label = f[2]; gsub(/^ +| +$/, "", label)
            change = f[5]; sub(/ \[.*/, "", change); gsub(/[ ,]/, "", change)
            print label "\t" change
        }' "$README")
    [ -n "$documented" ] || { echo "story-numbers: $1: no documented numbers in $README (run make story-numbers)" >&2; return 1; }
    printf '%s\n' "$documented" | awk -F'\t' -v story="$1" -v fresh="$2" '
        BEGIN { n = split(fresh, lines, "\n"); for (i = 1; i <= n; i++) { split(lines[i], f, "\t"); lo[f[1]] = f[5]; hi[f[1]] = f[6] } }
        {
            if (!($1 in lo)) { printf "story-numbers: %s: %s is documented but not measured\n", story, $1; bad = 1; next }
            x = $2 + 0; a = x < 0 ? -x : x
            tol = a >= 10000 ? 0.5 : (a > 0 ? 0.5 * 10 ^ (int(log(a) / log(10) + (a >= 1 ? 0 : -1)) - 3) : 0)
            if (x < lo[$1] - tol || x > hi[$1] + tol) {
                printf "story-numbers: %s: %s: documented change %s lies outside the fresh 95%% interval [%s, %s]\n", story, $1, $2, lo[$1], hi[$1]
                bad = 1
            }
        }
        END { exit bad }'
}

status=0
while IFS='|' read -r story reps command measures; do
    story=$(echo "$story" | tr -d ' ')
    case "$story" in ''|'#'*) continue ;; esac
    [ "$only" = "  " ] || case "$only" in *" $story "*) ;; *) continue ;; esac
    reps=$(echo "$reps" | tr -d ' ')
    command=$(echo "$command" | sed 's/^ *//; s/ *$//')
    measures=$(echo "$measures" | sed 's/^ *//; s/ *$//')
    if [ "$fast" = 1 ]; then
        [ "$reps" = - ] && continue
        command=$(echo "$command" | sed "s/ -r [0-9][0-9]*/ -r $reps/")
        case "$command" in *" -r $reps"*) ;; *) command="$command -r $reps" ;; esac
    fi
    dir="$OUT/$story"
    echo "story-numbers: $story: spcsim $command" >&2
    if [ "$reuse" = 1 ] && [ -f "$dir/run.json" ] && [ "$(json_value "$dir" command_line)" = "$SPCSIM $command -q -o $dir" ]; then
        echo "story-numbers: $story: reusing $dir (--reuse: made by the same command line)" >&2
    else
        # The command's words as a shell reads them, so a word may be quoted ('a b'), as in the README.
        eval "set -- $command"
        "$SPCSIM" "$@" -q -o "$dir"
    fi
    rows=$(fresh_rows "$dir" "$measures")
    if [ "$mode" = update ]; then
        block "$story" "$command" "$(json_value "$dir" replications)" "$(json_value "$dir" jobs)" \
            "$(json_value "$dir" wall_seconds | awk '{ printf "%.0f", $1 }')" "$rows" > "$OUT/$story.md"
        splice "$story" "$OUT/$story.md"
    else
        check_story "$story" "$rows" || status=1
    fi
done < "$SPEC"
[ "$mode" = check ] && [ "$status" = 0 ] && echo "story-numbers: the documented numbers lie within the fresh intervals" >&2
exit "$status"
