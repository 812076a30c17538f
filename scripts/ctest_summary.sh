#!/usr/bin/env bash
# ctest's verdict, read from its log: one parser for scripts/test.sh and scripts/sanitizers.sh.
# Sourced by both.

# ctest_summary LOG: sets CTEST_SUMMARY (the line "100% tests passed, 0 tests failed out of 245"),
# CTEST_PASSED and CTEST_FAILED from the last summary line of LOG. Returns 1, with both counts 0,
# when LOG has none (ctest ran no test, or did not finish).
ctest_summary() {
    local log=$1 total
    CTEST_PASSED=0 CTEST_FAILED=0
    CTEST_SUMMARY=$(grep -E "tests passed, [0-9]+ tests? failed out of [0-9]+" "$log" | tail -n 1)
    [ -n "$CTEST_SUMMARY" ] || return 1
    CTEST_FAILED=$(sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+).*/\1/' <<<"$CTEST_SUMMARY")
    total=$(sed -E 's/.* failed out of ([0-9]+).*/\1/' <<<"$CTEST_SUMMARY")
    # shellcheck disable=SC2034  # read by the caller
    CTEST_PASSED=$((total - CTEST_FAILED))
}
