#ifndef LAMINA_LAMINA_H
#define LAMINA_LAMINA_H
/* Lamina's C API: compile a Keras-Lambda-style expression and run it on host buffers.
   C99, usable from C and C++; its ABI is stable within a major version (liblamina.so.0).

   Conventions
   - Handles are opaque. Each comes from a `lamina_X_create`, `_borrow` or `_compile`
     call, is owned by the caller, and goes back with `lamina_X_free` (which accepts
     NULL). Nothing is ever freed behind the caller's back.
   - Every call that can fail returns `lamina_status*`: NULL means success; otherwise the
     caller owns the status (free it with lamina_status_free), any handle the call was to
     return is NULL, and the call had no other effect (except that lamina_lambda_run_into
     may have written part of its outputs). Bad input (NULL handles or pointers, wrong
     counts, dtypes or shapes) gives a status, never a crash or an abort; no C++
     exception crosses this API.
   - Queries of a handle's properties (lamina_tensor_rank, ...) cannot fail on a valid
     handle; given NULL they return the neutral value stated.
   - Strings are UTF-8 and NUL-terminated. A `const char*` returned by the library stays
     valid as long as the handle it came from.
   - Thread safety is stated per function. In short: compiled lambdas are immutable and
     may be run from many threads at once; a tensor may be read from many threads but
     written (as an output) by one at a time; statuses and argument sets belong to one
     thread at a time.

   Example (error handling trimmed; docs/c-api.md has the complete program):

     int64_t dims[2] = {-1, 4};                  // (None, 4): any batch size
     lamina_input_signature sig = {"x", LAMINA_FLOAT32, 2, dims};
     lamina_lambda* f = NULL;
     lamina_status* s = lamina_lambda_compile("lambda x: relu(x) * 2", &sig, 1, NULL, &f);
     if (s) { fprintf(stderr, "%s\n", lamina_status_message(s)); lamina_status_free(s); return 1; }

     float x[2][4] = {{1, -2, 3, -4}, {5, -6, 7, -8}}, y[2][4];
     int64_t shape[2] = {2, 4};
     lamina_tensor *in = NULL, *out = NULL;
     lamina_tensor_borrow(LAMINA_FLOAT32, 2, shape, x, sizeof x, &in);   // no copies:
     lamina_tensor_borrow(LAMINA_FLOAT32, 2, shape, y, sizeof y, &out);  // the kernels read x
     s = lamina_lambda_run_into(f, LAMINA_ENGINE_JIT, &in, 1, &out, 1);  // and write y
     lamina_tensor_free(in); lamina_tensor_free(out); lamina_lambda_free(f);
*/

#include <stddef.h>
#include <stdint.h>

#include "lamina/export.h"
#include "lamina/version.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ===== Versions ===== */

/* The library's version, "MAJOR.MINOR.PATCH" (LAMINA_VERSION_STRING of the build that
   made the library, which may differ from the header a host was compiled with).
   Static storage; never NULL. Thread-safe. */
LAMINA_API const char* lamina_version(void);

/* The model file format version this library writes and the newest it reads
   (LAMINA_FILE_FORMAT_VERSION of the library's build). Thread-safe. */
LAMINA_API int lamina_file_format_version(void);

/* ===== Status ===== */

/* What went wrong. Codes 1 to 11 are Lamina's error kinds (a problem in the source,
   the inputs or a file); LAMINA_INVALID_ARGUMENT is a mistake in the calling code. */
typedef enum lamina_code {
  LAMINA_OK = 0,
  LAMINA_SYNTAX_ERROR = 1,  /* the source does not parse */
  LAMINA_NAME_ERROR = 2,    /* unknown name or keyword in the source */
  LAMINA_CALL_ERROR = 3,    /* wrong arguments to a builtin */
  LAMINA_SHAPE_ERROR = 4,   /* shapes that cannot broadcast, contract or reshape */
  LAMINA_AXIS_ERROR = 5,    /* axis out of range */
  LAMINA_TYPE_ERROR = 6,    /* dtype mismatch or unsupported dtype */
  LAMINA_VALUE_ERROR = 7,   /* a bad constant or argument value */
  LAMINA_RUNTIME_ERROR = 8, /* inputs or outputs that do not fit the compiled lambda */
  LAMINA_FILE_ERROR = 9,    /* unreadable or malformed file */
  LAMINA_LIMIT_ERROR = 10,  /* larger than a safety limit */
  LAMINA_INTERNAL_ERROR = 11, /* a bug in Lamina: please report it */
  LAMINA_INVALID_ARGUMENT = 100, /* NULL handle or pointer, bad count, index, enum or buffer size */
  LAMINA_OUT_OF_MEMORY = 101
} lamina_code;

