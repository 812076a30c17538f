#!/usr/bin/env bash
# ./portal fuzz [SECONDS]: builds the libFuzzer targets of tests/fuzz (clang, ASan + UBSan) and
# runs each for SECONDS (default 60) on a fresh copy of its seed corpus (tests/fuzz/corpus/<t>/
# -> build/fuzz/corpus/<t>/). A crash, leak, sanitizer report, timeout or broken invariant stops
# that target; the input is saved under build/fuzz/artifacts/<t>/ and the command fails at the
# end, printing how to reproduce it. Sourced by ./portal; uses `say`, `die`.
#   PORTAL_FUZZ_DIR      build folder (default build/fuzz, the "fuzz" preset's)
#   PORTAL_FUZZ_TARGETS  space-separated subset (default: all five)
#   PORTAL_FUZZ_KEEP=1   keep the grown corpus of the previous run instead of starting afresh

PORTAL_FUZZ_ALL="backend_handle json_decoders markdown manual_search request_framing"

# Configures the fuzz build: the "fuzz" preset (clang, PORTAL_FUZZ=ON adds tests/fuzz).
portal_fuzz_configure() {
    (cd "$PORTAL_ROOT" && cmake --preset fuzz -B "$1" >/dev/null)
}

portal_fuzz() {
    local seconds="${1:-60}"
    if ! [[ "$seconds" =~ ^[1-9][0-9]*$ ]]; then die "usage: ./portal fuzz [SECONDS]"; fi
    command -v clang++ >/dev/null || die "clang++ is missing (Debian packages clang, libclang-rt-14-dev)"
    local dir="${PORTAL_FUZZ_DIR:-$PORTAL_ROOT/build/fuzz}"
    local targets="${PORTAL_FUZZ_TARGETS:-$PORTAL_FUZZ_ALL}"
    local jobs="${JOBS:-$(nproc)}"

    say "building the fuzz targets (clang, libFuzzer + ASan + UBSan) in $dir"
    portal_fuzz_configure "$dir"
    cmake --build "$dir" -j "$jobs" --target portal_fuzz_targets

    local failed=() summary="$dir/summary.txt" target
    : >"$summary"
    for target in $targets; do
        local binary
        binary=$(find "$dir" -type f -name "${target}_fuzz" -perm -u+x | head -n 1)
        [ -n "$binary" ] || die "no binary ${target}_fuzz in $dir"
        local seeds="$PORTAL_ROOT/tests/fuzz/corpus/$target"
        local corpus="$dir/corpus/$target" artifacts="$dir/artifacts/$target" log="$dir/$target.log"
        [ "${PORTAL_FUZZ_KEEP:-0}" = 1 ] || rm -rf "$corpus"
        rm -rf "$artifacts"
        mkdir -p "$corpus" "$artifacts"
        cp -n "$seeds"/* "$corpus/" 2>/dev/null || true
        local dict=()
        [ -f "$PORTAL_ROOT/tests/fuzz/$target.dict" ] && dict=(-dict="$PORTAL_ROOT/tests/fuzz/$target.dict")
        say "fuzzing $target for ${seconds}s ($(find "$corpus" -type f | wc -l) seeds)"
        local status=0
        UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
            "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
            -print_final_stats=1 -artifact_prefix="$artifacts/" "${dict[@]}" "$corpus" \
            >"$log" 2>&1 || status=$?
        local runs eps cov ft corp
        runs=$(grep -E "^stat::number_of_executed_units:" "$log" | awk '{print $2}')
        eps=$(grep -E "^stat::average_exec_per_sec:" "$log" | awk '{print $2}')
        cov=$(grep -oE "cov: [0-9]+" "$log" | tail -n 1 | awk '{print $2}')
        ft=$(grep -oE "ft: [0-9]+" "$log" | tail -n 1 | awk '{print $2}')
        corp=$(grep -oE "corp: [0-9]+/[0-9]+[a-zA-Z]+" "$log" | tail -n 1 | awk '{print $2}')
        local verdict=clean
        if [ "$status" != 0 ] || [ -n "$(ls -A "$artifacts")" ]; then
            verdict="FAILED (exit $status)"
            failed+=("$target")
        fi
        printf '%-15s %s s  %s runs  %s exec/s  cov %s  ft %s  corpus %s  %s\n' "$target" \
            "$seconds" "${runs:-?}" "${eps:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" "$verdict" |
            tee -a "$summary"
        if [ "$verdict" != clean ]; then
            grep -E -m1 -A30 "(ERROR: |runtime error:|fuzz invariant broken|==[0-9]+== ?ERROR)" "$log" >&2 || tail -n 40 "$log" >&2
            local artifact
            for artifact in "$artifacts"/*; do
                [ -e "$artifact" ] || continue
                say "reproduce: $binary $artifact"
            done
        fi
    done
    say "summary in $summary; logs in $dir/<target>.log"
    if [ ${#failed[@]} -gt 0 ]; then
        die "fuzzing found problems in: ${failed[*]}"
    fi
}
