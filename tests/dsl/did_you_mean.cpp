// Suggestions for misspelled names.

#include <catch2/catch.hpp>

#include "core/did_you_mean.h"

using namespace lamina;

TEST_CASE("edit distance counts insertions, deletions, substitutions and adjacent swaps") {
  CHECK(edit_distance("mean", "mean") == 0);
  CHECK(edit_distance("meen", "mean") == 1);   // substitution
  CHECK(edit_distance("men", "mean") == 1);    // insertion
  CHECK(edit_distance("meaan", "mean") == 1);  // deletion
  CHECK(edit_distance("maen", "mean") == 1);   // swap
  CHECK(edit_distance("MEAN", "mean") == 0);   // case-insensitive
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("ca", "abc") == 3);  // optimal string alignment: no edits after a swap
}

TEST_CASE("the closest candidate is suggested when it is close enough") {
  std::vector<std::string> names = {"max", "mean", "min", "maximum", "softmax"};
  CHECK(did_you_mean("meen", names) == "mean");
  CHECK(did_you_mean("maximun", names) == "maximum");
  CHECK(did_you_mean("softmx", names) == "softmax");
  CHECK(did_you_mean("Mean", names) == "mean");
}

TEST_CASE("nothing is suggested when nothing is close") {
  std::vector<std::string> names = {"mean", "relu"};
  CHECK_FALSE(did_you_mean("banana", names).has_value());
  CHECK_FALSE(did_you_mean("x", {}).has_value());
  CHECK_FALSE(did_you_mean("mean", {"mean"}).has_value());  // already correct
}

TEST_CASE("the threshold is max(1, len / 3)") {
  // "ab" allows 1 edit; "abcdef" allows 2; "abcdefghi" allows 3.
  CHECK(did_you_mean("ab", {"xb"}) == "xb");
  CHECK_FALSE(did_you_mean("ab", {"xy"}).has_value());
  CHECK(did_you_mean("abcdef", {"abcdxy"}) == "abcdxy");
  CHECK_FALSE(did_you_mean("abcdef", {"abcxyz"}).has_value());
  CHECK(did_you_mean("abcdefghi", {"abcdefxyz"}) == "abcdefxyz");
}

TEST_CASE("ties go to the earlier candidate") {
  CHECK(did_you_mean("mxn", {"min", "man"}) == "min");
  CHECK(did_you_mean("mxn", {"man", "min"}) == "man");
}
