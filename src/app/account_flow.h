// «Mi cuenta» (RULES.md §10): the account's details, the holder's email and password, secondary
// contacts with their permissions, and the alerts; and the invitation page, where a contact
// chooses its password. What a signed-in person may see follows its permissions (`acting_as`):
// the holder sees everything; a contact sees the details and alerts only with `profile`, and
// never the contacts, email or password.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>

#include "api/dto.h"
#include "app/flow_context.h"
#include "app/remote.h"
#include "app/texts/account_texts.h"
#include "app/visit.h"
#include "domain/account.h"

namespace portal::app {

// Whether the person signed in may use what `permission` guards (the holder may do everything).
bool may(const std::optional<api::Session>& session, domain::Permission permission);
bool is_holder(const std::optional<api::Session>& session);

// The last action's outcome, shown under its section: a confirmation, a refusal in words, or a
// Problem (the network, the server).
struct AccountNotice {
    enum class Section { details, email, password, contacts, alerts };
    Section section = Section::details;
    std::optional<AccountText> done;
    std::optional<AccountText> refused;
    std::optional<Problem> problem;
    std::string argument;  // the email a confirmation names
};

struct AccountState {
    Remote<api::Profile> profile;
    Remote<api::ContactList> contacts;
    Remote<api::AlertSettings> alerts;
    // The forms, edited in place by the screen.
    std::string name, company, address, phone;
    std::string email_password, new_email;
    std::string current_password, new_password;
    std::string contact_name, contact_email;
    std::array<bool, domain::enum_values<domain::Permission>().size()> contact_permissions{};
    bool busy = false;  // an action is on its way
    std::optional<AccountNotice> notice;
};

struct SaveDetails {};
struct ChangeEmail {};
struct ChangePassword {};
struct InviteContact {};
struct RemoveContact {
    int64_t contact_id = 0;
};
struct SetAlert {
    domain::AlertEvent event = domain::AlertEvent::welcome;
    domain::AlertChannel channel = domain::AlertChannel::email;
    bool on = true;
};
struct AcceptInvitation {};
using AccountIntent = std::variant<SaveDetails, ChangeEmail, ChangePassword, InviteContact,
                                   RemoveContact, SetAlert, AcceptInvitation>;

// The invitation page: no session, the token is the proof.
struct InvitationState {
    std::string token;
    std::string password;
    bool busy = false;
    std::optional<std::string> accepted_email;
    std::optional<AccountText> refused;
    std::optional<Problem> problem;
};

class AccountFlow {
  public:
    void enter(FlowContext& ctx, const std::optional<api::Session>& session);
    void enter_invitation(const std::string& token);
    void handle(const AccountIntent& intent, FlowContext& ctx);
    const AccountState& state() const { return state_; }
    AccountState& form() { return state_; }
    const InvitationState& invitation() const { return invitation_; }
    InvitationState& invitation_form() { return invitation_; }
    void reset() {
        state_ = {};
        visit_.renew();
    }

  private:
    void load(FlowContext& ctx);
    // The handler of an action's answer: on success `then`, otherwise the refusal in words.
    template <class T, class Then>
    api::Callback<T> act(FlowContext& ctx, AccountNotice::Section section, Then then);
    void accept_invitation(FlowContext& ctx);

    AccountState state_;
    InvitationState invitation_;
    std::optional<api::Session> session_;
    Visit visit_;
};

}  // namespace portal::app
