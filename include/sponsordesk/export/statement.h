#pragma once
// Statement: every invoice, credit note and payment of one sponsor with the
// running balance, exported as a workbook (`invoice statement`).
#include <string>
#include <vector>

#include "sponsordesk/domain/date.h"
#include "sponsordesk/domain/money.h"

namespace sponsordesk {

enum class StatementEntryKind { Invoice, CreditNote, Payment, Refund };  // refund: paid back on a credit note

struct StatementEntry {
    Date date;
    StatementEntryKind kind = StatementEntryKind::Invoice;
    std::string reference;  // invoice / credit note number, or the paid invoice's
    std::string description;
    Minor debit = 0;   // what the sponsor owes more (invoice gross)
    Minor credit = 0;  // what the sponsor owes less (credit note, payment)
};

struct Statement {
    std::string sponsor;  // display name
    std::string currency = "EUR";
    std::string language = "fr";  // fr | en: labels
    Date as_of;                   // statement date
    Minor opening_balance = 0;    // owed before the first entry
    std::vector<StatementEntry> entries;
};

struct StatementRow {
    StatementEntry entry;
    Minor balance = 0;  // owed after this entry: positive = the sponsor owes
};

// The entries in date order (same-date entries keep their given order) with
// the running balance: opening balance + debits − credits so far. The
// balance is computed here, not by the caller, so that it always adds up.
std::vector<StatementRow> statement_rows(const Statement& statement);

// One sheet "Statement": sponsor and date on top, then a frozen, filterable
// table (date, kind, reference, description, debit, credit, balance) and a
// totals row whose closing balance is a formula with its value cached.
// Throws InvalidInput for negative debits/credits, StorageError when the
// file cannot be written.
void write_statement_xlsx(const Statement& statement, const std::string& path);

}  // namespace sponsordesk
