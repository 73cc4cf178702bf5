#ifndef CGLPK_GUARD_H
#define CGLPK_GUARD_H

#include <stddef.h>

/*
 * A guarded, bulk interface to GLPK.
 *
 * Every function that reaches GLPK installs a terminal hook and an error hook, calls setjmp, calls GLPK and
 * removes the hooks again. When GLPK detects an error it would print to stdout and abort(); instead the error
 * hook records GLPK's text, frees the thread's GLPK environment (glp_free_env) and longjmps back into the
 * guarded function, which returns CGLPK_FAULT. Freeing the environment deletes every problem of the thread,
 * so each handle remembers the environment generation it was created in and is refused (CGLPK_DEAD) once
 * that generation has ended. Handles are also bound to the creating thread (Debian builds GLPK with a
 * thread-local environment) and are refused elsewhere (CGLPK_WRONG_THREAD).
 *
 * `message` / `capacity`: a caller buffer that receives GLPK's text (NUL-terminated, truncated to fit) when
 * a function does not return CGLPK_OK.
 */

#define CGLPK_OK 0
/// GLPK's error hook fired: the thread's GLPK environment and all its problems are gone.
#define CGLPK_FAULT (-1)
/// The handle's problem was freed by an earlier fault or environment release on its thread.
#define CGLPK_DEAD (-2)
/// The handle was used on a thread other than the one that created it.
#define CGLPK_WRONG_THREAD (-3)
/// GLPK reported an ordinary failure (e.g. a file could not be written); the problem is intact.
#define CGLPK_FAILED 1

/* glp_simplex return codes and glp_get_status values, mirrored so that Swift never imports raw GLPK;
   cglpk_guard.c checks at compile time that they equal GLPK's. */
#define CGLPK_EBADB 0x01
#define CGLPK_ESING 0x02
#define CGLPK_ECOND 0x03
#define CGLPK_EBOUND 0x04
#define CGLPK_EFAIL 0x05
#define CGLPK_EOBJLL 0x06
#define CGLPK_EOBJUL 0x07
#define CGLPK_EITLIM 0x08
#define CGLPK_ETMLIM 0x09
#define CGLPK_ENOPFS 0x0A
#define CGLPK_ENODFS 0x0B
#define CGLPK_UNDEF 1
#define CGLPK_FEAS 2
#define CGLPK_INFEAS 3
#define CGLPK_NOFEAS 4
#define CGLPK_OPT 5
#define CGLPK_UNBND 6

/// A GLPK problem owned by one thread. Opaque.
typedef struct cglpk_problem cglpk_problem;

/// A whole model, loaded in one call. Row/column indices are 0-based except the matrix arrays.
typedef struct cglpk_model {
    int maximize;
    int row_count;
    int column_count;
    /// Row names then column names, each NUL-terminated, back to back (row_count + column_count strings).
    const char *names;
    /// Bounds; -INFINITY / +INFINITY mean "no bound on that side".
    const double *row_lower;
    const double *row_upper;
    const double *column_lower;
    const double *column_upper;
    /// column_count objective coefficients and the constant term.
    const double *objective;
    double objective_constant;
    /// GLPK's 1-based triplets (element 0 unused), entry_count entries, no duplicate (row, column) pairs.
    int entry_count;
    const int *entry_rows;
    const int *entry_columns;
    const double *entry_values;
} cglpk_model;

/* Starting bases for cglpk_simplex and cglpk_reset_basis. */
#define CGLPK_BASIS_HELD 0
/// glp_std_basis: every row basic.
#define CGLPK_BASIS_STANDARD 1
/// glp_adv_basis: a triangular crash basis.
#define CGLPK_BASIS_ADVANCED 2
/// glp_cpx_basis: Bixby's crash basis.
#define CGLPK_BASIS_BIXBY 3

