// CLAPACK: the C surface of OpenBLAS/LAPACK that NumericCore calls.
// This module provides no Swift API of its own; only NumericCore imports it
// (with `internal import`). Prototypes follow Debian's lapack.h (LAPACK 3.11):
// Fortran subroutines return void, every argument is passed by pointer, and
// each CHARACTER argument has a trailing hidden length of type size_t.
// Integers are 32-bit (Debian's libopenblas0 is the LP64 build, not ILP64).
#ifndef TRADESCOPE_CLAPACK_SHIM_H
#define TRADESCOPE_CLAPACK_SHIM_H

#include <stddef.h>
#include <cblas.h>

/// Householder QR with column pivoting: A P = Q R.
void dgeqp3_(const int *m, const int *n, double *a, const int *lda, int *jpvt,
             double *tau, double *work, const int *lwork, int *info);

/// Applies Q or Q^T from dgeqrf/dgeqp3 to a general matrix C.
void dormqr_(const char *side, const char *trans, const int *m, const int *n,
             const int *k, const double *a, const int *lda, const double *tau,
             double *c, const int *ldc, double *work, const int *lwork, int *info,
             size_t side_len, size_t trans_len);

/// Solves a triangular system A X = B or A^T X = B.
void dtrtrs_(const char *uplo, const char *trans, const char *diag, const int *n,
             const int *nrhs, const double *a, const int *lda, double *b,
             const int *ldb, int *info,
             size_t uplo_len, size_t trans_len, size_t diag_len);

/// Stops OpenBLAS's thread pool (OpenBLAS 0.3: joins the threads its constructor started; a later
/// threaded call would start them again). Not in cblas.h.
int blas_thread_shutdown_(void);

#endif
