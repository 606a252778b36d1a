#pragma once
// The SQL twins of the invoice rules of sponsordesk/services/invoice_rules.h
// that storage filters by; tests/core/test_dashboard.cpp requires both to
// agree over generated invoices. Alias: inv invoice; today bound as :today.
namespace sponsordesk::invoice_rules::sql {

// What is still owed on invoice inv: its gross less every payment on it.
inline constexpr const char* kOutstanding =
    "(inv.gross - (SELECT coalesce(sum(pay.amount), 0) FROM payment pay WHERE pay.invoice_id = inv.id))";

// is_overdue: an issued invoice past its due date with something still owed.
inline constexpr const char* kOverdue =
    "(inv.kind = 'invoice' AND inv.status = 'issued' AND inv.due_date < :today "
    "AND inv.gross - (SELECT coalesce(sum(pay.amount), 0) FROM payment pay WHERE pay.invoice_id = inv.id) > 0)";

}  // namespace sponsordesk::invoice_rules::sql