/* A failure: a code, a message for people and, for problems in source text, where. */
typedef struct lamina_status lamina_status;

/* The code; LAMINA_OK for NULL. Thread-safe for distinct statuses. */
LAMINA_API lamina_code lamina_status_code(const lamina_status* status);

/* The full message, as the `lamina` tool prints it: for source errors
   "line:col: error: what", the source line, a caret under the problem, and a hint.
   "" for NULL. Owned by the status. */
LAMINA_API const char* lamina_status_message(const lamina_status* status);

/* Where in the lambda's source the problem is, counting from 1; 0 when the problem
   has no source location (and for NULL). */
LAMINA_API int lamina_status_line(const lamina_status* status);
LAMINA_API int lamina_status_column(const lamina_status* status);

/* Frees a status. NULL is fine. */
LAMINA_API void lamina_status_free(lamina_status* status);

/* ===== Logging ===== */

typedef enum lamina_log_level {
  LAMINA_LOG_DEBUG = 0,   /* e.g. a JIT disk-cache hit */
  LAMINA_LOG_INFO = 1,    /* e.g. a lambda was JIT-compiled, and how long it took */
  LAMINA_LOG_WARNING = 2, /* e.g. the JIT disk cache cannot be written */
  LAMINA_LOG_ERROR = 3    /* every failing call of this API, with its message */
} lamina_log_level;

/* Receives one message (valid only during the call). Called on the thread that logs,
   one call at a time; it must not block for long. Messages the callback itself causes
   (by calling into Lamina) are dropped. */
typedef void (*lamina_log_callback)(void* user_data, lamina_log_level level, const char* message);

/* Sends messages at `min_level` and above to `callback` (NULL: silence, the default).
   When this returns, the previous callback is not running and will not be called
   again, so its user_data may be freed. The caller keeps user_data alive until then.
   Fails on an unknown level, and when called from inside the callback. Thread-safe. */
LAMINA_API lamina_status* lamina_set_log_callback(lamina_log_callback callback, void* user_data,
                                                  lamina_log_level min_level);

/* ===== Threads ===== */

/* Caps the threads Lamina's kernels use, the calling thread included: 1 runs everything
   on the calling thread, 0 means one per core (the default). Results do not depend on
   it. Waits for running calls to finish. Fails for a count below 0 or above 1024.
   Thread-safe. */
LAMINA_API lamina_status* lamina_set_num_threads(int count);

/* The current cap (at least 1). Thread-safe. */
LAMINA_API int lamina_num_threads(void);

/* ===== Tensors ===== */

/* Element types. Bool elements are one byte each, 0 or 1. */
typedef enum lamina_dtype {
  LAMINA_BOOL = 0,
  LAMINA_INT32 = 1,
  LAMINA_INT64 = 2,
  LAMINA_FLOAT32 = 3,
  LAMINA_FLOAT64 = 4
} lamina_dtype;

/* Bytes per element: 1, 4, 8, 4, 8; 0 for a value not in the enum. Thread-safe. */
LAMINA_API size_t lamina_dtype_size(lamina_dtype dtype);

/* "bool", "int32", "int64", "float32", "float64"; "unknown" for a value not in the
   enum. Static storage. Thread-safe. */
LAMINA_API const char* lamina_dtype_name(lamina_dtype dtype);

/* A dense, C-ordered (row-major) n-dimensional array of one dtype. */
typedef struct lamina_tensor lamina_tensor;

/* A new tensor of `rank` dims (dims[0..rank-1], each >= 0; dims may be NULL when rank is
   0) whose storage Lamina owns, filled with zeros. The caller owns *out and frees it with
   lamina_tensor_free. On failure *out is NULL. Thread-safe. */
LAMINA_API lamina_status* lamina_tensor_create(lamina_dtype dtype, int rank, const int64_t* dims,
                                               lamina_tensor** out);

/* Like lamina_tensor_create, then copies `byte_size` bytes from `data`, which must be
   exactly the tensor's size (elements * lamina_dtype_size). `data` is not used after the
   call returns. Bool bytes other than 0 become 1. Thread-safe. */
LAMINA_API lamina_status* lamina_tensor_create_copy(lamina_dtype dtype, int rank, const int64_t* dims,
                                                    const void* data, size_t byte_size, lamina_tensor** out);

/* A tensor over the caller's buffer, without copying: runs read inputs from it and write
   outputs into it. `byte_size` must be exactly the tensor's size and `data` aligned to
   the element size. The caller keeps the buffer alive, and does not change it during a
   run that reads it, until the tensor is freed; the caller owns *out. Buffers of bool
   tensors must hold only 0 or 1 (runs check). Thread-safe. */
