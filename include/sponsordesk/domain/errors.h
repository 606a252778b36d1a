#pragma once
// Typed errors of the core: front ends map them to exit statuses or messages.
//
// An error carries data as well as an English sentence: a code saying what
// went wrong, the field it concerns (a stable key such as "price" or
// "hold_until") and named values. The CLI prints what() (its contract); the
// desktop app words the error itself from code and values, in the user's
// language, and puts it beside the field. Nothing decides by the words.
#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace sponsordesk {

enum class ErrorKind { InvalidInput = 1, Usage = 2, NotFound = 3, Conflict = 4, Storage = 5, NotPermitted = 6 };

// What went wrong, independent of wording. Values each code carries are
// listed beside it (field is the key of the value concerned).
enum class ErrorCode {
    Unspecified,
    // Text and values ("value" is the value as typed)
    NotUtf8,             // field
    Empty,               // field
    TooLong,             // field, value?, length, max
    ControlCharacter,    // field, value
    InvalidFormat,       // field, value (slug, code, email, phone, country, currency, SIREN, VAT, BIC, …)
    InvalidChecksum,     // field, value (IBAN, SIREN, SIRET, a French VAT number's key)
    SiretAsSiren,        // field (siren), value: 14 digits given as a SIREN
    SiretOtherSiren,     // field (siret), value, siren: the SIRET does not begin with the SIREN
    VatOtherSiren,       // field (vat_number), value, siren: a French VAT number of another SIREN
    OutOfRange,          // field, value, min, max
    NotWholeNumber,      // field, value
    InvalidAmount,       // field, value
    NegativeAmount,      // field, value
    InvalidDate,         // field, value
    InvalidChoice,       // field, value, choices (a word that is not one of a fixed list)
    InvalidPeriod,       // from, to (ends before it starts, or too long: max_years)
    DateInFuture,        // field, date, today
    DateTooEarly,        // field, date, earliest, number? (payment or credit note before the invoice)
    InvalidLink,         // field, value
    Usage,               // a command-line usage error
    AmbiguousReference,  // field, value, name_id, number_id (a name that is another record's id)
    // Not found ("value" is what was looked for)
    SponsorNotFound,      // value | id
    PublicationNotFound,  // value | id
    PlacementNotFound,    // value | id, publication
    IssueNotFound,        // publication, date
    NoIssuesSelected,     // publication, from, to, weekdays ("mon,thu"): a booking pattern that selects no issue
    BookingNotFound,      // id
    InvoiceNotFound,      // value | id
    RevisionNotFound,     // publication, date, revision
    NothingToInvoice,     // sponsor, month?
    FileNotFound,         // path
    NotARegularFile,      // path, kind (a device, FIFO, folder… given as input)
    FileTooLarge,         // path, size, max
    NoContactEmail,       // booking
    NoBookingsInPeriod,   // sponsor, from, to (report sponsor)
    // Booking rules
    SlotTaken,           // placement, slots, holders (list)
    CompetitorConflict,  // issue, publication, category, competitors (list of names), booking?
    WordLimit,           // words, max, placement
    NewBookingStatus,    // status (a new booking is hold or confirmed)
    HoldUntilNotHold,    // hold_until given to a non-hold
    HoldInPast,          // hold_until
    HoldAfterIssue,      // hold_until, issue_date (a hold may not outlive its issue)
    StatusUnchanged,     // booking, status
    StatusFinal,         // booking, status (cancelled or published: no change)
    StatusBackwards,     // booking, from, to
    CopyMissing,         // booking, status
    NotApproved,         // booking, status (only approved copy is published)
    CopyLocked,          // booking, status
    AlreadyInvoiced,     // booking, invoice_id, invoice (its number, once issued)
    SponsorArchived,     // sponsor
    PlacementInactive,   // placement, publication
    IssueSent,           // publication, date
    NeedsCopy,           // status (import)
    DatesRefused,        // dates (list, ISO), reasons (list of error code names, one per date), total: a
                         // booking over several issues refused on those dates (nothing booked)
    // Catalogue and sponsors
    NameTaken,       // field, value
    SlugTaken,       // value
    CodeTaken,       // value, publication
    DateTaken,       // publication, date, number
    SlugLocked,      // publication
    CodeLocked,      // placement
    CurrencyLocked,  // publication, currency
    SlotsInUse,      // placement, slot
    HasHistory,      // sponsor (bookings or invoices: cannot be deleted)
    NotEmpty,        // the database is not empty (demo)
    // Invoices
    MissingInvoiceData,  // fields (keys: seller.postcode, buyer.siren… see invoice_rules.h), sponsor?
    MixedCurrencies,     // currencies (list)
    OtherSponsor,        // booking, owner, sponsor
    BookingListedTwice,  // booking
    NoBookingsListed,
    BookingCancelled,          // booking
    BookingOnHold,             // booking
    NotDraft,                  // invoice, status
    NumbersFollowDates,        // kind, date, latest
    CreditNoteNoPayment,       // invoice
    DraftNoPayment,            // invoice
    InvoiceCancelled,          // invoice
    Overpayment,               // amount, outstanding, currency, invoice
    CreditNoteNotCancellable,  // invoice
    AlreadyCancelled,          // invoice
    DraftNotExported,          // invoice
    MissingEurRate,            // currency
    EurRateNotApplicable,      // currency (EUR)
    NotACreditNote,            // invoice
    OverRefund,                // amount, refundable, currency, invoice
    NoFacturX,                 // invoice (issued before Factur-X: no XML)
    VatRateNotApplicable,      // invoice, category (AE, G, E): a free line's VAT rate on an invoice without VAT
    // Files, storage and exports
    InvalidFile,     // path, line?, reason (malformed CSV, wrong header…)
    FileNotUtf8,     // path, line (a file in another encoding, e.g. Latin-1)
    ColumnNotFound,  // field (the option: date_column…), columns (names looked for), headers (present)
    RowRepeated,     // value, line, first_line (the same issue twice in one import)
    StorageFailure,  // reason
    Locked,
    DiskFull,
    NotADatabase,   // path?
    NewerDatabase,  // path
    CannotWrite,    // path, reason
    ExportFailure,  // what
    // A team's database on a server
    NotPermitted,        // action, role (the database refused a write to the user's role)
    ServerUnreachable,   // server, reason (no connection, wrong password, no such database)
    ConnectionLost,      // server (the connection broke: nothing of the unfinished write was kept)
    NotInitialised,      // server (an empty database: run db init)
    AlreadyInitialised,  // server (db init on a database that has tables)
    TargetNotEmpty,      // target (db copy into a database or file that holds data)
    ServerOnly,          // what (a command for PostgreSQL, given an SQLite file)
    UserNotFound,        // value
    UserExists,          // value
};

