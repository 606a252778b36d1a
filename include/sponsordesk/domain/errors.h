#pragma once
// Typed errors of the core: front ends map them to exit statuses or messages.
#include <stdexcept>
#include <string>

namespace sponsordesk {

enum class ErrorKind { InvalidInput = 1, Usage = 2, NotFound = 3, Conflict = 4, Storage = 5 };

class Error : public std::runtime_error {
public:
    Error(ErrorKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
    ErrorKind kind() const { return kind_; }
    int exit_status() const { return static_cast<int>(kind_); }

private:
    ErrorKind kind_;
};

struct InvalidInput : Error {
    explicit InvalidInput(const std::string& m) : Error(ErrorKind::InvalidInput, m) {}
};
struct UsageError : Error {
    explicit UsageError(const std::string& m) : Error(ErrorKind::Usage, m) {}
};
struct NotFound : Error {
    explicit NotFound(const std::string& m) : Error(ErrorKind::NotFound, m) {}
};
struct Conflict : Error {
    explicit Conflict(const std::string& m) : Error(ErrorKind::Conflict, m) {}
};
// A sponsor of the same category is already in the issue: a Conflict that
// the front ends may offer to override (book with allow_competitor).
struct CompetitorConflict : Conflict {
    explicit CompetitorConflict(const std::string& m) : Conflict(m) {}
};
struct StorageError : Error {
    explicit StorageError(const std::string& m) : Error(ErrorKind::Storage, m) {}
};

// Throws the typed error of that kind (InvalidInput for InvalidInput…).
[[noreturn]] void throw_error(ErrorKind kind, const std::string& message);

// Quotes a user-supplied value for an error message, cut short when huge so
// that a 100 kB name still yields one readable line.
std::string quote_value(const std::string& value);

}  // namespace sponsordesk
