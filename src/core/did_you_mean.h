#pragma once
// "did you mean ...?" suggestions for misspelled names.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lamina {

/// The candidate closest to `name` (case-insensitive Damerau-Levenshtein distance:
/// insertions, deletions, substitutions and swaps of adjacent letters), if it is close
/// enough to be a plausible typo: distance <= max(1, name.size() / 3). Ties go to the
/// earlier candidate; a candidate spelled exactly like `name` is never suggested.
///
/// Example: did_you_mean("meen", {"mean", "max"}) == "mean".
std::optional<std::string> did_you_mean(std::string_view name, const std::vector<std::string>& candidates);

/// The edit distance did_you_mean uses (exposed for tests).
size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace lamina