// The stable name of a code ("competitor_conflict"), for logs and JSON.
std::string_view to_string(ErrorCode code);

using ErrorValue = std::variant<std::string, std::int64_t, std::vector<std::string>>;
using ErrorValues = std::map<std::string, ErrorValue>;

// What an error is about: the code, the field it concerns, named values.
struct ErrorInfo {
    ErrorCode code = ErrorCode::Unspecified;
    std::string field;
    ErrorValues values;
};

class Error : public std::runtime_error {
public:
    Error(ErrorKind kind, ErrorInfo info, const std::string& message)
        : std::runtime_error(message), kind_(kind), info_(std::move(info)) {}
    ErrorKind kind() const { return kind_; }
    int exit_status() const { return static_cast<int>(kind_); }

    ErrorCode code() const { return info_.code; }
    const std::string& field() const { return info_.field; }
    const ErrorValues& values() const { return info_.values; }
    const ErrorInfo& info() const { return info_; }
    bool has(const std::string& key) const { return info_.values.count(key) > 0; }
    // A value by name; empty / 0 / {} when absent or of another type.
    std::string text(const std::string& key) const;
    std::int64_t number(const std::string& key) const;
    std::vector<std::string> list(const std::string& key) const;

private:
    ErrorKind kind_;
    ErrorInfo info_;
};

struct InvalidInput : Error {
    InvalidInput(ErrorInfo info, const std::string& m) : Error(ErrorKind::InvalidInput, std::move(info), m) {}
};
struct UsageError : Error {
    explicit UsageError(const std::string& m) : Error(ErrorKind::Usage, {ErrorCode::Usage, {}, {}}, m) {}
};
struct NotFound : Error {
    NotFound(ErrorInfo info, const std::string& m) : Error(ErrorKind::NotFound, std::move(info), m) {}
};
struct Conflict : Error {
    Conflict(ErrorInfo info, const std::string& m) : Error(ErrorKind::Conflict, std::move(info), m) {}
};
// A sponsor of the same category is already in the issue: a Conflict that
// the front ends may offer to override (book with allow_competitor). Its
// values: category, competitors (names), issue date and publication.
struct CompetitorConflict : Conflict {
    CompetitorConflict(ErrorInfo info, const std::string& m) : Conflict(std::move(info), m) {}
};
// The database refused a write to the user's role. `action` names the write
// as the front end knows it (the CLI fills in its command).
struct NotPermitted : Error {
    NotPermitted(ErrorInfo info, const std::string& m) : Error(ErrorKind::NotPermitted, std::move(info), m) {}
};
struct StorageError : Error {
    StorageError(ErrorInfo info, const std::string& m) : Error(ErrorKind::Storage, std::move(info), m) {}
};

// Throws the typed error of that kind (InvalidInput for InvalidInput…),
// keeping code, field and values.
[[noreturn]] void throw_error(ErrorKind kind, ErrorInfo info, const std::string& message);
// Re-throws `e` with its message replaced, keeping its type's kind, code,
// field and values (a CompetitorConflict stays one).
[[noreturn]] void rethrow_with_message(const Error& e, const std::string& message);

// Quotes a user-supplied value for an error message, cut short when huge so
// that a 100 kB name still yields one readable line.
std::string quote_value(const std::string& value);

}  // namespace sponsordesk
