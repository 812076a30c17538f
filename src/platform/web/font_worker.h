// The portal's full font set rasterised in a Web Worker (web/font-worker.js), off the page's main
// thread. Rasterising it there took one task of 180–300 ms on a phone-speed CPU right after the
// first frame, in which the page could not answer a tap (BENCHMARKS.md). The worker runs the
// page's own compiled module, without main(), bakes the set with the page's font code
// (ui::bake_fonts) and posts the bytes back; the page loads them (ui::load_baked_fonts), a copy.
#pragma once

#include <span>

namespace portal::platform {

// Called on the page's main thread with what the worker baked for `pixel_ratio`; `baked` is empty
// when the worker failed (the caller then rasterises in the page).
using FontSetBaked = void (*)(std::span<const unsigned char> baked, float pixel_ratio);

// Starts baking ui::FontSet::all at `pixel_ratio` in a worker; `baked` is called once with the
// result. False, and `baked` never called, when the page cannot start one (no Worker, no compiled
// module to hand it).
bool bake_font_set_in_worker(float pixel_ratio, FontSetBaked baked);

}  // namespace portal::platform
