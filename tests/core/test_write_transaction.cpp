// A WriteTransaction opened inside another is a savepoint.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <stdexcept>

#include "sponsordesk/domain/errors.h"
#include "sponsordesk/storage/database.h"

using namespace sponsordesk;

namespace {
int rows(Database& db) { return db.sql().execAndGet("SELECT count(*) FROM publication").getInt(); }
void add(Database& db, const char* slug) {
    db.sql().exec(std::string("INSERT INTO publication (name, slug) VALUES ('P', '") + slug + "')");
}
}  // namespace

// Bug (issue 10, point 4): a nested transaction joined the outer one, so
// the demo caught a Conflict and committed the failed part's writes.
TEST(WriteTransaction, AnInnerTransactionThatThrowsIsRolledBackToItsSavepointWhileTheOuterCommits) {
    Database db(":memory:");
    {
        WriteTransaction outer(db);
        add(db, "before");
        try {
            WriteTransaction inner(db);
            add(db, "failed-part");
            throw Conflict({}, "refused half-way");
        } catch (const Conflict&) {
            // The caller goes on, as DemoService does after a refused booking.
        }
        add(db, "after");
        outer.commit();
    }
    EXPECT_EQ(rows(db), 2);
    EXPECT_EQ(db.sql().execAndGet("SELECT count(*) FROM publication WHERE slug = 'failed-part'").getInt(), 0);
}

TEST(WriteTransaction, ACommittedInnerTransactionStillDependsOnTheOuterOne) {
    Database db(":memory:");
    {
        WriteTransaction outer(db);
        {
            WriteTransaction inner(db);
            add(db, "inner");
            inner.commit();
        }
        EXPECT_EQ(rows(db), 1);
        // No commit: the outer rollback takes the inner writes with it.
    }
    EXPECT_EQ(rows(db), 0);
    {
        WriteTransaction outer(db);
        {
            WriteTransaction inner(db);
            add(db, "kept");
            inner.commit();
        }
        {
            WriteTransaction second(db);
            add(db, "dropped");
        }
        outer.commit();
    }
    EXPECT_EQ(rows(db), 1);
    EXPECT_EQ(db.sql().execAndGet("SELECT slug FROM publication").getString(), "kept");
}
