#include "core/demo_backend.h"

#include "core/fixtures.h"

namespace portal::backend {

DemoBackend::DemoBackend(const Sources& sources, std::string_view saved_store, BackendConfig config)
    : hasher_(random_),
      manuals_(sources.manuals),
      backend_(store_, clock_, hasher_, random_, manuals_, std::move(config)) {
    if (!saved_store.empty() && store_.load_json(saved_store).ok()) {
        restored_ = true;
        return;
    }
    auto loaded = load_fixtures(sources.catalog_json, sources.clients_json, store_, hasher_,
                                domain::company_today(clock_.now()));
    if (!loaded.ok()) load_error_ = loaded.error();
}

}  // namespace portal::backend
