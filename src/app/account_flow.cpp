#include "app/account_flow.h"

#include <algorithm>

#include "app/code_words.h"
#include "app/overloaded.h"

namespace portal::app {
namespace {

using domain::Permission;

// A refusal the client can act on, in words; nullopt when it is not one of these. A missing or
// malformed field (invalid_value, missing_field) is told by the field it names.
std::optional<AccountText> refusal(const api::ApiFailure& failure) {
    const std::string& code = failure.error.code;
    if (failure.kind == api::ApiFailure::Kind::rejected &&
        (code == "invalid_value" || code == "missing_field")) {
        if (const auto words = words_for(TextsOf<AccountText>::fields, failure.error.field)) {
            return words;
        }
    }
    return refusal_in_words(failure, AccountText::why_invitation_unknown);
}

void fill_details(AccountState& state, const api::Profile& profile) {
    state.name = profile.name;
    state.company = profile.company;
    state.address = profile.address;
    state.phone = profile.phone;
}

}  // namespace

bool is_holder(const std::optional<api::Session>& session) {
    return session && !session->acting_as;
}

bool may(const std::optional<api::Session>& session, Permission permission) {
    if (!session) return false;
    if (!session->acting_as) return true;
    const auto& granted = session->acting_as->permissions;
    return std::find(granted.begin(), granted.end(), permission) != granted.end();
}

void AccountFlow::enter(FlowContext& ctx, const std::optional<api::Session>& session) {
    session_ = session;
    state_.notice.reset();
    load(ctx);
}

void AccountFlow::enter_invitation(const std::string& token) {
    if (invitation_.token != token) invitation_ = InvitationState{token, {}, false, {}, {}, {}};
}

void AccountFlow::load(FlowContext& ctx) {
    visit_.renew();
    ctx.api.profile(visit_.load(state_.profile, ctx, [this](const api::ApiResult<api::Profile>&) {
        if (state_.profile.data) fill_details(state_, *state_.profile.data);
    }));
    if (is_holder(session_)) ctx.api.contacts(visit_.load(state_.contacts, ctx));
    if (may(session_, Permission::profile)) ctx.api.alerts(visit_.load(state_.alerts, ctx));
}

template <class T, class Then>
api::Callback<T> AccountFlow::act(FlowContext& ctx, AccountNotice::Section section, Then then) {
    state_.busy = true;
    state_.notice = AccountNotice{section, {}, {}, {}, {}};
    return visit_.guard<T>(ctx, [this, section, then = std::move(then)](api::ApiResult<T> r) {
        state_.busy = false;
        AccountNotice notice{section, {}, {}, {}, {}};
        if (r.ok()) {
            then(*r.value, notice);
        } else if (auto why = refusal(r.failure)) {
            notice.refused = why;
        } else {
            notice.problem = describe(r.failure);
        }
        state_.notice = notice;
    });
}

void AccountFlow::handle(const AccountIntent& intent, FlowContext& ctx) {
    using Section = AccountNotice::Section;
    if (std::holds_alternative<AcceptInvitation>(intent)) {
        accept_invitation(ctx);
        return;
    }
    if (state_.busy) return;  // one action at a time; a double click acts once
    std::visit(
        Overloaded{
            [&](const SaveDetails&) {
                api::ProfileChanges changes;
                changes.name = state_.name;
                changes.company = state_.company;
                changes.address = state_.address;
                changes.phone = state_.phone;
                ctx.api.update_profile(
                    changes, ctx.new_idempotency_key(),
                    act<api::Profile>(ctx, Section::details,
                                      [this](api::Profile& profile, AccountNotice& notice) {
                                          fill_details(state_, profile);
                                          state_.profile.succeed(profile);
                                          notice.done = AccountText::details_saved;
                                      }));
            },
            [&](const ChangeEmail&) {
                ctx.api.change_email(
                    {state_.email_password, state_.new_email}, ctx.new_idempotency_key(),
                    act<api::Profile>(ctx, Section::email,
                                      [this](api::Profile& profile, AccountNotice& notice) {
                                          state_.profile.succeed(profile);
                                          state_.email_password.clear();
                                          state_.new_email.clear();
                                          notice.done = AccountText::email_changed;
                                      }));
                state_.email_password.clear();  // never kept once sent
            },
            [&](const ChangePassword&) {
                ctx.api.change_password(
                    {state_.current_password, state_.new_password}, ctx.new_idempotency_key(),
                    act<api::NoContent>(ctx, Section::password,
                                        [](api::NoContent&, AccountNotice& notice) {
                                            notice.done = AccountText::password_changed;
                                        }));
                state_.current_password.clear();
                state_.new_password.clear();
            },
            [&](const InviteContact&) {
                api::ContactBody body;
                body.name = state_.contact_name;
                body.email = state_.contact_email;
                body.permissions.emplace();
                const auto all = domain::enum_values<Permission>();
                for (size_t i = 0; i < all.size(); ++i) {
                    if (state_.contact_permissions[i]) body.permissions->push_back(all[i]);
                }
                ctx.api.invite_contact(
                    body, ctx.new_idempotency_key(),
                    act<api::Contact>(ctx, Section::contacts,
                                      [this, &ctx](api::Contact& contact, AccountNotice& notice) {
                                          notice.done = AccountText::contact_invited;
                                          notice.argument = contact.email;
                                          state_.contact_name.clear();
                                          state_.contact_email.clear();
                                          state_.contact_permissions = {};
                                          ctx.api.contacts(visit_.load(state_.contacts, ctx));
                                      }));
            },
            [&](const RemoveContact& value) {
                ctx.api.remove_contact(
                    value.contact_id, ctx.new_idempotency_key(),
                    act<api::NoContent>(ctx, Section::contacts,
                                        [this, &ctx](api::NoContent&, AccountNotice&) {
                                            ctx.api.contacts(visit_.load(state_.contacts, ctx));
                                        }));
            },
            [&](const SetAlert& value) {
                if (!state_.alerts.data) return;
                api::AlertSettings body;
                for (api::Alert alert : state_.alerts.data->alerts) {
                    if (alert.event != value.event) continue;
                    (value.channel == domain::AlertChannel::email ? alert.email : alert.whatsapp) =
                        value.on;
                    body.alerts.push_back(alert);
                }
                ctx.api.set_alerts(
                    body, ctx.new_idempotency_key(),
                    act<api::AlertSettings>(ctx, Section::alerts,
                                            [this](api::AlertSettings& alerts, AccountNotice&) {
                                                state_.alerts.succeed(alerts);
                                            }));
            },
            [&](const AcceptInvitation&) {},
        },
        intent);
}

void AccountFlow::accept_invitation(FlowContext& ctx) {
    if (invitation_.busy || invitation_.accepted_email) return;
    invitation_.busy = true;
    invitation_.refused.reset();
    invitation_.problem.reset();
    ctx.api.accept_invitation(invitation_.token, {invitation_.password},
                              [this](api::ApiResult<api::Contact> r) {
                                  invitation_.busy = false;
                                  invitation_.password.clear();
                                  if (r.ok()) {
                                      invitation_.accepted_email = r.value->email;
                                  } else if (auto why = refusal(r.failure)) {
                                      invitation_.refused = why;
                                  } else {
                                      invitation_.problem = describe(r.failure);
                                  }
                              });
}

}  // namespace portal::app
