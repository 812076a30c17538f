#!/usr/bin/env bash
# `./portal bench`: every benchmark, after ./portal has set up and built. Writes
# bench/results.json (git-ignored) and rewrites the table in BENCHMARKS.md. Sourced by ./portal;
# uses its helpers `say` and `die`. Timings come from here, never from timed tests.
#   PORTAL_BENCH_NATIVE / PORTAL_BENCH_WEB   build folders to measure (default build/native, build/web)
#   PORTAL_BENCH_RUNS                        startup runs per page (default 7)
#   PORTAL_BENCH_LOAD_SECONDS / _CONNECTIONS stub load per route (default 10 s × 64 connections)
#   PORTAL_BENCH_LIGHTHOUSE_RUNS             Lighthouse runs of the sign-in page (default 3)

portal_bench() {
    local native="${PORTAL_BENCH_NATIVE:-$PORTAL_ROOT/build/native}"
    local web="${PORTAL_BENCH_WEB:-$PORTAL_ROOT/build/web}"
    local stub="$native/server-stub/portal-stub" site="$web/site" demo="$web/demo" bare="$web/bare"
    local loader="$native/tests/bench/load/portal-load"
    local search_bench="$native/tests/bench/manual_search_bench"
    local out="$PORTAL_ROOT/bench" work data
    local seconds="${PORTAL_BENCH_LOAD_SECONDS:-10}" connections="${PORTAL_BENCH_LOAD_CONNECTIONS:-64}"
    # The bare page is not part of `all` (tests/bench/bare_page): built here, in the same web build
    # as the page it is compared with (same toolchain, same flags). The other targets are normally
    # up to date already (./portal build); building them costs nothing then, and lets other build
    # folders be measured.
    [ -f "$web/CMakeCache.txt" ] || die "bench: $web is not a configured web build (./portal build)"
    [ -f "$native/CMakeCache.txt" ] || die "bench: $native is not a configured native build (./portal build)"
    say "bench: building the bare reference page in $web, and what the benchmarks run"
    cmake --build "$web" --target portal-app portal-demo portal-site bare-page -j "${JOBS:-2}" ||
        die "bench: the web build failed"
    local native_targets=(portal-stub portal-load)
    grep -q '^benchmark_DIR:PATH=/' "$native/CMakeCache.txt" && native_targets+=(manual_search_bench)
    cmake --build "$native" --target "${native_targets[@]}" -j "${JOBS:-2}" || die "bench: the native build failed"
    for f in "$stub" "$loader" "$site/index.html" "$demo/index.html" "$bare/index.html"; do
        [ -e "$f" ] || die "bench: $f is missing (build first: ./portal build)"
    done
    mkdir -p "$out"
    work="$(mktemp -d "${TMPDIR:-/tmp}/portal-bench.XXXXXX")"

    # The big data sets (1,000 services, 10,000 manual pages), regenerated when their generator changes.
    data="$native/bench-data"
    if [ ! -f "$data/.done" ] || [ "$PORTAL_ROOT/tests/bench/generate_data.mjs" -nt "$data/.done" ]; then
        say "bench: generating 1,000 services and 10,000 manual pages in $data"
        rm -rf "$data"
        node "$PORTAL_ROOT/tests/bench/generate_data.mjs" "$data" >/dev/null
        touch "$data/.done"
    fi

    say "bench: bytes to load (raw and gzip -9): the stub's page and the static demo"
    node "$PORTAL_ROOT/tests/bench/sizes.mjs" "$site" "$web" >"$work/sizes.json"
    node "$PORTAL_ROOT/tests/bench/sizes.mjs" "$demo" "$web" >"$work/demo_sizes.json"
    node "$PORTAL_ROOT/tests/bench/sizes.mjs" "$bare" >"$work/bare_sizes.json"

    say "bench: manual search per keystroke over 10,000 pages (Google Benchmark)"
    if [ -x "$search_bench" ]; then
        "$search_bench" --benchmark_format=json --benchmark_min_time=0.5 >"$work/search.json" 2>/dev/null ||
            echo '{}' >"$work/search.json"
    else
        say "bench: $search_bench not built (libbenchmark-dev missing?)"
        echo '{}' >"$work/search.json"
    fi

    say "bench: stub under load ($connections keep-alive connections × ${seconds} s per route, loopback)"
    bench_stub_load "$stub" "$loader" "$site" "$connections" "$seconds" "$work"

    say "bench: Lighthouse, default mobile run (simulated slow 4G, 4x slower CPU), sign-in page"
    bench_lighthouse "$stub" "$site" "$work"

    say "bench: browser (headless Chromium): startup, idle, frame times, heap"
    PORTAL_STUB="$stub" PORTAL_SITE="$site" PORTAL_BARE="$bare" PORTAL_DEMO_SITE="$demo" PORTAL_BENCH_DATA="$data" \
        node "$PORTAL_ROOT/tests/bench/browser.bench.mjs" >"$work/browser.json" ||
        die "bench: the browser measurements failed"

    node "$PORTAL_ROOT/tests/bench/report.mjs" "$work" "$out/results.json" "$PORTAL_ROOT/BENCHMARKS.md"
    rm -rf "$work"
}

