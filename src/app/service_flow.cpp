#include "app/service_flow.h"

#include <utility>

#include "app/display.h"
#include "app/overloaded.h"

namespace portal::app {

std::string_view manual_slug(domain::ServiceType type) {
    using T = domain::ServiceType;
    // Both app products share the streaming apps' manual.
    static constexpr std::pair<T, std::string_view> kManuals[] = {
        {T::hosting, "servicio-hosting"},
        {T::web_builder, "servicio-constructor-web"},
        {T::audio_streaming, "servicio-radio-streaming"},
        {T::video_streaming, "servicio-video-streaming"},
        {T::corporate_mail, "servicio-correo-corporativo"},
        {T::domain, "servicio-dominios"},
        {T::reseller, "servicio-revendedor"},
        {T::simplenews, "servicio-simplenews"},
        {T::portal_noticioso, "servicio-portal-noticioso"},
        {T::noticioso_plus, "servicio-noticioso-plus"},
        {T::audio_app, "servicio-apps-streaming"},
        {T::video_app, "servicio-apps-streaming"},
        {T::voice_over, "servicio-locuciones"},
        {T::web_design, "servicio-diseno-web"},
    };
    for (const auto& [each, slug] : kManuals) {
        if (each == type) return slug;
    }
    return "acceso-a-servicios";
}

std::string copy_key(size_t credential_index, CredentialField field) {
    const char* name = field == CredentialField::host       ? "host"
                       : field == CredentialField::username ? "user"
                                                            : "password";
    return "credential:" + std::to_string(credential_index) + ":" + name;
}

std::string copy_key_sha256(int64_t download_id) {
    return "sha256:" + std::to_string(download_id);
}

std::string short_sha256(std::string_view hex) {
    if (hex.size() <= 16) return std::string(hex);
    return std::string(hex.substr(0, 12)) + "…" + std::string(hex.substr(hex.size() - 4));
}

void ServiceFlow::reset() {
    state_ = {};
    withdraw_attempt_.forget();
    visit_.renew();
}

std::string plan_change_target(const ServiceState& state) {
    const auto& service = state.service.data;
    if (!service || !service->pending_plan_change) return {};
    return service->pending_plan_change->to_plan_name;
}

std::optional<ServiceText> plan_change_blocked(const api::ServiceView& service) {
    if (cancellation_scheduled(service)) return ServiceText::blocked_by_cancellation;
    if (!service.pending_plan_change) return std::nullopt;
    return service.pending_plan_change->status == domain::OrderStatus::awaiting_payment
               ? ServiceText::blocked_by_unpaid_change
               : ServiceText::blocked_by_scheduled_change;
}

bool can_request_cancellation(const api::ServiceView& service) {
    return !cancellation_scheduled(service);
}

bool ServiceFlow::can_withdraw_plan_change() const {
    const auto& service = state_.service.data;
    return service && service->pending_plan_change && !state_.withdrawal.withdrawing;
}

void ServiceFlow::enter(const Route& route, FlowContext& ctx, const ServiceActions& allowed) {
    visit_.renew();
    if (route.service_id != state_.service_id || !state_.service.data) {
        // Another service: nothing of the previous one may show. Transfers are per file and
        // keep running (the client asked for them).
        auto transfers = std::move(state_.transfers);
        state_ = {};
        state_.transfers = std::move(transfers);
        state_.service_id = route.service_id;
        withdraw_attempt_.forget();
    } else {
        // Back on the same service: its data stays while it reloads; secrets hide again.
        state_.credentials_shown = false;
        state_.password_shown.assign(state_.password_shown.size(), false);
        state_.copied.clear();
        if (!state_.withdrawal.withdrawing) state_.withdrawal = {};
    }
    state_.allowed = allowed;
    load_service(ctx);
}

void ServiceFlow::load_service(FlowContext& ctx) {
    if (state_.service_id <= 0) {
        state_.not_found = true;
        return;
    }
    state_.not_found = false;
    // Answers still on their way belong to the previous visit and will be dropped.
    if (state_.credentials.loading())
        state_.credentials.status = Remote<api::ServiceCredentials>::Status::idle;
    ctx.api.service(state_.service_id,
                    visit_.load(state_.service, ctx,
                                [this, c = ctx](const api::ApiResult<api::ServiceView>& r) mutable {
                                    if (!r.ok()) {
                                        if (r.failure.status == 404) {
                                            state_.not_found = true;
                                            state_.service = {};
                                        }
                                        return;
                                    }
                                    load_dependents(c);
                                    if (state_.credentials_shown &&
                                        (!state_.credentials.data || state_.credentials.failed())) {
                                        load_credentials(c);
                                    }
                                }));
}

void ServiceFlow::load_dependents(FlowContext& ctx) {
    const api::ServiceView& service = *state_.service.data;
    if (service.status != domain::ServiceStatus::active) {
        // The backend refuses both for a service that is not active; the screen says why.
        state_.access = {};
        state_.downloads = {};
        return;
    }
    ctx.api.service_access(service.id, visit_.load(state_.access, ctx));
    if (state_.allowed.downloads) {
        ctx.api.service_downloads(service.id, visit_.load(state_.downloads, ctx));
    }
}

void ServiceFlow::load_credentials(FlowContext& ctx) {
    ctx.api.service_credentials(
        state_.service_id, visit_.load(state_.credentials, ctx,
                                       [this](const api::ApiResult<api::ServiceCredentials>& r) {
                                           if (r.ok()) {
                                               state_.password_shown.assign(
                                                   state_.credentials.data->credentials.size(),
                                                   false);
                                           }
                                       }));
}

void ServiceFlow::handle(const ServiceIntent& intent, FlowContext& ctx) {
    std::visit(Overloaded{
                   [&](const ReloadService&) {
                       visit_.renew();
                       load_service(ctx);
                   },
                   [&](const OpenPanel&) {
                       // Only an active service has a panel; the link is the backend's, never
                       // guessed.
                       const auto& service = state_.service.data;
                       if (service && service->status == domain::ServiceStatus::active &&
                           state_.access.data && !state_.access.data->url.empty()) {
                           ctx.browser.open_in_new_tab(state_.access.data->url);
                       }
                   },
                   [&](const ShowCredentials& value) {
                       state_.credentials_shown = value.shown;
                       if (!value.shown) {
                           state_.password_shown.assign(state_.password_shown.size(), false);
                           state_.copied.clear();
                       } else if (!state_.credentials.data && !state_.credentials.loading()) {
                           load_credentials(ctx);
                       }
                   },
                   [&](const ShowPassword& value) {
                       if (state_.credentials_shown && value.index < state_.password_shown.size()) {
                           state_.password_shown[value.index] = value.shown;
                       }
                   },
                   [&](const CopyCredential& value) { copy_credential(value, ctx); },
                   [&](const CopySha256& value) {
                       if (!state_.downloads.data) return;
                       for (const auto& download : state_.downloads.data->downloads) {
                           if (download.id != value.download_id) continue;
                           ctx.browser.copy_to_clipboard(download.sha256);
                           state_.copied = copy_key_sha256(download.id);
                       }
                   },
                   [&](const StartDownload& value) { start_download(value.download_id, ctx); },
                   [&](const OpenServiceManual&) {
                       if (!state_.service.data) return;
                       ctx.navigate(Route{Route::Page::manual, 0,
                                          std::string(manual_slug(state_.service.data->type))});
                   },
                   [&](const OpenUpgrade&) { go(Route::Page::upgrade, ctx); },
                   [&](const OpenCancellation&) { go(Route::Page::cancellation, ctx); },
                   [&](const AskWithdrawPlanChange&) {
                       if (!can_withdraw_plan_change()) return;
                       state_.withdrawal = {};
                       state_.withdrawal.ask();
                   },
                   [&](const KeepPlanChange&) { state_.withdrawal.keep(); },
                   [&](const ConfirmWithdrawPlanChange&) { withdraw_plan_change(ctx); },
                   [&](const OpenInvoices&) { ctx.navigate(Route{Route::Page::invoices}); },
               },
               intent);
}

void ServiceFlow::go(Route::Page page, FlowContext& ctx) {
    if (!state_.service.data) return;
    ctx.navigate(Route{page, state_.service.data->id});
}

void ServiceFlow::withdraw_plan_change(FlowContext& ctx) {
    if (!state_.withdrawal.asking || !can_withdraw_plan_change()) return;
    const api::ServiceView& service = *state_.service.data;
    const int64_t order_id = service.pending_plan_change->order_id;
    state_.withdrawal.start();
    using Order = api::UpgradeOrder;
    ctx.api.withdraw_upgrade_order(
        order_id, withdraw_attempt_.key_for(std::to_string(order_id), ctx),
        // Taken even after a reload of the screen: the withdrawal happened on the server.
        ctx.guard<Order>(withdraw_attempt_.settling<Order>(
            [this, c = ctx, id = service.id,
             kept = service.plan.name](api::ApiResult<Order> r) mutable {
                if (state_.service_id != id) return;  // the client is elsewhere
                PlanChangeWithdrawal& w = state_.withdrawal;
                if (r.ok()) {
                    w.settle();
                    w.kept_plan = kept;
                } else if (r.failure.kind == api::ApiFailure::Kind::rejected &&
                           r.failure.status == 409) {
                    // Too late (the renewal is invoiced) or no longer pending.
                    w.settle();
                    w.refusal = r.failure.error.code == "renewal_generated"
                                    ? ServiceText::why_renewal_generated
                                    : ServiceText::why_change_settled;
                } else {
                    w.fail(describe(r.failure));  // "Reintentar" withdraws with the same key
                    return;
                }
                visit_.renew();
                load_service(c);  // the service as it is now
            })));
}

void ServiceFlow::copy_credential(const CopyCredential& copy, FlowContext& ctx) {
    // Copying needs the credentials on screen: nothing secret moves while they are hidden.
    if (!state_.credentials_shown || !state_.credentials.data) return;
    const auto& list = state_.credentials.data->credentials;
    if (copy.index >= list.size()) return;
    const api::Credential& credential = list[copy.index];
    const std::string& text = copy.field == CredentialField::host       ? credential.host
                              : copy.field == CredentialField::username ? credential.username
                                                                        : credential.password;
    ctx.browser.copy_to_clipboard(text);
    state_.copied = copy_key(copy.index, copy.field);
}

void ServiceFlow::start_download(int64_t download_id, FlowContext& ctx) {
    if (!state_.downloads.data) return;
    const api::Download* listed = nullptr;
    for (const auto& download : state_.downloads.data->downloads) {
        if (download.id == download_id) listed = &download;
    }
    if (!listed) return;
    Transfer& transfer = state_.transfers[download_id];
    if (transfer.phase == Transfer::Phase::running) return;  // a second press starts nothing
    transfer = {};
    transfer.phase = Transfer::Phase::running;
    transfer.total = static_cast<uint64_t>(listed->size_bytes);

    // Transfers outlive a visit to another screen but not the session: checked by hand, as the
    // answer is raw bytes (not a DTO for ctx.guard).
    auto alive = ctx.session;
    auto lost = ctx.session_lost;
    BrowserEffects* browser = &ctx.browser;
    const std::string name = listed->name;
    const uint64_t expected = transfer.total;
    ctx.api.download_file(
        download_id,
        [this, alive, download_id, expected](uint64_t received, uint64_t total) {
            if (alive.expired()) return;
            auto found = state_.transfers.find(download_id);
            if (found == state_.transfers.end()) return;
            found->second.received = received;
            found->second.total = total > 0 ? total : expected;
        },
        [this, alive, lost, browser, download_id, expected, name](api::HttpResponse response) {
            if (alive.expired()) return;
            auto found = state_.transfers.find(download_id);
            if (found == state_.transfers.end()) return;
            Transfer& t = found->second;
            using Kind = DownloadOutcome::Kind;
            const DownloadOutcome outcome = judge_download(response, expected, t.received > 0);
            if (outcome.problem.signed_out) return lost(outcome.problem);
            if (outcome.kind != Kind::whole) {
                t.phase = Transfer::Phase::failed;
                t.problem = outcome.problem;
                t.why.reset();
                if (outcome.kind == Kind::not_there) t.why = ServiceText::download_not_included;
                if (outcome.kind == Kind::cut) t.why = ServiceText::download_incomplete;
                if (response.status / 100 == 2) t.received = response.body.size();
                return;
            }
            t.received = t.total = expected;
            t.phase = Transfer::Phase::saved;
            browser->save_file(name, response.body, "application/octet-stream");
        });
}

}  // namespace portal::app
