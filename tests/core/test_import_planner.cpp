// `import bookings` places bookings with the same planner as `book`
// (booking_rules::next_free_slot and categories_clash).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "core_fixture.h"
#include "sponsordesk/domain/errors.h"
#include "sponsordesk/services/import_service.h"

using namespace sponsordesk;
namespace fs = std::filesystem;

namespace {

struct CsvFile {
    fs::path path;
    explicit CsvFile(const std::string& content) {
        path = fs::temp_directory_path() / ("sd-planner-" + std::to_string(std::random_device{}()) + ".csv");
        std::ofstream(path, std::ios::binary) << content;
    }
    ~CsvFile() {
        std::error_code ec;
        fs::remove(path, ec);
    }
};

}  // namespace

using ImportPlanner = sponsordesk::test::CoreFixture;

// Bug (issue 10, point 2): with an expired hold on slot 1 and slot 2 free,
// `book` took slot 2 but `import bookings` took slot 1 and stripped the
// hold's slot number.
TEST_F(ImportPlanner, ImportTakesTheFreeSlotLikeBookAndLeavesTheExpiredHoldItsNumber) {
    auto hold = book("Acme", "2026-03-20", "CLASS", BookingStatus::Hold, Date::parse("2026-03-05"));
    ASSERT_EQ(hold.booking.slot, 1);
    set_today("2026-03-06");  // the hold has expired
    CsvFile csv(
        "publication,date,placement,sponsor,price,status\n"
        "brief,2026-03-20,CLASS,Cirrus,,confirmed\n");
    ImportService(*db).bookings(csv.path.string());
    auto imported = BookingService(*db).list({});
    ASSERT_EQ(imported.size(), 2u);
    const BookingView& cirrus = imported[0].booking.id == hold.booking.id ? imported[1] : imported[0];
    EXPECT_EQ(cirrus.sponsor_name, "Cirrus");
    EXPECT_EQ(cirrus.booking.slot, 2);
    EXPECT_EQ(BookingService(*db).get(BookingId{hold.booking.id}).booking.slot, 1);

    // `book` on the same state does the same: slot 3, the hold keeps 1.
    EXPECT_EQ(book("Dune", "2026-03-20", "CLASS").booking.slot, 3);
    EXPECT_EQ(BookingService(*db).get(BookingId{hold.booking.id}).booking.slot, 1);
}

TEST_F(ImportPlanner, WhenOnlyTheExpiredHoldsSlotIsLeftImportTakesItAsBookDoes) {
    auto hold = book("Acme", "2026-03-20", "MAIN", BookingStatus::Hold, Date::parse("2026-03-05"));
    set_today("2026-03-06");
    CsvFile csv(
        "publication,date,placement,sponsor,price,status\n"
        "brief,2026-03-20,MAIN,Cirrus,,confirmed\n"
        "brief,2026-03-20,CLASS,Dune,,hold\n");
    ImportService(*db).bookings(csv.path.string());
    auto old = BookingService(*db).get(BookingId{hold.booking.id});
    EXPECT_EQ(old.booking.status, BookingStatus::Hold);
    EXPECT_FALSE(old.booking.slot.has_value());  // still visible, without a slot
    BookingQuery q;
    q.sponsor = SponsorId{SponsorService(*db).find_by_name("Dune")->id};
    auto dune = BookingService(*db).list(q);
    ASSERT_EQ(dune.size(), 1u);
    // The default hold of `book`: seven days, never past the issue.
    ASSERT_TRUE(dune[0].booking.hold_until);
    EXPECT_EQ(dune[0].booking.hold_until->iso(), "2026-03-13");
}

TEST_F(ImportPlanner, RowsOfOneFileSeeEachOthersSlotsAndCategories) {
    CsvFile csv(
        "publication,date,placement,sponsor,price,status\n"
        "brief,2026-03-20,CLASS,Dune,,confirmed\n"
        "brief,2026-03-20,CLASS,Dune,,confirmed\n"
        "brief,2026-03-20,CLASS,Dune,,confirmed\n"
        "brief,2026-03-20,CLASS,Dune,,confirmed\n"
        "brief,2026-03-20,CLASS,Dune,,confirmed\n");
    try {
        ImportService(*db).bookings(csv.path.string());
        FAIL() << "a fifth classified fits in four slots";
    } catch (const Conflict& e) {
        EXPECT_EQ(std::string(e.what()).rfind("line 6:", 0), 0u) << e.what();
    }
    EXPECT_TRUE(BookingService(*db).list({}).empty());
}
