#!/usr/bin/env bash
# Runs every test: native (GoogleTest through ctest), the same native suites under ASan + UBSan
# (scripts/sanitizers.sh), then end-to-end (Playwright + Chromium).
# Ends with one line "N passed, N failed" and a non-zero exit status on any failure.
# Sourced by ./portal.

portal_test() {
    local logs="$PORTAL_ROOT/build/test-logs"
    mkdir -p "$logs"
    local passed=0 failed=0 status=0

    say "native tests (ctest)"
    if ctest --preset native -j "$JOBS" --timeout 300 >"$logs/ctest.log" 2>&1; then :; else status=1; fi
    tail -n 15 "$logs/ctest.log" >&2
    # "100% tests passed, 0 tests failed out of 245"
    local summary
    summary=$(grep -E "tests passed, [0-9]+ tests? failed out of [0-9]+" "$logs/ctest.log" | tail -n 1)
    if [ -n "$summary" ]; then
        local total bad
        bad=$(sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+).*/\1/' <<<"$summary")
        total=$(sed -E 's/.* failed out of ([0-9]+).*/\1/' <<<"$summary")
        passed=$((passed + total - bad))
        failed=$((failed + bad))
    else
        say "ctest ran no test"
        failed=$((failed + 1))
    fi

    # The same native suites built with AddressSanitizer + UndefinedBehaviorSanitizer
    # (scripts/sanitizers.sh; PORTAL_SANITIZERS=0 leaves them out of a quick local run).
    if [ "${PORTAL_SANITIZERS:-1}" = 0 ]; then
        say "sanitizer run left out (PORTAL_SANITIZERS=0)"
    else
        # shellcheck source=scripts/sanitizers.sh
        . "$PORTAL_ROOT/scripts/sanitizers.sh"
        portal_sanitizer_tests || status=1
        passed=$((passed + SANITIZER_PASSED))
        failed=$((failed + SANITIZER_FAILED))
    fi

    say "end-to-end tests (Chromium)"
    local e2e_files
    e2e_files=$(find "$PORTAL_ROOT/tests/e2e" -name '*.test.mjs' | sort)
    if (cd "$PORTAL_ROOT" && node --test --test-reporter=tap --test-concurrency=1 $e2e_files) \
        >"$logs/e2e.log" 2>&1; then :; else status=1; fi
    grep -E "^(not ok|ok) |^# (pass|fail)" "$logs/e2e.log" | grep -v "^ok .* # SKIP" >&2 || true
    if grep -q "^not ok" "$logs/e2e.log"; then
        grep -B2 -A25 "^\s*not ok" "$logs/e2e.log" | head -n 120 >&2
    fi
    local e2e_pass e2e_fail
    e2e_pass=$(grep -E "^# pass [0-9]+" "$logs/e2e.log" | tail -n 1 | awk '{print $3}')
    e2e_fail=$(grep -E "^# fail [0-9]+" "$logs/e2e.log" | tail -n 1 | awk '{print $3}')
    if [ -z "$e2e_pass" ]; then
        say "the end-to-end runner did not finish (see $logs/e2e.log)"
        tail -n 30 "$logs/e2e.log" >&2
        failed=$((failed + 1))
    else
        passed=$((passed + e2e_pass))
        failed=$((failed + e2e_fail))
    fi
    [ "$failed" -gt 0 ] && status=1
    say "screenshots: $PORTAL_ROOT/build/e2e/screenshots; logs: $logs"
    echo "$passed passed, $failed failed"
    return $status
}
