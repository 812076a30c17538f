#!/usr/bin/env bash
# Runs every test: the native suites (GoogleTest through ctest) built with ASan + UBSan
# (scripts/sanitizers.sh), then end-to-end (Playwright + Chromium) against that build's stub.
# PORTAL_SANITIZERS=0 uses the release tree (build/native) instead, for a quicker local run.
# Ends with one line "N passed, N failed" and a non-zero exit status on any failure.
# Sourced by ./portal.

# shellcheck source=scripts/ctest_summary.sh
. "$PORTAL_ROOT/scripts/ctest_summary.sh"

portal_test() {
    local logs="$PORTAL_ROOT/build/test-logs"
    mkdir -p "$logs"
    local passed=0 failed=0 status=0 stub

    if [ "${PORTAL_SANITIZERS:-1}" = 0 ]; then
        # Quick local run: the release tree, no sanitizers.
        portal_build_native
        portal_native_tests || status=1
        stub="$PORTAL_ROOT/build/native/server-stub/portal-stub"
    else
        # Every native suite (unit + integration) built once, with AddressSanitizer +
        # UndefinedBehaviorSanitizer (scripts/sanitizers.sh). The same build's stub then serves the
        # end-to-end tests, so a memory error reached from the page fails them too. Not building
        # the release tree as well saves a whole native compile (about 8 min of a 2-core CI).
        # shellcheck source=scripts/sanitizers.sh
        . "$PORTAL_ROOT/scripts/sanitizers.sh"
        portal_sanitizer_tests || status=1
        passed=$((passed + SANITIZER_PASSED))
        failed=$((failed + SANITIZER_FAILED))
        stub="${PORTAL_ASAN_DIR:-$PORTAL_ROOT/build/asan}/server-stub/portal-stub"
    fi

    if portal_openapi_lint; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

    say "end-to-end tests (Chromium)"
    local e2e_files
    e2e_files=$(find "$PORTAL_ROOT/tests/e2e" -name '*.test.mjs' | sort)
    if (cd "$PORTAL_ROOT" && PORTAL_STUB="$stub" node --test --test-reporter=tap --test-concurrency=1 $e2e_files) \
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

# ctest over the release tree (build/native); adds its counts to the caller's passed/failed.
portal_native_tests() {
    say "native tests (ctest, release build, no sanitizers)"
    local ok=0
    ctest --preset native -j "$JOBS" --timeout 300 >"$logs/ctest.log" 2>&1 || ok=1
    tail -n 15 "$logs/ctest.log" >&2
    if ! ctest_summary "$logs/ctest.log"; then
        say "ctest ran no test"
        failed=$((failed + 1))
        return 1
    fi
    passed=$((passed + CTEST_PASSED))
    failed=$((failed + CTEST_FAILED))
    return $ok
}

# The REST contract (api/openapi.yaml) under Redocly's recommended rules, counted as one test:
# any error or warning fails it. No telemetry or update check: tests make no network calls.
portal_openapi_lint() {
    say "OpenAPI lint (Redocly, recommended rules)"
    local log="$logs/openapi-lint.log"
    if (cd "$PORTAL_ROOT" && REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true \
        node_modules/.bin/redocly lint api/openapi.yaml) >"$log" 2>&1 &&
        ! grep -qE "You have [0-9]+ warnings?" "$log"; then
        return 0
    fi
    tail -n 40 "$log" >&2
    return 1
}
