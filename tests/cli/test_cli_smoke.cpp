#include <gtest/gtest.h>
TEST(CliBuild, Placeholder) { SUCCEED(); }
