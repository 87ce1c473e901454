#ifndef LAMINA_VERSION_H
#define LAMINA_VERSION_H
/* The versions a host can check at compile time (these macros) and at run time
   (lamina_version(), lamina_file_format_version() in lamina/lamina.h). Valid C and C++.
   Keep LAMINA_VERSION_* equal to project(VERSION) in CMakeLists.txt: tests/cli/version.sh
   checks the string (the CLI prints it) and tests/capi/versions.c the parts. */

#define LAMINA_VERSION_MAJOR 0
#define LAMINA_VERSION_MINOR 1
#define LAMINA_VERSION_PATCH 0
#define LAMINA_VERSION_STRING "0.1.0"

/* The version of the model file format this library writes and the newest it reads
   (docs/file-format.md). It changes only when files change, not with every release. */
#define LAMINA_FILE_FORMAT_VERSION 1

#endif /* LAMINA_VERSION_H */