typedef struct cglpk_simplex_parameters {
    /// 0: primal simplex (GLP_PRIMAL), 1: dual simplex falling back to primal (GLP_DUALP).
    int dual;
    int presolve;
    /// 1: scale the problem (glp_scale_prob with GLP_SF_AUTO) before solving, 0: solve it unscaled. The
    /// factors depend on the matrix alone, so they are computed once and kept until a call asks for the
    /// other setting (then glp_unscale_prob). Rows and columns added later keep the factor 1: scaling
    /// again after each round of column generation cost more time than its fewer iterations saved.
    int scale;
    /// Basis to start from: CGLPK_BASIS_HELD (the one the problem holds), or replace it first.
    int starting_basis;
    /// Negative: no limit.
    int iteration_limit;
    /// Milliseconds; negative: no limit.
    int time_limit_ms;
} cglpk_simplex_parameters;

typedef struct cglpk_simplex_outcome {
    /// glp_simplex's return code (0, GLP_EBADB, ...).
    int return_code;
    /// glp_get_status, glp_get_prim_stat, glp_get_dual_stat after the call.
    int status;
    int primal_status;
    int dual_status;
    double objective;
    /// Simplex iterations spent in this call.
    int iterations;
} cglpk_simplex_outcome;

/// The version string of the GLPK library linked in, e.g. "5.0".
const char *cglpk_version(void);

/// Creates a problem on this thread and loads the whole model into it. On success *problem is set.
int cglpk_create(const cglpk_model *model, cglpk_problem **problem, char *message, size_t capacity);

/// Deletes the GLPK problem when it is still alive and this is its thread (otherwise the problem is either
/// gone already or cannot be touched safely), then frees the handle.
void cglpk_destroy(cglpk_problem *problem);

/// Scales or unscales the problem as asked, replaces its basis if asked, then runs glp_simplex with terminal
/// output off.
int cglpk_simplex(cglpk_problem *problem, const cglpk_simplex_parameters *parameters,
                  cglpk_simplex_outcome *outcome, char *message, size_t capacity);

/// Replaces the basis by glp_std_basis, glp_adv_basis or glp_cpx_basis (a CGLPK_BASIS_ constant other than
/// CGLPK_BASIS_HELD).
int cglpk_reset_basis(cglpk_problem *problem, int basis, char *message, size_t capacity);

/// Copies the basic solution: column_count primal values and reduced costs, row_count activities and duals.
int cglpk_get_solution(cglpk_problem *problem, double *column_values, double *column_reduced_costs,
                       double *row_activities, double *row_duals, char *message, size_t capacity);

/// Sets the bounds of `count` rows (0-based indices); ±INFINITY mean "no bound".
int cglpk_set_row_bounds(cglpk_problem *problem, int count, const int *rows, const double *lower,
                         const double *upper, char *message, size_t capacity);

/// Sets the bounds of `count` columns (0-based indices); ±INFINITY mean "no bound".
int cglpk_set_column_bounds(cglpk_problem *problem, int count, const int *columns, const double *lower,
                            const double *upper, char *message, size_t capacity);

/// Appends `count` columns with bounds (±INFINITY: none), objective coefficients and entries: column k's
/// entries are `rows[starts[k] ..< starts[k+1]]` (1-based GLPK row numbers) and the same range of `values`;
/// `starts` has `count + 1` elements and `starts[0] >= 1`, so that the arrays hold a slot before each
/// column's first entry (GLPK reads its arrays from index 1).
int cglpk_add_columns(cglpk_problem *problem, int count, const double *lower, const double *upper,
                      const double *objective, const int *starts, const int *rows, const double *values,
                      char *message, size_t capacity);

/// Appends `count` rows with bounds and entries laid out as in `cglpk_add_columns` (1-based GLPK column
/// numbers); each new row's auxiliary variable is basic, so a held basis stays valid.
int cglpk_add_rows(cglpk_problem *problem, int count, const double *lower, const double *upper, const int *starts,
                   const int *columns, const double *values, char *message, size_t capacity);

