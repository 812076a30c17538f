// Where a payment is charged: the one seam a real payment gateway plugs into (docs/payments.md).
// The backend decides which invoice may be paid and for how much; the gateway only charges it.
#pragma once

#include <cstdint>
#include <string>

#include "domain/invoice.h"
#include "domain/money.h"

namespace portal::backend {

struct Charge {
    int64_t client_id = 0;
    int64_t invoice_id = 0;
    domain::PaymentMethod method = domain::PaymentMethod::sandbox;
    domain::Money amount;         // always the stored invoice's, never one the page sent
    std::string idempotency_key;  // passed on, so the gateway charges a retried request once
};

struct ChargeAnswer {
    bool approved = false;
    std::string reference;     // the gateway's id for the payment
    std::string decline_code;  // when not approved: what the page explains to the client
    bool test = false;         // no money moved
};

class PaymentGateway {
  public:
    virtual ~PaymentGateway() = default;
    virtual ChargeAnswer charge(const Charge& charge) = 0;
};

// The test payment of the stub and the static demo: approves every charge and moves no money.
class SandboxGateway final : public PaymentGateway {
  public:
    ChargeAnswer charge(const Charge& charge) override {
        return {true, "sandbox-" + std::to_string(charge.invoice_id), "", true};
    }
};

}  // namespace portal::backend
