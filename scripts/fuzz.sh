#!/usr/bin/env bash
# Fuzzes the parsers of outside input with libFuzzer (swiftc -sanitize=fuzzer, with AddressSanitizer).
#
#   scripts/fuzz.sh [TARGET] [SECONDS]
#
# TARGET is a folder of Fuzz/: ExpressionParser (the expression parser, resolver and evaluator), RequestBody (the
# strict request-body check against the fast-path reader), TemplateParser (the template loader), FilterPattern (the
# filter-pattern compiler and matcher), EventLog (the event-log reader of `replay`) or StrictJSON (the strict JSON
# reader of templates and filter patterns); without one, every target runs SECONDS (default 60) each. Seeds are
# read from Fuzz/Corpus/TARGET (committed); inputs libFuzzer finds go to .build/fuzz/TARGET/corpus; a crashing input
# is saved as .build/fuzz/TARGET/crash-* and the script fails.
# libFuzzer prints the executions run ("Done N runs in S second(s)"). Leak detection is off: LeakSanitizer reports
# Swift's lazily initialised globals (allocated during the first input) as leaks. FUZZ_RUNS=N stops each target
# after N executions instead (SECONDS still bounds it).
set -euo pipefail
cd "$(dirname "$0")/.."

targets=("${1:-}")
if [[ -z "${targets[0]}" ]]; then
    targets=()
    for directory in Fuzz/*/; do
        name=$(basename "$directory")
        [[ "$name" != Corpus ]] && targets+=("$name")
    done
fi
seconds=${2:-60}
out=.build/fuzz
mkdir -p "$out"

flags=(-sanitize=fuzzer,address -parse-as-library -O -g -swift-version 6 -enable-upcoming-feature ExistentialAny)

# The modules a target imports, in dependency order, built as static libraries instrumented for coverage.
modules() {
    case $1 in
        ExpressionParser) echo StrictJSON DynamoDBTypes DynamoDBExpressions ;;
        RequestBody) echo StrictJSON DynamoDBTypes ;;
        TemplateParser) echo StrictJSON DynamoDBTypes SAMTemplate ;;
        FilterPattern) echo StrictJSON DynamoDBTypes EventFilters ;;
        StrictJSON) echo StrictJSON ;;
        EventLog) echo StrictJSON DynamoDBTypes EventSourceMapping ;;
        *) echo "fuzz: no module list for $1 in scripts/fuzz.sh" >&2; return 64 ;;
    esac
}
built=" "
library() {
    local name=$1
    [[ "$built" == *" $name "* ]] && return 0
    echo "fuzz: building $name with -sanitize=fuzzer,address"
    nice -n 10 swiftc "${flags[@]}" -module-name "$name" -I "$out" \
        -emit-module -emit-module-path "$out/$name.swiftmodule" -emit-library -static -o "$out/lib$name.a" \
        $(find "Sources/$name" -name '*.swift' | sort)
    built+="$name "
}

for target in "${targets[@]}"; do
    [[ -f "Fuzz/$target/main.swift" ]] || { echo "fuzz: no target Fuzz/$target/main.swift" >&2; exit 64; }
    mkdir -p "$out/$target/corpus"
    module_list=$(modules "$target")
    read -r -a needed <<<"$module_list"
    links=()
    for module in "${needed[@]}"; do
        library "$module"
        links=("-l$module" "${links[@]}")
    done
    echo "fuzz: building $target"
    nice -n 10 swiftc "${flags[@]}" -module-name "${target}Fuzzer" -I "$out" -L "$out" \
        "${links[@]}" "Fuzz/$target/main.swift" -o "$out/$target/fuzzer"
    echo "fuzz: running $target for $seconds s"
    ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}" nice -n 10 "$out/$target/fuzzer" -max_total_time="$seconds" ${FUZZ_RUNS:+-runs="$FUZZ_RUNS"} -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$out/$target/" "$out/$target/corpus" "Fuzz/Corpus/$target"
done
