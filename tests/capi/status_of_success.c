/* Success is a NULL status, and every status query accepts it. */

#include <string.h>

#include "harness.h"

TEST(null_status_reads_as_success) {
  CHECK(lamina_status_code(NULL) == LAMINA_OK);
  CHECK(strcmp(lamina_status_message(NULL), "") == 0);
  CHECK(lamina_status_line(NULL) == 0);
  CHECK(lamina_status_column(NULL) == 0);
  lamina_status_free(NULL);
}
