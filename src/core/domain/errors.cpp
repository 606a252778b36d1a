#include "sponsordesk/domain/errors.h"

namespace sponsordesk {

void throw_error(ErrorKind kind, const std::string& message) {
    switch (kind) {
        case ErrorKind::InvalidInput: throw InvalidInput(message);
        case ErrorKind::Usage: throw UsageError(message);
        case ErrorKind::NotFound: throw NotFound(message);
        case ErrorKind::Conflict: throw Conflict(message);
        case ErrorKind::Storage: throw StorageError(message);
    }
    throw Error(kind, message);
}

std::string quote_value(const std::string& value) {
    constexpr size_t kMax = 80;
    std::string shown;
    size_t i = 0;
    for (; i < value.size() && shown.size() < kMax; ++i) {
        const char c = value[i];
        if (c == '\n') shown += "\\n";
        else if (c == '\r') shown += "\\r";
        else if (c == '\t') shown += "\\t";
        else shown += c;
    }
    // Never cut a UTF-8 sequence in the middle.
    if (i < value.size()) {
        while (!shown.empty() && (static_cast<unsigned char>(shown.back()) & 0xC0) == 0x80) shown.pop_back();
        if (!shown.empty() && (static_cast<unsigned char>(shown.back()) & 0x80)) shown.pop_back();
        return "\"" + shown + "…\" (" + std::to_string(value.size()) + " bytes)";
    }
    return "\"" + shown + "\"";
}

}  // namespace sponsordesk
