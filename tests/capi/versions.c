/* The library reports the version it was built as, equal to the header's macros. */

#include <stdio.h>
#include <string.h>

#include "harness.h"

TEST(version_matches_header) {
  char expected[32];
  sprintf(expected, "%d.%d.%d", LAMINA_VERSION_MAJOR, LAMINA_VERSION_MINOR, LAMINA_VERSION_PATCH);
  CHECK(strcmp(lamina_version(), expected) == 0);
  CHECK(strcmp(lamina_version(), LAMINA_VERSION_STRING) == 0);
}

TEST(file_format_version_matches_header) {
  CHECK(lamina_file_format_version() == LAMINA_FILE_FORMAT_VERSION);
  CHECK(lamina_file_format_version() >= 1);
}
