// Fuzzes the parsers and checks of single values: amounts and rates, dates
// and months, SIREN, VAT number, IBAN, BIC, email, phone, names and text.
// Input: one value per line (each line is tried as every kind of value).
//
// Properties: only InvalidInput comes out; whatever is accepted comes back
// in a form that is accepted again unchanged (idempotent) and is valid
// UTF-8 (it goes into JSON, XLSX and PDF); amounts, rates and dates survive
// their own formatting; an accepted IBAN passes an independent mod-97 check;
// is_utf8 agrees with a strict UTF-8 reader.
#include <cctype>
#include <cstdint>
#include <string>

#include "fuzz_support.h"
#include "sponsordesk/domain/date.h"
#include "sponsordesk/domain/errors.h"
#include "sponsordesk/domain/money.h"
#include "sponsordesk/domain/validation.h"

using namespace sponsordesk;
using sponsordesk::fuzz::check;
using sponsordesk::fuzz::strict_utf8;

namespace {

template <class Fn>
bool accepted(Fn&& fn) {
    try {
        fn();
        return true;
    } catch (const InvalidInput&) {
        return false;
    }
}

// Runs a validator; when it accepts, its output must be accepted again as
// itself and be valid UTF-8.
template <class Fn>
void idempotent(const char* what, const std::string& value, Fn&& fn) {
    std::string out;
    if (!accepted([&] { out = fn(value); })) return;
    check(strict_utf8(out), what, out);
    std::string again;
    check(accepted([&] { again = fn(out); }) && again == out, what, out);
}

bool iban_mod97(const std::string& iban) {
    const std::string r = iban.substr(4) + iban.substr(0, 4);
    std::string digits;
    for (char c : r)
        digits += std::isdigit(static_cast<unsigned char>(c)) ? std::string(1, c) : std::to_string(c - 'A' + 10);
    unsigned mod = 0;
    for (char d : digits) mod = (mod * 10 + static_cast<unsigned>(d - '0')) % 97;
    return mod == 1;
}

void amounts(const std::string& v) {
    Minor amount = 0;
    if (accepted([&] { amount = parse_amount(v); })) {
        check(amount >= 0, "an amount is not negative", v);
        check(parse_amount(format_amount(amount)) == amount, "an amount survives format_amount", v);
        for (const char* lang : {"fr", "en"})
            for (const char* cur : {"EUR", "USD", "CHF"})
                check(!format_money(amount, cur, lang).empty(), "money shows");
        check(apply_rate(amount, 0) == 0 && apply_rate(amount, 10000) == amount, "0 % and 100 % of an amount", v);
        const Minor vat = apply_rate(amount, 2000);
        check(vat >= 0 && vat <= amount, "20 % of an amount is within it", v);
        check(apply_rate(-amount, 2000) == -vat, "VAT of a credit is the negated VAT", v);
    }
    RateBp rate = 0;
    if (accepted([&] { rate = parse_rate(v); })) {
        check(rate >= 0 && rate <= 10000, "a rate is 0 to 100 %", v);
        check(parse_rate(format_rate(rate)) == rate, "a rate survives format_rate", v);
    }
}

void dates(const std::string& v) {
    Date d;
    if (accepted([&] { d = Date::parse(v); })) {
        check(d.iso() == v, "a parsed date writes back as read", v);
        check(Date::from_days(d.days()) == d, "days and back", v);
        check(d.weekday() >= 0 && d.weekday() <= 6, "a weekday is 0 to 6", v);
        check(d.add_days(1).days() == d.days() + 1 && d.add_days(-1) < d, "next and previous day", v);
    }
    Month m;
    if (accepted([&] { m = Month::parse(v); })) {
        check(m.iso() == v, "a parsed month writes back as read", v);
        check(m.first() <= m.last() && Date::valid(m.last().year, m.last().month, m.last().day), "month ends", v);
    }
}

void identifiers(const std::string& v) {
    idempotent("SIREN", v, validate::siren);
    idempotent("VAT number", v, validate::vat_number);
    idempotent("IBAN", v, validate::iban);
    idempotent("BIC", v, validate::bic);
    idempotent("email", v, validate::email);
    idempotent("phone", v, validate::phone);
    idempotent("country", v, validate::country);
    idempotent("currency", v, validate::currency);
    idempotent("slug", v, validate::slug);
    idempotent("placement code", v, validate::placement_code);
    idempotent("name", v, [](const std::string& s) { return validate::name("name", s); });
    idempotent("text", v, [](const std::string& s) { return validate::text("notes", s); });

    std::string s;
    if (accepted([&] { s = validate::siren(v); }))
        for (char c : s) check(std::isdigit(static_cast<unsigned char>(c)) != 0, "a SIREN is digits", s);
    if (accepted([&] { s = validate::iban(v); }) && !s.empty()) check(iban_mod97(s), "an IBAN's check digits", s);
    // GLib's validation (text::is_utf8) also refuses NUL bytes, which no
    // stored text may hold: the strict reader must agree on everything else.
    const bool has_nul = v.find('\0') != std::string::npos;
    check(validate::is_utf8(v) == (strict_utf8(v) && !has_nul), "is_utf8 agrees with a strict UTF-8 reader", v);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string input(reinterpret_cast<const char*>(data), size);
    size_t start = 0;
    while (start <= input.size()) {
        size_t end = input.find('\n', start);
        if (end == std::string::npos) end = input.size();
        const std::string line = input.substr(start, end - start);
        amounts(line);
        dates(line);
        identifiers(line);
        start = end + 1;
    }
    return 0;
}
