// The paged list (the desktop's virtual bookings list reads it 200 rows at
// a time): in every sort order and direction, with and without filters, the
// pages laid end to end are the unpaged list, row for row.
#include <string>
#include <vector>

#include "core_fixture.h"
#include "sponsordesk/storage/booking_repository.h"

namespace sponsordesk::test {
namespace {

class BookingPages : public CoreFixture {
protected:
    void SetUp() override {
        CoreFixture::SetUp();
        // Classifieds of four sponsors over the month, several per issue, in
        // an order that is neither the date nor the sponsor order (competitors
        // allowed: Acme and Bobco share a category).
        const char* names[] = {"Dune", "Acme", "Cirrus", "Dune", "Bobco", "Acme"};
        int n = 0;
        for (const Issue& issue : IssueService(*db).list("brief", std::nullopt, std::nullopt)) {
            for (int k = 0; k < 3; ++k)
                book(names[n++ % 6], issue.date.iso(), "CLASS", std::nullopt, std::nullopt, true);
            if (issue.date.day % 2) book(names[n % 6], issue.date.iso(), "MAIN", std::nullopt, std::nullopt, true);
        }
    }

    static std::vector<Id> ids(const std::vector<BookingView>& rows) {
        std::vector<Id> out;
        for (const auto& v : rows) out.push_back(v.booking.id);
        return out;
    }
};

TEST_F(BookingPages, PagesLaidEndToEndAreTheWholeList) {
    BookingRepository repo(*db);
    const Id dune = test_lookup::sponsor_named(*db, "Dune").id;
    using Sort = BookingFilter::Sort;
    int compared = 0;
    for (const Sort sort : {Sort::IssueDate, Sort::Sponsor, Sort::Publication, Sort::Placement, Sort::Status,
                            Sort::Price, Sort::BookingNumber}) {
        for (const bool descending : {false, true}) {
            for (int filter = 0; filter < 4; ++filter) {
                BookingFilter f;
                f.today = Date::today();
                f.sort = sort;
                f.descending = descending;
                if (filter == 1) f.sponsor_id = dune;
                if (filter == 2) f.sponsor_text = "CIR";
                if (filter == 3) {
                    f.from = Date::parse("2026-03-10");
                    f.to = Date::parse("2026-03-20");
                }
                const std::vector<Id> whole = ids(repo.list(f));
                ASSERT_FALSE(whole.empty());
                std::vector<Id> paged;
                for (f.offset = 0;; f.offset += 7) {
                    f.limit = 7;
                    const auto page = ids(repo.list(f));
                    paged.insert(paged.end(), page.begin(), page.end());
                    if (page.size() < 7) break;
                }
                SCOPED_TRACE(testing::Message() << "sort " << static_cast<int>(sort) << (descending ? " desc" : "")
                                                << " filter " << filter);
                EXPECT_EQ(paged, whole);
                ++compared;
            }
        }
    }
    EXPECT_EQ(compared, 56);
}

}  // namespace
}  // namespace sponsordesk::test
