#!/usr/bin/env bash
# Builds the native side (stub, tests) and the WebAssembly page, incrementally; and serves them.
# Sourced by ./portal.

JOBS="${PORTAL_JOBS:-$(nproc)}"

portal_build() {
    portal_build_native
    portal_build_web
}

portal_build_native() {
    say "building native (stub, backend, tests)"
    cmake --preset native >/dev/null
    cmake --build --preset native -j "$JOBS"
}

portal_build_web() {
    say "building the WebAssembly page"
    cmake --preset web >/dev/null
    cmake --build --preset web -j "$JOBS"
    portal_dist
}

# dist/: the static-host demo. The same page, with config.json saying "demo": the backend core
# runs inside it, so any static file server is enough (python3 -m http.server, in dist/).
portal_dist() {
    local dist="$PORTAL_ROOT/dist" staging="$PORTAL_ROOT/dist.tmp"
    rm -rf "$staging"
    mkdir -p "$staging"
    find "$SITE" -maxdepth 1 -type f ! -name config.json -exec cp {} "$staging/" \;
    cp "$PORTAL_ROOT/web/config.demo.json" "$staging/config.json"
    rm -rf "$dist"
    mv "$staging" "$dist"
}

STUB="$PORTAL_ROOT/build/native/server-stub/portal-stub"
SITE="$PORTAL_ROOT/build/web/site"

portal_serve() {
    local port=8080 bind=127.0.0.1 db="$PORTAL_ROOT/build/portal.db"
    local clock=()  # empty: the real time
    while [ $# -gt 0 ]; do
        case "$1" in
        --port) port="$2"; shift 2 ;;
        --bind) bind="$2"; shift 2 ;;
        --db) db="$2"; shift 2 ;;
        --now) clock=(--now "$2"); shift 2 ;;
        *) die "unknown option for run: $1 (use --port N, --bind ADDR, --db PATH, --now YYYY-MM-DDTHH:MM)" ;;
        esac
    done
    exec "$STUB" --port "$port" --bind "$bind" --db "$db" --static "$SITE" \
        --manuals "$PORTAL_ROOT/assets/manuals" "${clock[@]}"
}
