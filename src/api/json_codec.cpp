#include "api/json_codec.h"

namespace portal::api {

ApiError to_api_error(const domain::DomainError& error) {
    ApiError api{error.code, error.message, ""};
    auto colon = error.message.find(": ");
    if (colon != std::string::npos) {
        api.field = error.message.substr(0, colon);
        api.message = api.field.empty() ? error.message.substr(colon + 2) : error.message;
    }
    return api;
}

}  // namespace portal::api