LAMINA_API lamina_status* lamina_tensor_borrow(lamina_dtype dtype, int rank, const int64_t* dims,
                                               void* data, size_t byte_size, lamina_tensor** out);

/* Frees the handle; the storage goes with it unless it was borrowed. NULL is fine. */
LAMINA_API void lamina_tensor_free(lamina_tensor* tensor);

/* The dtype; LAMINA_FLOAT32 for NULL. */
LAMINA_API lamina_dtype lamina_tensor_dtype(const lamina_tensor* tensor);

/* The number of dims; -1 for NULL. */
LAMINA_API int lamina_tensor_rank(const lamina_tensor* tensor);

/* The dims, `rank` of them, owned by the tensor; NULL for NULL or rank 0. */
LAMINA_API const int64_t* lamina_tensor_dims(const lamina_tensor* tensor);

/* The number of elements (1 for rank 0); 0 for NULL. */
LAMINA_API int64_t lamina_tensor_element_count(const lamina_tensor* tensor);

/* The size of the data in bytes; 0 for NULL. */
LAMINA_API size_t lamina_tensor_byte_size(const lamina_tensor* tensor);

/* The elements, C-ordered, owned by the tensor (or the borrowed buffer itself); NULL for
   NULL. Writable; do not write while a run reads or writes the tensor. */
LAMINA_API void* lamina_tensor_data(lamina_tensor* tensor);
LAMINA_API const void* lamina_tensor_const_data(const lamina_tensor* tensor);

/* ===== Named arguments ===== */

/* Values bound by name in the lambda's source at compile time: a Keras Lambda's
   `arguments` (`lambda x, alpha: ...` compiled with alpha = 0.2). One thread at a time. */
typedef struct lamina_arguments lamina_arguments;

/* An empty set. The caller owns *out (lamina_arguments_free). Thread-safe. */
LAMINA_API lamina_status* lamina_arguments_create(lamina_arguments** out);

/* Frees the set. NULL is fine. */
LAMINA_API void lamina_arguments_free(lamina_arguments* arguments);

/* Binds `name` (a Python identifier) to a value, replacing an earlier binding. The name
   is copied. Fails for a NULL set or a name that is not an identifier. */
LAMINA_API lamina_status* lamina_arguments_set_int(lamina_arguments* arguments, const char* name, int64_t value);
LAMINA_API lamina_status* lamina_arguments_set_float(lamina_arguments* arguments, const char* name, double value);
/* Any non-zero value is True. */
LAMINA_API lamina_status* lamina_arguments_set_bool(lamina_arguments* arguments, const char* name, int value);
/* A Python literal: a number, True/False, a quoted string, or a tuple or list of these,
   e.g. "(2, 3)" for a shape. Fails with the parse error for anything else. */
LAMINA_API lamina_status* lamina_arguments_set_literal(lamina_arguments* arguments, const char* name,
                                                       const char* python_literal);

/* ===== Lambdas ===== */

/* One input of a lambda: its name in the `lambda a, b:` header, dtype and shape, with -1
   for a dim known only at run time (Keras' None; normally the batch). */
typedef struct lamina_input_signature {
  const char* name;
  lamina_dtype dtype;
  int rank;
  const int64_t* dims; /* rank entries; may be NULL when rank is 0 */
} lamina_input_signature;

/* Which executor runs a lambda: LLVM-compiled native code (compiled on the first run of
   each lambda, then cached), or the reference interpreter. Same results up to rounding. */
typedef enum lamina_engine { LAMINA_ENGINE_JIT = 0, LAMINA_ENGINE_INTERPRETER = 1 } lamina_engine;

/* A compiled lambda: parsed, lowered, shape-checked. Immutable. */
typedef struct lamina_lambda lamina_lambda;

/* Compiles `source` (the expression language of docs/language.md) for `input_count`
   inputs, matched by name to the source's `lambda a, b:` header (a body without a header
   has one input, of any name). `arguments` may be NULL; it is not used after the call.
   Every shape problem is found here, with the line and column in the status. The caller
   owns *out (lamina_lambda_free); on failure *out is NULL. Thread-safe. */
LAMINA_API lamina_status* lamina_lambda_compile(const char* source, const lamina_input_signature* inputs,
                                                size_t input_count, const lamina_arguments* arguments,
                                                lamina_lambda** out);

/* Frees a lambda. NULL is fine. No run may be in progress on it. */
LAMINA_API void lamina_lambda_free(lamina_lambda* lambda);

/* The number of inputs (runs take them in this order) and of results; 0 for NULL.
   Thread-safe. */
LAMINA_API size_t lamina_lambda_input_count(const lamina_lambda* lambda);
LAMINA_API size_t lamina_lambda_output_count(const lamina_lambda* lambda);