/// Deletes those of `count` columns (0-based, distinct) that are not basic, so the held basis stays a
/// basis; `deleted[k]` tells which were. Later columns move down to fill the gaps, in order.
int cglpk_delete_nonbasic_columns(cglpk_problem *problem, int count, const int *columns, int *deleted,
                                   char *message, size_t capacity);

/// Deletes those of `count` rows (0-based, distinct) whose auxiliary variable is basic, so the held basis
/// stays a basis (the row and its basic slack leave together); `deleted[k]` tells which were. Later rows
/// move down to fill the gaps, in order.
int cglpk_delete_basic_rows(cglpk_problem *problem, int count, const int *rows, int *deleted, char *message,
                            size_t capacity);

/// Sets `count` objective coefficients (0-based column indices).
int cglpk_set_objective(cglpk_problem *problem, int count, const int *columns, const double *coefficients,
                        char *message, size_t capacity);

/// Frees this thread's GLPK environment (glp_free_env); every live handle of the thread becomes dead.
void cglpk_free_environment(void);

/// The calling thread's deadline for every solve, in seconds of CLOCK_MONOTONIC; 0 for none. Each solve's
/// time limit is cut to what is left of it (GLPK.withDeadline in Swift).
void cglpk_set_thread_deadline(double seconds);
double cglpk_thread_deadline(void);

/// Test support: makes GLPK fail inside the guard on purpose. kind 0: a control character in a row name
/// (glp_set_row_name); kind 1: a duplicate (row, column) pair (glp_load_matrix).
int cglpk_provoke_fault(cglpk_problem *problem, int kind, char *message, size_t capacity);

/// Replaces the basis: exactly the listed rows and columns (0-based) become basic; the other columns become
/// non-basic at their upper bound when listed in `upper_columns` and the bound exists, else at the bound their
/// type allows (glp_set_row_stat / glp_set_col_stat). Whether the basis is valid is glp_simplex's to check.
int cglpk_set_basis(cglpk_problem *problem, int basic_row_count, const int *basic_rows, int basic_column_count,
                    const int *basic_columns, int upper_column_count, const int *upper_columns, char *message,
                    size_t capacity);

/// Ranging of right-hand sides on the optimal basis the problem holds: the upper bound of each of `count`
/// variables (GLPK numbering: rows 1…m, then columns m+1…m+n) moves by δ·weights[t]; sets [*low, *high]
/// (low ≤ 0 ≤ high, ±INFINITY when unbounded) to the steps δ for which the basis stays primal feasible,
/// hence optimal with the same duals. CGLPK_FAILED when the basis cannot be factorized.
int cglpk_upper_bound_ranging(cglpk_problem *problem, int count, const int *variables, const double *weights,
                              double *low, double *high, char *message, size_t capacity);

/// Ranging of objective coefficients on the optimal basis: the coefficient of each of `count` columns
/// (1-based) moves by δ·weights[t]; sets [*low, *high] to the steps δ for which the basis stays dual
/// feasible (minimisation), hence optimal with the same primal solution.
int cglpk_cost_ranging(cglpk_problem *problem, int count, const int *columns, const double *weights,
                       double *low, double *high, char *message, size_t capacity);

/// What cglpk_intopt found: the LP relaxation's glp_simplex code and status, then glp_intopt's return code
/// (-1 when the relaxation did not reach an optimum, so branch-and-cut did not run) and glp_mip_status.
typedef struct cglpk_mip_outcome {
    int relaxation_code;
    int relaxation_status;
    int return_code;
    int status;
    double objective;
} cglpk_mip_outcome;

/// Marks `count` columns (0-based) integer, solves the LP relaxation (dual simplex, terminal output off),
/// then runs GLPK's branch-and-cut (glp_intopt: no presolver, Gomory, MIR, cover and clique cuts on) within
/// `time_limit_ms` (negative: none) each, and copies the integer solution's column values.
int cglpk_intopt(cglpk_problem *problem, int count, const int *integer_columns, int time_limit_ms,
                 cglpk_mip_outcome *outcome, double *column_values, char *message, size_t capacity);

#endif
