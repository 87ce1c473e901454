#ifndef LAMINA_EXPORT_H
#define LAMINA_EXPORT_H
/* LAMINA_API marks what liblamina.so exports: the public C and C++ API. The library
   is built with -fvisibility=hidden, so everything else (the compiler's internals,
   LLVM) stays inside it. Valid C and C++. */

#if defined(__GNUC__) || defined(__clang__)
#define LAMINA_API __attribute__((visibility("default")))
/* Inside an exported class: a member that is for Lamina's own use (it names internal types). */
#define LAMINA_INTERNAL __attribute__((visibility("hidden")))
#else
#define LAMINA_API
#define LAMINA_INTERNAL
#endif

#endif /* LAMINA_EXPORT_H */
