// Version queries: what this library binary is, whatever header the host was built with.

#include "lamina/lamina.h"

extern "C" {

const char* lamina_version(void) { return LAMINA_VERSION_STRING; }

int lamina_file_format_version(void) { return LAMINA_FILE_FORMAT_VERSION; }

}  // extern "C"