# Lighthouse's own npm folder (tests/bench/lighthouse: pinned there, apart from the project's
# package.json, so that ./portal test does not install it), installed from its lockfile once.
bench_install_lighthouse() {
    local dir="$PORTAL_ROOT/tests/bench/lighthouse"
    local stamp="$dir/node_modules/.portal-lock-stamp"
    if [ -f "$stamp" ] && cmp -s "$stamp" "$dir/package-lock.json"; then return 0; fi
    say "bench: installing Lighthouse from tests/bench/lighthouse/package-lock.json"
    (cd "$dir" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >/dev/null)
    cp "$dir/package-lock.json" "$stamp"
}

# Lighthouse on the sign-in page as the stub serves it, with its default mobile settings
# (simulated throttling: slow 4G, 4x slower CPU, a phone's screen), in Debian's Chromium; only the
# performance category. PORTAL_BENCH_LIGHTHOUSE_RUNS runs (default 3; the report takes the median
# score): writes lighthouse-N.json (its reports) into `work`.
bench_lighthouse() {
    local stub="$1" site="$2" work="$3" port pid run
    bench_install_lighthouse
    local lighthouse="$PORTAL_ROOT/tests/bench/lighthouse/node_modules/.bin/lighthouse"
    port="$(bench_free_port)"
    "$stub" --port "$port" --bind 127.0.0.1 --db "$work/lighthouse.db" --static "$site" \
        --manuals "$PORTAL_ROOT/assets/manuals" --quiet >"$work/lighthouse-stub.log" 2>&1 &
    pid=$!
    bench_wait_for_stub "$port"
    for run in $(seq 1 "${PORTAL_BENCH_LIGHTHOUSE_RUNS:-3}"); do
        # The e2e tests' flags (tests/e2e/harness.mjs: WebGL 2 through SwiftShader), in the old
        # headless mode: with --headless=new Lighthouse finds no Largest Contentful Paint here.
        CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}" "$lighthouse" "http://127.0.0.1:$port/" \
            --only-categories=performance --output=json --output-path="$work/lighthouse-$run.json" \
            --quiet --chrome-flags="--headless --no-sandbox --use-angle=swiftshader \
--enable-unsafe-swiftshader --disable-gpu --no-first-run" >"$work/lighthouse.log" 2>&1 ||
            { say "bench: Lighthouse failed:"; tail -n 20 "$work/lighthouse.log" >&2; }
    done
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

bench_free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

bench_wait_for_stub() {
    for _ in $(seq 1 200); do
        curl -fs "http://127.0.0.1:$1/api/v1/health" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
}

# Requests per second and latency of ana's services list and a search of the shipped manuals, with
# portal-load on loopback against a stub of its own (SQLite database, like ./portal run), and the
# stub's memory: resident after the sign-in, after the load, and per open connection (1,000 held
# open). Also the headers the stub serves the page with (compression, caching).
bench_stub_load() {
    local stub="$1" loader="$2" site="$3" connections="$4" seconds="$5" work="$6"
    local port pid token
    port="$(bench_free_port)"
    "$stub" --port "$port" --bind 127.0.0.1 --db "$work/load.db" --static "$site" \
        --manuals "$PORTAL_ROOT/assets/manuals" --quiet >"$work/stub.log" 2>&1 &
    pid=$!
    bench_wait_for_stub "$port"
    token="$(curl -fs -X POST -H 'Content-Type: application/json' \
        -d '{"email":"ana@example.com","password":"demo1234"}' \
        "http://127.0.0.1:$port/api/v1/session" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')" ||
        token=""
    "$loader" --port "$port" --path /api/v1/services --token "$token" --connections "$connections" \
        --seconds "$seconds" --stub-pid "$pid" >"$work/load_services.json" ||
        echo '{}' >"$work/load_services.json"
    "$loader" --port "$port" --path '/api/v1/manuals?q=cancelacion' --connections "$connections" \
        --seconds "$seconds" --stub-pid "$pid" >"$work/load_search.json" ||
        echo '{}' >"$work/load_search.json"
    # Diagnostic: the services list with a new connection per request (no keep-alive).
    "$loader" --port "$port" --path /api/v1/services --token "$token" --connections "$connections" \
        --seconds "$seconds" --keep-alive 0 >"$work/load_services_close.json" ||
        echo '{}' >"$work/load_services_close.json"
    "$loader" --port "$port" --path /api/v1/health --hold 1000 --stub-pid "$pid" \
        >"$work/load_hold.json" || echo '{}' >"$work/load_hold.json"
    for f in index.html config.json portal-app.js portal-app.wasm; do
        echo "== /$f"
        curl -s -o /dev/null -D - -H 'Accept-Encoding: gzip, br' "http://127.0.0.1:$port/$f" | tr -d '\r'
    done >"$work/headers.txt"
    # A revalidation: the wasm again with the ETag just received (a second visit).
    local etag
    etag="$(sed -n '/^== \/portal-app.wasm/,$p' "$work/headers.txt" | sed -n 's/^[Ee][Tt][Aa][Gg]: //p' | head -1)"
    curl -s -o /dev/null -w '%{http_code} %{size_download}\n' -H 'Accept-Encoding: gzip, br' \
        -H "If-None-Match: $etag" "http://127.0.0.1:$port/portal-app.wasm" >"$work/revalidate.txt" || true
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}
