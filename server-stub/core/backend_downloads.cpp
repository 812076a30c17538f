// [SECTION] Handlers: the downloads a service's plan includes (RULES.md §2) and their bytes.
#include "core/backend.h"
#include "core/download_content.h"
#include "core/responses.h"

namespace portal::backend {

namespace {

struct ByteRange {
    int64_t first = 0;
    int64_t last = 0;  // inclusive
};

// One "bytes=a-b" / "bytes=a-" / "bytes=-n" range. nullopt: the header is not something we
// honour (RFC 9110 lets a server ignore it and send the whole file); `unsatisfiable` set when
// the syntax is fine but the range lies outside the file.
std::optional<ByteRange> parse_range(std::string_view header, int64_t size, bool& unsatisfiable) {
    unsatisfiable = false;
    if (header.substr(0, 6) != "bytes=") return std::nullopt;
    std::string_view spec = trim(header.substr(6));
    if (spec.find(',') != std::string_view::npos) return std::nullopt;  // multiple ranges
    auto dash = spec.find('-');
    if (dash == std::string_view::npos) return std::nullopt;
    auto number = [](std::string_view text) -> std::optional<int64_t> {
        if (text.empty() || text.size() > 18) return std::nullopt;
        int64_t value = 0;
        for (char c : text) {
            if (c < '0' || c > '9') return std::nullopt;
            value = value * 10 + (c - '0');
        }
        return value;
    };
    std::string_view left = spec.substr(0, dash), right = spec.substr(dash + 1);
    ByteRange range;
    if (left.empty()) {  // the last n bytes
        auto suffix = number(right);
        if (!suffix) return std::nullopt;
        if (*suffix == 0 || size == 0) {
            unsatisfiable = true;
            return std::nullopt;
        }
        range.first = std::max<int64_t>(0, size - *suffix);
        range.last = size - 1;
        return range;
    }
    auto first = number(left);
    if (!first) return std::nullopt;
    std::optional<int64_t> last = right.empty() ? std::optional<int64_t>(size - 1) : number(right);
    if (!last || (!right.empty() && *last < *first)) return std::nullopt;
    if (*first >= size) {
        unsatisfiable = true;
        return std::nullopt;
    }
    range.first = *first;
    range.last = std::min(*last, size - 1);
    return range;
}

api::Download download_view(const DownloadRecord& d, const std::string& language) {
    return {d.id, d.name, in_language(language, d.description, d.description_en), d.size_bytes,
            d.sha256};
}

}  // namespace

Response Backend::list_downloads(Call& call) {
    auto service = find_service(call);
    if (auto answer = unless_active(service, "downloads are available for active services"))
        return *answer;
    api::DownloadList list;
    list.service_id = service->id;
    for (const auto& download : store_.downloads_of_plan(service->plan_id)) {
        list.downloads.push_back(download_view(download, call.language));
    }
    return json_answer(200, list);
}

Response Backend::get_download_file(Call& call) {
    auto id = parse_id(call.params.at("id"));
    if (!id) return not_found("download");
    // Only through an active service whose plan includes it; otherwise it does not exist for
    // this client (404, the same answer as a missing id).
    std::optional<DownloadRecord> download;
    for (const auto& service : client_services(call.client_id, call.today)) {
        if (service.status != domain::ServiceStatus::active) continue;
        for (const auto& included : store_.downloads_of_plan(service.plan_id)) {
            if (included.id == *id) download = included;
        }
        if (download) break;
    }
    if (!download) return not_found("download");

    const int64_t size = download->size_bytes;
    Response response;
    response.headers["Content-Type"] = download->content_type;
    response.headers["Content-Disposition"] = "attachment; filename=\"" + download->name + "\"";
    response.headers["Accept-Ranges"] = "bytes";
    response.headers["ETag"] = "\"" + download->sha256 + "\"";
    response.headers["Cache-Control"] = "private, no-cache";

    auto range_header = call.request.headers.find("range");
    if (range_header != call.request.headers.end()) {
        // If-Range: only honour the range when the client still has this very file.
        auto if_range = call.request.headers.find("if-range");
        bool same_file =
            if_range == call.request.headers.end() || if_range->second == response.headers["ETag"];
        bool unsatisfiable = false;
        auto range = parse_range(range_header->second, size, unsatisfiable);
        if (same_file && unsatisfiable) {
            Response refused_range =
                error_response(416, "range_not_satisfiable", "the range lies outside the file");
            refused_range.headers["Content-Range"] = "bytes */" + std::to_string(size);
            return refused_range;
        }
        if (same_file && range) {
            const int64_t length = range->last - range->first + 1;
            response.status = 206;
            response.headers["Content-Range"] = "bytes " + std::to_string(range->first) + "-" +
                                                std::to_string(range->last) + "/" +
                                                std::to_string(size);
            response.streamed = [record = *download, first = range->first](int64_t offset,
                                                                           int64_t count) {
                return download_bytes(record, first + offset, count);
            };
            response.streamed_length = length;
            return response;
        }
    }
    // Streamed: the server asks for pieces as the client takes them, and a HEAD asks for none.
    response.status = 200;
    response.streamed = [record = *download](int64_t offset, int64_t count) {
        return download_bytes(record, offset, count);
    };
    response.streamed_length = size;
    return response;
}

}  // namespace portal::backend