/* Input `index` as compiled: *name, *dtype, *rank and *dims (-1 for a dim known only at
   run time). Each out-pointer may be NULL if not wanted; *name and *dims are owned by the
   lambda. Fails for a NULL lambda or an index out of range. Thread-safe. */
LAMINA_API lamina_status* lamina_lambda_input(const lamina_lambda* lambda, size_t index, const char** name,
                                              lamina_dtype* dtype, int* rank, const int64_t** dims);

/* Result `index`: its dtype, rank and dims, -1 where the size is known only at run time
   (the batch equals the inputs' batch). As lamina_lambda_input otherwise. */
LAMINA_API lamina_status* lamina_lambda_output(const lamina_lambda* lambda, size_t index, lamina_dtype* dtype,
                                               int* rank, const int64_t** dims);

/* Runs the lambda on `inputs` (input_count of them, in input order) and stores one new
   tensor per result in outputs[0..output_count-1], which must be exactly
   lamina_lambda_output_count. The caller owns the new tensors; each has its own storage.
   Inputs are only read. On failure every outputs[i] is NULL. Thread-safe: many threads
   may run one lambda at once (with inputs nobody writes meanwhile). */
LAMINA_API lamina_status* lamina_lambda_run(const lamina_lambda* lambda, lamina_engine engine,
                                            lamina_tensor* const* inputs, size_t input_count,
                                            lamina_tensor** outputs, size_t output_count);

/* Runs the lambda writing each result into outputs[i], which must already have the
   result's dtype and shape (e.g. buffers borrowed with lamina_tensor_borrow): with the
   JIT the kernels write there directly and nothing is copied. Outputs must not overlap
   the inputs or each other (checked: runs are not in place). On failure the outputs' contents are unspecified. Thread-safe
   as lamina_lambda_run, as long as no two concurrent runs share an output. */
LAMINA_API lamina_status* lamina_lambda_run_into(const lamina_lambda* lambda, lamina_engine engine,
                                                 lamina_tensor* const* inputs, size_t input_count,
                                                 lamina_tensor* const* outputs, size_t output_count);

/* ---- Models ------------------------------------------------------------------------ */

/* A model loaded from a Lamina model file (docs/file-format.md): layers, DSL sources and
   weights, never code. Immutable through this API. */
typedef struct lamina_model lamina_model;

/* Loads the model file at `path`. A truncated, corrupt, hostile or newer-format file gives a
   status naming the problem (LAMINA_FILE_ERROR or LAMINA_LIMIT_ERROR), never a crash. The
   caller owns *out (lamina_model_free); on failure *out is NULL. Thread-safe. */
LAMINA_API lamina_status* lamina_model_load(const char* path, lamina_model** out);

/* Frees a model. NULL is fine. No run may be in progress on it. */
LAMINA_API void lamina_model_free(lamina_model* model);

/* The number of inputs (runs take them in this order) and outputs; 0 for NULL. Thread-safe. */
LAMINA_API size_t lamina_model_input_count(const lamina_model* model);
LAMINA_API size_t lamina_model_output_count(const lamina_model* model);

/* Input `index`: *name, *dtype, *rank, *dims (-1 for the batch and other run-time sizes).
   Out-pointers may be NULL; *name and *dims are owned by the model. Thread-safe. */
LAMINA_API lamina_status* lamina_model_input(const lamina_model* model, size_t index, const char** name,
                                             lamina_dtype* dtype, int* rank, const int64_t** dims);
/* Output `index`: as lamina_model_input, without a name. */
LAMINA_API lamina_status* lamina_model_output(const lamina_model* model, size_t index, lamina_dtype* dtype,
                                              int* rank, const int64_t** dims);

/* Runs the model on a batch (inputs in input order) and stores one new tensor per output in
   outputs[0..output_count-1]; the caller owns them. On failure every outputs[i] is NULL.
   Thread-safe: many threads may run one model at once. */
LAMINA_API lamina_status* lamina_model_run(const lamina_model* model, lamina_engine engine,
                                           lamina_tensor* const* inputs, size_t input_count,
                                           lamina_tensor** outputs, size_t output_count);

/* Runs the model with the JIT, writing each output into outputs[i] (right dtype and shape,
   not overlapping the inputs or each other): after the first call for a batch size, a call
   allocates nothing. Thread-safe as lamina_model_run, as long as no two concurrent runs share
   an output. */
LAMINA_API lamina_status* lamina_model_run_into(const lamina_model* model, lamina_tensor* const* inputs,
                                                size_t input_count, lamina_tensor* const* outputs,
                                                size_t output_count);

/* The model's Keras-style summary as text, owned by the model (valid until it is freed). */
LAMINA_API const char* lamina_model_summary(const lamina_model* model);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* LAMINA_LAMINA_H */
